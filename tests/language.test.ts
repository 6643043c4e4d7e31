import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { fr } from '../src/i18n/fr.js';
import { importEn } from '../src/i18n/import-en.js';
import { importFr } from '../src/i18n/import-fr.js';
import { format, labels } from '../src/i18n/index.js';
import { coverDate } from '../src/render/view-model.js';
import { resolveOptions } from '../src/pipeline/options.js';
import { projectDir, runCli, type CliResult } from './helpers/cli.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';

// Every command, through its error paths, speaks the course's language and only that one: what
// an English course prints holds no word of the French dictionary, and the other way round.

/** The words of a dictionary's texts, lower case; `{placeholders}` are not words of the text. */
function words(value: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const w of v.replace(/\{\w+\}/g, ' ').toLowerCase().match(/\p{L}+/gu) ?? []) found.add(w);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

/** Words only `own` has: the other dictionary's and the course's own words are not evidence. */
function foreignWords(text: string, foreign: Set<string>, own: Set<string>, content: Set<string>): string[] {
  // Paths and addresses (student/…, cases/…, http://…) are names, not words of a language.
  const seen = (text.replace(/\S*\/\S*/g, ' ').toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => foreign.has(w) && !own.has(w) && !content.has(w));
  return [...new Set(seen)];
}

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

/** A course copied and broken by `change`. */
async function variant(fixture: string, file: string, change: (text: string) => string): Promise<string> {
  const dir = await copyCourse(fixture);
  await edit(dir, file, change);
  return dir;
}

/** `npm run dev` until it has said `until`, then Ctrl-C. */
function devUntil(args: string[], env: NodeJS.ProcessEnv, until: RegExp): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/casebook.mjs', 'dev', ...args], { cwd: projectDir, env: { ...process.env, ...env } });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    let stopped = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      // Once: a second Ctrl-C stops at once.
      if (!stopped && until.test(stderr)) stopped = child.kill('SIGINT');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Scenario {
  fixture: string;
  /** The first case file, and the text of its first diagram's fence. */
  caseFile: string;
  env: NodeJS.ProcessEnv;
}

