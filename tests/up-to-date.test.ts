import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';

// As a trainer types it: the command, run again with nothing changed, finds out at once.
let content: string;
let out: string;
const env = { SOURCE_DATE_EPOCH: '1750000000', CASEBOOK_PROGRESS: '1' };

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

describe('what a command loads before it needs it', () => {
  it('build loads no browser, renderer or PDF library before it knows there is something to build', async () => {
    const { compile } = (await import('../scripts/compile.mjs')) as { compile: (entry: string, name: string) => Promise<string> };
    const entry = await compile('src/cli/build.ts', 'build');
    const atStart = await packagesOf(entry, false);
    const whenBuilding = await packagesOf(entry, true);
    for (const heavy of ['puppeteer', 'pdf-lib', 'unified', 'handlebars', 'fflate']) {
      expect(whenBuilding.some((p) => p === heavy || p.startsWith(`${heavy}/`)), `${heavy} when building`).toBe(true);
      expect(atStart.some((p) => p === heavy || p.startsWith(`${heavy}/`)), `${heavy} at start`).toBe(false);
    }
  });
});

/** The packages a compiled module loads: when it starts (static imports), or at some point (dynamic ones too). */
async function packagesOf(entry: string, dynamic: boolean, seen = new Set<string>()): Promise<string[]> {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const code = await readFile(entry, 'utf8');
  const statics = [...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)";?$|^import\s*"([^"]+)";?$/gms)].map((m) => (m[1] ?? m[2])!);
  const dynamics = dynamic ? [...code.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!) : [];
  const found: string[] = [];
  for (const specifier of [...statics, ...dynamics]) {
    if (specifier.startsWith('./')) found.push(...(await packagesOf(join(entry, '..', specifier), dynamic, seen)));
    else if (!specifier.startsWith('node:')) found.push(specifier);
  }
  return found;
}
