import type { Page } from 'puppeteer';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build, defaultDirs } from '../src/build.js';
import { BrowserError, ContentError, formatProblem } from '../src/errors.js';
import { BrowserSession } from '../src/print/browser-session.js';
import { findBrowser } from '../src/print/find-browser.js';
import { wordsFragment } from '../src/verify/fragments.js';
import { checkStudentOutputs } from '../src/verify/leak-guard.js';
import { runCli } from './helpers/cli.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';
import { pdfText } from './helpers/pdf.js';
import { contentErrors, readCourse } from './helpers/stages.js';

const mini = join(fixturesDir, 'mini');
const caseFile = 'cases/cas-1-alpha.md';

async function miniWith(file: string, edit: (text: string) => string | Uint8Array): Promise<string> {
  const dir = await copyCourse(mini);
  const path = join(dir, file);
  await writeFile(path, edit(await readFile(path, 'utf8')));
  return dir;
}

async function buildErrors(contentDir: string, outDir?: string): Promise<string[]> {
  try {
    await build({ contentDir, outDir: outDir ?? join(await tempDir(), 'dist') });
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
}

describe('metadata is checked against a schema', () => {
  it('names an unknown key, its line and column, and the key meant', async () => {
    const dir = await miniWith('course.yaml', (t) => t.replace('groups: 3', 'gropus: 3'));
    expect(await contentErrors(dir)).toEqual([
      expect.stringMatching(/^course\.yaml:4:1 — clé inconnue « gropus » \(vouliez-vous dire « groups » \?\)\. Clés possibles : title, .*groups/),
    ]);
  });

  it('names a missing key and a wrong type in a case’s front matter, on the file’s own lines', async () => {
    const dir = await miniWith(caseFile, (t) => t.replace('sector: Banque\n', '').replace('number: 1', 'number: un'));
    expect(await contentErrors(dir)).toEqual([
      'cases/cas-1-alpha.md:2:9 — « number » doit être un nombre.',
      'cases/cas-1-alpha.md:2:1 — clé obligatoire « sector » manquante.',
    ]);
  });

  it('refuses two cases with the same id', async () => {
    const dir = await miniWith('cases/cas-2-beta.md', (t) => t.replace('id: beta', 'id: alpha'));
    expect(await contentErrors(dir)).toEqual(['cases/cas-2-beta.md:3:1 — l’identifiant de cas « alpha » est déjà utilisé par cases/cas-1-alpha.md.']);
  });

  it('refuses an indicator for a criterion the rubric does not have', async () => {
    const dir = await miniWith(caseFile, (t) => t.replace('  clarte:', '  clartee:'));
    expect(await contentErrors(dir)).toEqual([
      'cases/cas-1-alpha.md:13:3 — l’indicateur « clartee » ne correspond à aucun critère du barème (pertinence, clarte).',
    ]);
  });

  it('reports broken YAML at its line', async () => {
    const dir = await miniWith('course.yaml', (t) => t.replace('lang: fr', 'lang: [fr'));
    const [message] = await contentErrors(dir);
    // The parser notices the unclosed list where the next line starts.
    expect(message).toMatch(/^course\.yaml:3:1 — YAML invalide : Flow sequence/);
  });
});

describe('Markdown errors', () => {
  it('an unclosed trainer-only block', async () => {
    const dir = await miniWith(caseFile, (t) => t.replace(/:::\s*$/, ''));
    expect(await contentErrors(dir)).toEqual([
      'cases/cas-1-alpha.md:29:1 — le bloc « :::solution » n’est pas fermé : ajoutez une ligne « ::: » à sa fin.',
    ]);
  });

  it('an unknown block name (a typo of solution)', async () => {
    const dir = await miniWith(caseFile, (t) => t.replace(':::solution', ':::soluton'));
    expect(await contentErrors(dir)).toContain(
      'cases/cas-1-alpha.md:29:1 — bloc « :::soluton » inconnu ; les blocs possibles sont « :::solution » et « :::trainer ».',
    );
  });

  it('a link or an image that points to nothing', async () => {
    const dir = await miniWith(caseFile, (t) => t.replace('au milieu.', 'au milieu, voir [annexe](annexe.pdf) et ![schéma](img/absent.png).'));
    expect(await contentErrors(dir)).toEqual([
      'cases/cas-1-alpha.md:27:78 — le lien « annexe.pdf » ne mène nulle part : aucun titre ni fichier ne correspond.',
      'cases/cas-1-alpha.md:27:102 — le lien « img/absent.png » ne mène nulle part : aucun titre ni fichier ne correspond.',
    ]);
  });

  it('a heavy image is built, with a warning saying its weight and what to do (a light one without)', async () => {
    const dir = await miniWith(caseFile, (t) => t.replace('au milieu.', 'au milieu.\n\n![Photo](img/photo.jpg) ![Plan](img/plan.png)'));
    await mkdir(join(dir, 'cases/img'));
    await writeFile(join(dir, 'cases/img/photo.jpg'), Buffer.alloc(2.5 * 1024 * 1024));
    await writeFile(join(dir, 'cases/img/plan.png'), Buffer.alloc(200 * 1024));
    const { warnings } = await readCourse(dir);
    expect(warnings.map(formatProblem)).toEqual([
      'cases/cas-1-alpha.md:29:1 — l’image « img/photo.jpg » pèse 2,5 Mo, et chaque PDF qui la montre la contient en entier : réduisez-la (2000 pixels de large suffisent à l’impression).',
    ]);
  });

  it('a statement’s link to a heading only the trainer sees (a trainer note may link to it)', async () => {
    const solution = '#correction-proposition-de-référence';
    const dir = await miniWith(caseFile, (t) =>
      t
        .replace('au milieu.', `au milieu, voir [la correction](${solution}) et [l’énoncé](#énoncé).`)
        .replace('à ne jamais montrer.', `à ne jamais montrer, voir [la correction](${solution}).`),
    );
    expect(await contentErrors(dir)).toEqual([
      `cases/cas-1-alpha.md:27:78 — le lien « ${solution} » ne mène nulle part : aucun titre ni fichier ne correspond.`,
    ]);
  });
});

describe('encodings', () => {
  it('reads a file saved as Windows-1252, and says so', async () => {
    const dir = await copyCourse(mini);
    const path = join(dir, 'cases/cas-2-beta.md');
    const text = await readFile(path, 'utf8');
    await writeFile(path, Buffer.from(text.replace('’', "'"), 'latin1'));
    const { course, warnings } = await readCourse(dir);
    expect(JSON.stringify(course.cases[1]!.tree)).toContain('Énoncé');
    expect(warnings.map(formatProblem)).toContainEqual(expect.stringMatching(/^cases\/cas-2-beta\.md — le fichier n’est pas enregistré en UTF-8/));
  });

  it('reads UTF-16 with its byte order mark, either order, as Notepad’s “Unicode” saves it', async () => {
    for (const order of ['utf16le', 'utf16be'] as const) {
      const dir = await copyCourse(mini);
      const path = join(dir, 'cases/cas-2-beta.md');
      const text = await readFile(path, 'utf8');
      const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
      if (order === 'utf16be') bytes.swap16();
      await writeFile(path, bytes);
      const { course, warnings } = await readCourse(dir);
      expect(JSON.stringify(course.cases[1]!.tree), order).toContain('Énoncé');
      expect(course.cases[1]!.goal, order).toBe((await readCourse(mini)).course.cases[1]!.goal);
      expect(warnings, order).toEqual([]);
    }
  });

  it('refuses a file that is not text (a Word document saved under a case’s name), saying what to do', async () => {
    // The start of a .docx: a zip's local file header.
    const dir = await miniWith('cases/cas-2-beta.md', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, ...Buffer.from('[Content_Types].xml')]));
    expect(await contentErrors(dir)).toEqual(['cases/cas-2-beta.md — ce fichier n’est pas du texte (un document Word, un PDF ?) : enregistrez-le en Markdown ou en texte brut (.md, .txt), puis relancez.']);
  });

  it('accepts a UTF-8 BOM', async () => {
    const dir = await miniWith('course.yaml', (t) => `\uFEFF${t}`);
    expect(await contentErrors(dir)).toEqual([]);
  });

  it('refuses an empty file, naming it', async () => {
    const dir = await miniWith('cases/cas-2-beta.md', () => '');
    expect(await contentErrors(dir)).toEqual(['cases/cas-2-beta.md — le fichier est vide.']);
  });

  it('skips the hidden files macOS and editors leave beside cases and templates', async () => {
    const dir = await copyCourse(mini);
    // macOS's AppleDouble file on a USB key or a network share, an editor's lock, an empty hidden file.
    const appleDouble = Buffer.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00, ...Buffer.from('Mac OS X        ')]);
    await writeFile(join(dir, 'cases/._cas-1-alpha.md'), appleDouble);
    await writeFile(join(dir, 'cases/.#cas-2-beta.md'), 'user@host.1234:1700000000');
    await writeFile(join(dir, 'cases/.hidden.md'), '');
    const templates = join(await tempDir(), 'templates');
    await cp(defaultDirs.templates, templates, { recursive: true });
    await writeFile(join(templates, '._handout.hbs'), appleDouble);
    await writeFile(join(templates, 'partials/._cover.hbs'), appleDouble);
    expect(await contentErrors(dir)).toEqual([]);
    expect((await readCourse(dir)).course.cases.map((c) => c.file)).toEqual(['cases/cas-1-alpha.md', 'cases/cas-2-beta.md']);
    const out = join(await tempDir(), 'dist');
    await build({ contentDir: dir, outDir: out, templatesDir: templates });
    expect(pdfText(join(out, 'student/cas-1-alpha.pdf'))).toContain('Alpha');
  });
});