/** Runs every command of casebook on a course, succeeding and failing; returns all they printed. */
async function everyCommand({ fixture, caseFile, env }: Scenario): Promise<{ runs: CliResult[]; text: string }> {
  const out = () => tempDir().then((d) => join(d, 'dist'));
  const run = async (command: Parameters<typeof runCli>[0], args: string[], extra: NodeJS.ProcessEnv = {}) =>
    runCli(command, args, { env: { ...env, ...extra } });
  const good = await copyCourse(fixture);
  // Warnings: a file saved as Windows-1252, raw HTML.
  const legacyText = (await readFile(join(good, caseFile), 'utf8'))
    .replace(/^number: \d+$/m, 'number: 99')
    .replace(/^id: .*$/m, 'id: legacy')
    .replace(/\n\n/, '\n\n<b>Zorglub</b> caf\u00e9\n\n');
  await writeFile(join(good, 'cases', 'zz-legacy.md'), Buffer.from(legacyText.replace(/[’“”«»—–…\u202F]/g, "'"), 'latin1'));

  const unknownKey = await variant(fixture, 'course.yaml', (t) => `${t}\ncolour: red\n`);
  await edit(unknownKey, caseFile, (t) => t.replace(/^number: \d+$/m, 'number: one').replace(/\n:::\s*$/, '\n'));
  const brokenYaml = await variant(fixture, 'course.yaml', (t) => `${t}\nextra: [unclosed\n`);
  const brokenDiagram = await variant(fixture, caseFile, (t) => t.replace('```mermaid\n', '```mermaid\nflowchart LR\n  A["x" -->\n```\n\n```mermaid\n'));
  const emptyCase = await variant(fixture, caseFile, () => '');
  const newCases = await copyCourse(fixture);
  let pid = 0;

  const runs = [
    await run('build', ['--content', good, '--out', await out()], { CASEBOOK_PROGRESS: '1' }),
    await run('build', ['--help']),
    await run('build', ['--contnet', good]),
    await run('build', ['--content']),
    await run('build', ['--content', good, 'extra']),
    await run('build', ['--content', good, '--out', await out()], { SOURCE_DATE_EPOCH: 'yesterday' }),
    await run('build', ['--content', join(good, 'nowhere'), '--out', await out()]),
    await run('build', ['--content', unknownKey, '--out', await out()]),
    await run('build', ['--content', brokenYaml, '--out', await out()]),
    await run('build', ['--content', brokenDiagram, '--out', await out(), '--no-cache']),
    await run('build', ['--content', emptyCase, '--out', await out()]),
    await run('build', ['--content', good, '--out', await out(), '--no-cache'], { PUPPETEER_EXECUTABLE_PATH: '/bin/false' }),
    await run('build', ['--content', good, '--out', await out(), '--no-cache'], { PUPPETEER_EXECUTABLE_PATH: '/nowhere/chrome' }),
    await runCli('build', ['--content', good, '--out', await out(), '--no-cache'], {
      env: { ...env, CASEBOOK_PROGRESS: '1' },
      onStart: (p) => (pid = p),
      onStderr: (chunk) => {
        // Once: a second signal stops at once, without a word.
        if (/\(\d/.test(chunk) && pid) {
          process.kill(pid, 'SIGTERM');
          pid = 0;
        }
      },
    }),
    await run('check', ['--content', good]),
    await run('check', ['--content', unknownKey]),
    await run('check', ['--content', brokenDiagram]),
    await run('check', ['--help']),
    await run('check', ['--colour']),
    await run('new-case', ['--content', newCases, 'Delta Works']),
    await run('new-case', ['--content', newCases, 'Delta Works']),
    await run('new-case', ['--content', newCases]),
    await run('new-case', ['--content', newCases, '!!!']),
    await run('new-case', ['--help']),
    await run('dev', ['--port', 'eighty']),
    await run('dev', ['--help']),
    await devUntil(['--content', unknownKey, '--out', await out(), '--port', '0'], env, /colour[\s\S]*\n$/),
  ];
  return { runs, text: runs.map((r) => `${r.stdout}\n${r.stderr}`).join('\n') };
}

/** The words of a fixture course's own files: quoted in messages, they are no evidence. */
async function contentWords(fixture: string, files: string[]): Promise<Set<string>> {
  return words(await Promise.all(files.map((f) => readFile(join(fixture, f), 'utf8'))));
}

describe('every command speaks the course’s language', () => {
  it('finds a foreign word where there is one', () => {
    expect(foreignWords('Attention : 40 fichiers écrits dans dist/ en 2.1 s (Ko)', words(fr), words(en), new Set())).toEqual(['attention', 'fichiers', 'écrits', 'dans', 'ko']);
    expect(foreignWords('Warning: 40 files written to dist/', words(en), words(fr), new Set())).toEqual(['warning', 'files', 'written', 'to']);
  });

  it('an English course: not a word of French, whatever the system’s language', async () => {
    const fixture = join(fixturesDir, 'incident-response');
    const { runs, text } = await everyCommand({ fixture, caseFile: 'cases/case-1-ransomware.md', env: { LANG: 'en_GB.UTF-8', LC_ALL: '' } });
    // Each run did what it was asked to.
    expect(runs.map((r) => r.code)).toEqual([0, 0, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 130, 0, 1, 1, 0, 2, 0, 1, 2, 2, 0, 2, 0, 0]);
    for (const expected of [
      'files written to',
      ' KB',
      ' pp.',
      '· printing (',
      'Warning: cases/zz-legacy.md',
      'Errors in the content:',
      'unknown key “colour”',
      'invalid YAML',
      'invalid Mermaid diagram: near',
      'No Chromium/Chrome browser found',
      'could not start',
      'Stop requested (SIGTERM)',
      'Build interrupted',
      'Content is valid',
      'Case created: cases/case-4-delta-works.md',
      'Preview stopped.',
      'Usage: npm run dev',
      'unknown option: --contnet',
      'option --content needs a value',
      'content folder not found',
      'the file is empty',
    ]) {
      expect(text).toContain(expected);
    }
    const content = await contentWords(fixture, ['course.yaml', 'cases/case-1-ransomware.md']);
    expect(foreignWords(text, words(fr), words(en), content)).toEqual([]);
  }, 300_000);

  it('a French course: not a word of English, also for a usage error on a French system', async () => {
    const fixture = join(fixturesDir, 'mini');
    const { runs, text } = await everyCommand({ fixture, caseFile: 'cases/cas-1-alpha.md', env: { LANG: 'fr_FR.UTF-8', LC_ALL: '' } });
    expect(runs.map((r) => r.code)).toEqual([0, 0, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 130, 0, 1, 1, 0, 2, 0, 1, 2, 2, 0, 2, 0, 0]);
    for (const expected of ['fichiers écrits dans', ' Ko', ' p.', '· impression (', 'Attention : cases/zz-legacy.md', 'Erreurs dans le contenu :', 'Aperçu arrêté.']) {
      expect(text).toContain(expected);
    }
    // A library's own reason (YAML, Mermaid, the browser's launcher) may stay in its words.
    const ours = text
      // The keys course.yaml accepts are names (`feedback`, `answerKey`), not words of a language.
      .replace(/Clés possibles : [\w, ]+\./g, '')
      .replace(/YAML invalide : .*/g, '')
      .replace(/près de « .* » \(.*\)/g, '')
      .replace(/n’a pas pu démarrer : .*/g, '');
    const content = await contentWords(fixture, ['course.yaml', 'cases/cas-1-alpha.md']);
    expect(foreignWords(ours, words(en), words(fr), content)).toEqual([]);
  }, 300_000);
});

describe('numbers in messages', () => {
  it('take the words that agree with them, by the language’s plural rules, never “(s)”', () => {
    const summary = (lang: 'fr' | 'en', n: number, incomplete: number) => format((lang === 'fr' ? fr : en).grading.groupsGraded, { n, incomplete }, lang);
    // French: 0 and 1 are singular.
    expect([0, 1, 2].map((n) => summary('fr', n, n))).toEqual(['0 groupe noté, 0 incomplet', '1 groupe noté, 1 incomplet', '2 groupes notés, 2 incomplets']);
    // English: 1 only.
    expect([0, 1, 2].map((n) => summary('en', n, n))).toEqual(['0 groups graded, 0 incomplete', '1 group graded, 1 incomplete', '2 groups graded, 2 incomplete']);
    // A page count and the run sheet's grid sheets, which a one-case course can make 1.
    expect([1, 2].map((n) => format(en.cli.pages, { n }, 'en'))).toEqual(['1 p.', '2 pp.']);
    expect([1, 2].map((n) => format(en.labels.copiesEachFile, { n }, 'en'))).toEqual(['1 of each file (1 sheet)', '1 of each file (2 sheets)']);
    expect([1, 2].map((n) => format(fr.labels.copiesEachFile, { n }, 'fr'))).toEqual(['1 de chaque fichier (1 feuille)', '1 de chaque fichier (2 feuilles)']);
    // A Canadian French course follows French.
    expect(format(fr.workflow.checkOk, { cases: 3, diagrams: 1 }, 'fr-CA')).toBe('Contenu valide : 3 cas, 1 schéma Mermaid vérifié, aucun PDF imprimé.');
    for (const dictionary of [fr, en, importFr, importEn]) expect(JSON.stringify(dictionary)).not.toMatch(/\(s\)|\(e\)s|\(x\)/);
  });

  it('are a defect of casebook when a plural is formatted without its language', () => {
    expect(() => format(en.grading.groupsGraded, { n: 2, incomplete: 0 })).toThrow(/needs the language/);
  });
});

describe('the date on the cover', () => {
  it('writes an ISO date of course.yaml as the course’s language does, and keeps any other text', () => {
    expect(coverDate('2026-12-04', labels('fr').locale)).toBe('4 décembre 2026');
    expect(coverDate('2026-12-04', labels('en').locale)).toBe('4 December 2026');
    expect(coverDate('jeudi 4 décembre, 14 h', labels('fr').locale)).toBe('jeudi 4 décembre, 14 h');
    // Not a day: kept as written rather than stopping the build.
    expect(coverDate('2026-13-45', labels('fr').locale)).toBe('2026-13-45');
  });

  it('is the trainer’s day when course.yaml gives none, not UTC’s (half past midnight in Paris is already the 4th)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Paris';
    try {
      expect(resolveOptions({ contentDir: 'content' }, new Date('2026-12-03T23:30:00Z')).date.toISOString()).toBe('2026-12-04T00:00:00.000Z');
      expect(resolveOptions({ contentDir: 'content' }, new Date('2026-12-03T22:30:00Z')).date.toISOString()).toBe('2026-12-03T00:00:00.000Z');
      // SOURCE_DATE_EPOCH is a moment, the same everywhere.
      expect(resolveOptions({ contentDir: 'content', sourceDateEpoch: 1_700_000_000 }).date.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
