import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectDir, runCli } from './helpers/cli.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';

// As a trainer types it: the command, run again with nothing changed, finds out at once.
let content: string;
let out: string;
const env = { SOURCE_DATE_EPOCH: '1750000000', CASEBOOK_PROGRESS: '1' };

/** Each compiled folder's list, read once. */
const bundledLists = new Map<string, Record<string, string[]>>();

/** The packages a compiled command's file holds, as scripts/compile.mjs lists them beside it. */
function bundledIn(url: string): string[] {
  if (!url.startsWith('file:') || !url.includes('/.cache/casebook/js/')) return [];
  const path = fileURLToPath(url);
  const folder = dirname(path);
  if (!bundledLists.has(folder)) bundledLists.set(folder, JSON.parse(readFileSync(join(folder, 'bundled.json'), 'utf8')) as Record<string, string[]>);
  return bundledLists.get(folder)![basename(path)] ?? [];
}

async function mtimes(dir: string): Promise<Record<string, number>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return Object.fromEntries(await Promise.all(files.map(async (f) => [join(f.parentPath, f.name), (await stat(join(f.parentPath, f.name))).mtimeMs] as const)));
}

beforeAll(async () => {
  content = await copyCourse(join(fixturesDir, 'mini'));
  out = join(await tempDir(), 'dist');
  const first = await runCli('build', ['--content', content, '--out', out], { env });
  expect(first.code, first.stderr).toBe(0);
}, 120_000);

describe('a rebuild where nothing changed', () => {
  it('says the output is up to date, lists it again, and neither builds nor rewrites it', async () => {
    const before = await mtimes(out);
    const again = await runCli('build', ['--content', content, '--out', out], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/Rien n’a changé depuis la dernière construction : .* est à jour \(\d+ fichiers\)\./);
    expect(again.stderr).toContain('student/pack-apprenant.pdf');
    // No stage ran: the build itself was never called.
    expect(again.stderr).not.toMatch(/^· /m);
    expect(await mtimes(out)).toEqual(before);
  });

  it('builds again when a case, the output folder, the date or --no-cache says so', async () => {
    const built = /fichiers écrits dans/;
    const caseFile = join(content, 'cases', (await readdir(join(content, 'cases')))[0]!);
    await writeFile(caseFile, `${await readFile(caseFile, 'utf8')}\nUne phrase de plus.\n`);
    expect((await runCli('build', ['--content', content, '--out', out], { env })).stderr).toMatch(built);

    await rm(join(out, 'student/pack-apprenant.pdf'));
    const repaired = await runCli('build', ['--content', content, '--out', out], { env });
    expect(repaired.stderr).toMatch(built);
    expect((await stat(join(out, 'student/pack-apprenant.pdf'))).size).toBeGreaterThan(0);

    expect((await runCli('build', ['--content', content, '--out', out], { env: { ...env, SOURCE_DATE_EPOCH: '1760000000' } })).stderr).toMatch(built);
    expect((await runCli('build', ['--content', content, '--out', out, '--no-cache'], { env: { ...env, SOURCE_DATE_EPOCH: '1760000000' } })).stderr).toMatch(built);
  }, 240_000);
});

describe('what a command loads', () => {
  // Every module URL the command's process resolves, recorded by a hook preloaded in it.
  const loads = async (command: 'build' | 'check', args: string[]) => {
    const record = join(await tempDir(), 'modules.txt');
    const run = await runCli(command, args, {
      env: { ...env, CASEBOOK_RECORD_MODULES: record, NODE_OPTIONS: `--import ${join(projectDir, 'tests/helpers/record-modules.mjs')}` },
    });
    expect(run.code, run.stderr).toBe(0);
    return { stderr: run.stderr, modules: (await readFile(record, 'utf8')).split('\n') };
  };
  // A library is loaded from node_modules (pdfjs) or within a compiled file that bundles it.
  const loaded = (modules: string[], pkg: string) =>
    modules.some((url) => url.includes(`/node_modules/${pkg}/`) || bundledIn(url).includes(pkg));
  const fontkit = '@pdf-lib/fontkit';
  const printing = ['puppeteer', 'puppeteer-core', 'pdf-lib', fontkit, 'pdfjs-dist', 'fflate'];

  it('a build loads the printing, PDF and zip libraries, the forms’ font only for a grid to finish, the highlighter only for code; one with nothing changed loads none, nor a renderer', async () => {
    const caseFile = join(content, 'cases', (await readdir(join(content, 'cases')))[0]!);
    // New words on every run: the project's print cache outlives the test, and a page it already
    // holds would need no browser.
    const words = `${process.pid}-${Date.now()}`;
    await writeFile(caseFile, `${await readFile(caseFile, 'utf8')}\nEncore une phrase (${words}).\n`);
    // What the recording sees when there is something to build: it cannot pass by missing them.
    const building = await loads('build', ['--content', content, '--out', out]);
    expect(building.stderr).toMatch(/fichiers écrits dans/);
    for (const pkg of [...printing.filter((p) => p !== fontkit), 'unified', 'handlebars', 'katex']) expect(loaded(building.modules, pkg), `${pkg} when building`).toBe(true);
    // The statement is not on the grids: they come from the cache, with their forms.
    expect(loaded(building.modules, fontkit), 'fontkit with the grids unchanged').toBe(false);
    // Its one fenced block is a diagram.
    expect(loaded(building.modules, 'highlight.js'), 'highlight.js without code blocks').toBe(false);

    // An indicator is on its case's grid, which is then finished again, with its form.
    const text = await readFile(caseFile, 'utf8');
    const indicator = 'Flux lisible de gauche à droite';
    expect(text).toContain(indicator);
    // And a code block in the statement.
    await writeFile(caseFile, text.replace(indicator, `${indicator} (${words})`).replace(':::solution', '```js\nconst x = 1;\n```\n\n:::solution'));
    const grid = await loads('build', ['--content', content, '--out', out]);
    expect(loaded(grid.modules, fontkit), 'fontkit with a grid to finish').toBe(true);
    expect(loaded(grid.modules, 'highlight.js'), 'highlight.js with a code block').toBe(true);

    const unchanged = await loads('build', ['--content', content, '--out', out]);
    expect(unchanged.stderr).toMatch(/Rien n’a changé/);
    for (const pkg of [...printing, 'unified', 'handlebars', 'katex', 'highlight.js', 'mermaid']) {
      expect(loaded(unchanged.modules, pkg), `${pkg} with nothing changed`).toBe(false);
    }
  });

  it('check loads the renderer and the browser for the diagrams, and no PDF or zip library', async () => {
    const { modules } = await loads('check', ['--content', content]);
    for (const pkg of ['unified', 'handlebars', 'puppeteer']) expect(loaded(modules, pkg), `${pkg} in check`).toBe(true);
    for (const pkg of ['pdf-lib', '@pdf-lib/fontkit', 'pdfjs-dist', 'fflate']) expect(loaded(modules, pkg), `${pkg} in check`).toBe(false);
  });
});