describe('diagrams and the sandbox (real Chromium)', () => {
  it('names the Markdown file and line of a diagram syntax error, and keeps the previous output', async () => {
    const out = join(await tempDir(), 'dist');
    await mkdir(join(out, 'student'), { recursive: true });
    await writeFile(join(out, 'student', 'previous.pdf'), 'previous build');
    const dir = await miniWith(caseFile, (t) => t.replace('  B --> C["Scoring"]', '  B --> C["Scoring"\n  C -->'));
    const errors = await buildErrors(dir, out);
    expect(errors).toHaveLength(1);
    // Line 3 of the diagram, whose fence is on line 34.
    expect(errors[0]).toMatch(/^cases\/cas-1-alpha\.md:37 — schéma Mermaid invalide/);
    expect(await readdir(out)).toEqual(['student']);
    expect(await readFile(join(out, 'student', 'previous.pdf'), 'utf8')).toBe('previous build');
  });

  it('prints no raw HTML, no script, no iframe and no remote image', async () => {
    const dir = await miniWith(caseFile, (t) =>
      t.replace(
        'au milieu.',
        'au milieu.\n\n<script>document.body.innerHTML = "SCRIPTRAN"</script>\n\n<iframe src="file:///etc/passwd"></iframe>\n\n![IMAGEDISTANTE](https://example.com/x.png)\n\nFINDUTEST',
      ),
    );
    const out = join(await tempDir(), 'dist');
    const report = await build({ contentDir: dir, outDir: out });
    expect(report.warnings.map(formatProblem).join('\n')).toMatch(/HTML brut/);
    for (const path of ['student/cas-1-alpha.pdf', 'trainer/cas-1-alpha.pdf']) {
      const text = pdfText(join(out, path));
      expect(text).toContain('FINDUTEST');
      expect(text).not.toContain('SCRIPTRAN');
      expect(text).not.toContain('root:');
    }
    const html = await readFile(join(out, 'trainer/html/pack-formateur.html'), 'utf8');
    expect(html).not.toMatch(/<script|<iframe|example\.com/);
  });
});

