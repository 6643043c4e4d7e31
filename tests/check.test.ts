import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { copyCourse, fixturesDir } from './helpers/course.js';

const check = (content: string) => runCli('check', ['--content', content]);
const stackFrame = /^ {4}at /m;

describe('npm run check', () => {
  it('passes the real course, diagrams included, without printing anything', async () => {
    const run = await check('content');
    expect(run.stderr).not.toMatch(stackFrame);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Contenu valide : \d+ cas, (?:[2-9]|[1-9]\d+) schémas Mermaid vérifiés/);
  });

  it('names the Markdown line of a diagram Mermaid cannot parse', async () => {
    const run = await check('tests/fixtures/workflow-broken-diagram');
    expect(run.code).toBe(1);
    // Line 31 of the case file is the diagram's broken arrow.
    expect(run.stderr).toContain('cases/cas-1-gamma.md:31 — schéma Mermaid invalide');
    expect(run.stderr).not.toMatch(stackFrame);
  });

  it('names course.yaml and the line of an unknown key', async () => {
    const run = await check('tests/fixtures/workflow-unknown-key');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/course\.yaml:5(:\d+)? — clé inconnue « colour »/);
    expect(run.stderr).not.toMatch(stackFrame);
  });

  it('names the line of a statement’s link to a heading only the trainer sees', async () => {
    const dir = await copyCourse(join(fixturesDir, 'mini'));
    const file = join(dir, 'cases/cas-1-alpha.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('au milieu.', 'au milieu, voir [la correction](#correction-proposition-de-référence).'));
    const run = await check(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cases/cas-1-alpha.md:27:78 — le lien « #correction-proposition-de-référence » ne mène nulle part');
    expect(run.stderr).not.toMatch(stackFrame);
  });

  it('exits 2 on a usage error, said in the system’s language (English by default)', async () => {
    const run = await runCli('check', ['--colour'], { env: { LANG: 'fr_FR.UTF-8', LC_ALL: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('option inconnue : --colour');
    expect(run.stderr).toContain('Usage : npm run check');
    expect(run.stderr).not.toMatch(stackFrame);
    const english = await runCli('check', ['--colour'], { env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(english.code).toBe(2);
    expect(english.stderr).toContain('unknown option: --colour');
    expect(english.stderr).toContain('Usage: npm run check');
  });
});