describe('the leak guard', () => {
  it('fails a build whose student file carries trainer-only text', async () => {
    const bytes = new TextEncoder().encode('<p>Énoncé</p><p>La proposition PROSESECRETE détaillée</p>');
    await expect(
      checkStudentOutputs([{ path: 'student/html/x.html', audience: 'student', bytes }], [wordsFragment('La proposition PROSESECRETE détaillée')], 'fr'),
    ).rejects.toThrow(/contenu réservé au formateur trouvé dans un fichier apprenant \(student\/html\/x\.html\)/);
  });

  it('reads printed PDFs and the PDFs inside a zip', async () => {
    const session = new BrowserSession();
    const pdf = await session
      .withPage({ javaScript: false }, async (page) => {
        await page.setContent('<h1>Énoncé</h1><p>La proposition PROSESECRETE détaillée, imprimée.</p>');
        return page.pdf();
      })
      .finally(() => session.close());
    const fragment = [wordsFragment('La proposition PROSESECRETE détaillée')];
    await expect(checkStudentOutputs([{ path: 'student/cas-1.pdf', audience: 'student', bytes: pdf }], fragment, 'fr')).rejects.toThrow(
      /\(student\/cas-1\.pdf\)/,
    );
    const zip = zipSync({ 'pack/student/cas-1.pdf': pdf });
    await expect(checkStudentOutputs([{ path: 'packs/student.zip', audience: 'student', bytes: zip }], fragment, 'fr')).rejects.toThrow(
      /packs\/student\.zip\/pack\/student\/cas-1\.pdf/,
    );
    // The same PDF for the trainer is no leak.
    await expect(checkStudentOutputs([{ path: 'trainer/cas-1.pdf', audience: 'trainer', bytes: pdf }], fragment, 'fr')).resolves.toBeUndefined();
  });

  it('finds it through line breaks, soft hyphens and typography', async () => {
    const bytes = new TextEncoder().encode('La pro\u00ADpo-\nsition\u202FPROSESECRETE dé\u00ADtaillée');
    await expect(
      checkStudentOutputs([{ path: 'student/x.md', audience: 'student', bytes }], [wordsFragment('La proposition PROSESECRETE détaillée')], 'fr'),
    ).rejects.toThrow(ContentError);
  });
});

describe('the browser', () => {
  it('is looked for in the documented order, and explained when missing', async () => {
    const none = () => false;
    await expect(findBrowser({}, none)).rejects.toThrow(BrowserError);
    await expect(findBrowser({}, none)).rejects.toThrow(/npx puppeteer browsers install chrome-headless-shell[\s\S]*apt-get install chromium[\s\S]*PUPPETEER_EXECUTABLE_PATH/);
    expect(await findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/x/chrome' }, (p) => p === '/x/chrome')).toEqual({ path: '/x/chrome', origin: 'PUPPETEER_EXECUTABLE_PATH' });
    expect(await findBrowser({}, (p) => p === '/usr/bin/chromium')).toEqual({ path: '/usr/bin/chromium', origin: 'system' });
    // Debian's headless shell before the whole of Chromium.
    const both = (p: string) => p === '/usr/bin/chromium' || p === '/usr/bin/chromium-headless-shell';
    expect(await findBrowser({}, both)).toEqual({ path: '/usr/bin/chromium-headless-shell', origin: 'system' });
    // Puppeteer's own download comes before the system's.
    const own = await findBrowser({}, (p) => p.includes('.cache/puppeteer') || p === '/usr/bin/chromium');
    expect(own.origin).toBe('puppeteer');
  });

  it('leaves nothing in the temporary folder once closed (Chromium killed would leave its own)', async () => {
    const tmp = await tempDir();
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const session = new BrowserSession();
    try {
      await session.withPage({ javaScript: false }, (page) => page.setContent('<p>x</p>'));
    } finally {
      await session.close();
      process.env.TMPDIR = previous;
    }
    expect(await readdir(tmp)).toEqual([]);
  });

  it('runs no script in a print page, even after the page that drew the diagrams', async () => {
    const session = new BrowserSession();
    const scripted = '<p id="x">before</p><script>document.getElementById("x").textContent = "SCRIPTRAN"</script>';
    const textOf = (page: Page) => page.setContent(scripted).then(() => page.$eval('#x', (el) => el.textContent));
    try {
      expect(await session.withPage({ javaScript: true }, textOf)).toBe('SCRIPTRAN');
      expect(await session.withPage({ javaScript: false }, textOf)).toBe('before');
    } finally {
      await session.close();
    }
  });
});

describe('print pages', () => {
  it('are hidden and styled for print from the start (never laid out or painted for a screen)', async () => {
    const session = new BrowserSession();
    try {
      const media = (javaScript: boolean) => session.withPage({ javaScript }, (page) => page.evaluate(() => [matchMedia('print').matches, document.visibilityState]));
      // The headless shell (Puppeteer's, or Debian's) has no background tabs (it ignores the request): all its tabs show.
      const hides = !/(chrome|chromium)-headless-shell/.test((await findBrowser()).path);
      expect(await media(false)).toEqual([true, hides ? 'hidden' : 'visible']);
      // Mermaid measures its labels as the screen shows them.
      expect(await media(true)).toEqual([false, 'visible']);
    } finally {
      await session.close();
    }
  });

  it('are used again, except one its task says not to (a long document: its renderer keeps the memory)', async () => {
    const session = new BrowserSession();
    const pageOf = (reuse: boolean) => session.withPage({ javaScript: false }, async (page) => page, () => reuse);
    try {
      const first = await pageOf(true);
      expect(await pageOf(false)).toBe(first);
      expect(first.isClosed()).toBe(true);
      const next = await pageOf(true);
      expect(next).not.toBe(first);
      expect(await pageOf(true)).toBe(next);
    } finally {
      await session.close();
    }
  });
});

describe('the command line', () => {
  it('exits 1 with the message and no stack trace on a content error', async () => {
    const dir = await miniWith('course.yaml', (t) => t.replace('groups: 3', 'gropus: 3'));
    const result = await runCli('build', ['--content', dir, '--out', join(await tempDir(), 'dist')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('course.yaml:4:1 — clé inconnue « gropus »');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 on a usage error', async () => {
    const result = await runCli('build', ['--contnet', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage');
  });

  it('exits 1 and explains when the browser does not start', async () => {
    const result = await runCli('build', ['--content', mini, '--out', join(await tempDir(), 'dist'), '--no-cache'], {
      env: { PUPPETEER_EXECUTABLE_PATH: '/bin/false' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('n’a pas pu démarrer');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('stops on SIGTERM mid-build, keeps the previous output and leaves no Chromium behind', async () => {
    const out = join(await tempDir(), 'dist');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'keep.txt'), 'previous');
    let pid = 0;
    const result = await runCli('build', ['--content', mini, '--out', out, '--no-cache'], {
      env: { CASEBOOK_PROGRESS: '1' },
      onStart: (p) => (pid = p),
      onStderr: (chunk) => {
        if (chunk.includes('impression') || chunk.includes('schémas')) process.kill(pid, 'SIGTERM');
      },
    });
    expect(result.code).toBe(130);
    expect(await readdir(out)).toEqual(['keep.txt']);
    // A browser left behind would be orphaned, adopted by process 1.
    await new Promise((r) => setTimeout(r, 500));
    const orphans = execFileSync('ps', ['-eo', 'ppid=,args='], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => /^\s*1\s/.test(l) && /chrom/i.test(l) && l.includes('--headless'));
    expect(orphans).toEqual([]);
  });

  it('refuses a second build into the same folder while one runs', async () => {
    const out = join(await tempDir(), 'dist');
    const [first, second] = await Promise.allSettled([
      build({ contentDir: mini, outDir: out }),
      new Promise((r) => setTimeout(r, 50)).then(() => build({ contentDir: mini, outDir: out })),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    expect(String((second as PromiseRejectedResult).reason)).toContain('une autre construction');
  });
});

describe('the output folder', () => {
  /** Every file under `dir` with the hash of its bytes, by path (comparing megabytes byte by byte takes Vitest half a minute). */
  const snapshot = async (dir: string) => {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    const hash = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
    return Object.fromEntries(await Promise.all(files.map(async (e) => [join(e.parentPath, e.name), await hash(join(e.parentPath, e.name))] as const)));
  };

  it('is never the course itself: `--out` naming the content folder stops the build and leaves every file of it', async () => {
    const dir = await copyCourse(mini);
    await writeFile(join(dir, 'notes.txt'), 'the trainer’s own notes');
    const before = await snapshot(dir);
    const result = await runCli('build', ['--content', dir, '--out', dir, '--no-cache']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ce dossier n’est pas une sortie de casebook \(il contient « [^»]+ »\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('is never a file named by mistake', async () => {
    const file = join(await tempDir(), 'course.yaml');
    await writeFile(file, 'title: kept');
    expect(await buildErrors(mini, file)).toEqual([`${file} — c’est un fichier, pas un dossier : choisissez un dossier de sortie avec --out.`]);
    expect(await readFile(file, 'utf8')).toBe('title: kept');
  });

  it('that cannot be moved aside (a file of it open on Windows) is said so and kept as it was', async () => {
    const out = join(await tempDir(), 'dist');
    await build({ contentDir: mini, outDir: out });
    const before = await snapshot(out);
    // Where the build moves the previous output: taken, so that the move fails as a locked folder's would.
    await mkdir(join(out, '..', `.dist.old-${process.pid}`, 'taken'), { recursive: true });
    const errors = await buildErrors(mini, out);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/ — impossible de remplacer ce dossier \(ENOTEMPTY\) : un de ses fichiers est peut-être ouvert/);
    expect(await snapshot(out)).toEqual(before);
  });

  it('carries casebook’s mark, by which the next build replaces it whole, files added to it included', async () => {
    const out = join(await tempDir(), 'dist');
    await build({ contentDir: mini, outDir: out });
    expect(await readFile(join(out, '.casebook-output'), 'utf8')).toMatch(/^Écrit par casebook : chaque construction remplace ce dossier en entier/);
    await writeFile(join(out, 'added.txt'), 'put here after the build');
    await build({ contentDir: mini, outDir: out });
    expect((await readdir(out)).sort()).toEqual(['.casebook-output', 'grids', 'packs', 'student', 'trainer']);
  });
});
