import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildReport } from '../src/build.js';
import { loadPdf, replacePages } from '../src/print/read-pdf.js';
import { bundledFontFamilies } from '../src/render/fonts.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';
import { pdfInfo, pdfText } from './helpers/pdf.js';

// Two builds of the same course, without cache, at the same SOURCE_DATE_EPOCH.
let first: { out: string; report: BuildReport };
let second: { out: string; report: BuildReport };
const epoch = 1_750_000_000;

async function buildOnce() {
  const out = join(await tempDir(), 'dist');
  const report = await build({ contentDir: join(fixturesDir, 'mini'), outDir: out, sourceDateEpoch: epoch });
  return { out, report };
}

beforeAll(async () => {
  first = await buildOnce();
  second = await buildOnce();
});

describe('reproducible builds', () => {
  it('gives byte-identical PDFs and zips under SOURCE_DATE_EPOCH, dated from it', async () => {
    expect(first.report.browserStarted && second.report.browserStarted).toBe(true);
    for (const output of first.report.outputs) {
      const again = await readFile(join(second.out, output.path));
      expect(Buffer.compare(Buffer.from(output.bytes), again), output.path).toBe(0);
    }
    expect(pdfInfo(join(first.out, 'student/pack-apprenant.pdf')).CreationDate).toMatch(/2025/);
  });
});

describe('fonts', () => {
  it('embeds only the bundled fonts, in every PDF', () => {
    for (const output of first.report.outputs.filter((o) => o.path.endsWith('.pdf'))) {
      const rows = execFileSync('pdffonts', [join(first.out, output.path)], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(rows.length, output.path).toBeGreaterThan(0);
      for (const row of rows) {
        const raw = row.split(/\s+/)[0]!;
        const name = raw.replace(/^[A-Z]{6}\+/, '');
        expect(bundledFontFamilies.some((family) => name.startsWith(family)), `${name} in ${output.path}`).toBe(true);
        // The grids' form font is embedded whole, so that a reader can type any letter with it.
        const whole = !/^[A-Z]{6}\+/.test(raw) && output.path.startsWith('grids/');
        expect(row, `${name} in ${output.path}`).toMatch(whole ? /\byes\s+no\s+yes\b/ : /\byes\s+yes\s+yes\b/);
      }
      if (output.path.startsWith('grids/')) expect(rows.some((row) => row.startsWith('Inter-Regular ')), `the form's font in ${output.path}`).toBe(true);
    }
  });
});

describe('what a PDF reader shows', () => {
  it('sets title, subject, language and keeps the PDF tagged', () => {
    const info = pdfInfo(join(first.out, 'student/cas-1-alpha.pdf'));
    expect(info.Title).toBe('Atelier de test – Architecture cible — Édition apprenant');
    expect(info.Subject).toBe('Cas 1 — Alpha');
    expect(info.Tagged).toBe('yes');
  });

  it('declares the course language', async () => {
    const pdf = await PDFDocument.load(await readFile(join(first.out, 'trainer/pack-formateur.pdf')));
    expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(fr)');
  });
});

describe('putting printed pages in place', () => {
  const pdfWith = async (texts: string[]) => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (const text of texts) doc.addPage([200, 200]).drawText(text, { x: 20, y: 100, size: 12, font });
    return doc.save();
  };

  const pageTexts = async (doc: PDFDocument) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'patched.pdf'), await doc.save());
    return execFileSync('pdftotext', [join(dir, 'patched.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map((p) => p.trim());
  };

  it('replaces the contents of the given pages and keeps the others', async () => {
    const doc = await loadPdf(await pdfWith(['ONE', 'TWO', 'THREE']));
    expect(await replacePages(doc, { first: 2, last: 2 }, await pdfWith(['REPLACED']))).toBe(true);
    expect(await pageTexts(doc)).toEqual(['ONE', 'REPLACED', 'THREE']);
  });

  it('refuses a replacement with another number of pages, and leaves the document as it was', async () => {
    const doc = await loadPdf(await pdfWith(['ONE', 'TWO', 'THREE']));
    expect(await replacePages(doc, { first: 1, last: 2 }, await pdfWith(['ALONE']))).toBe(false);
    expect(await pageTexts(doc)).toEqual(['ONE', 'TWO', 'THREE']);
  });
});

describe('the cache', () => {
  const day = 86_400;
  // Three or four builds each: on a loaded machine, more than the default two minutes.
  const builds = { timeout: 480_000 };
  const printedFresh = async (contentDir: string, cacheDir: string, out: string, sourceDateEpoch: number) => {
    const fresh: string[] = [];
    const report = await build({ contentDir, outDir: out, cacheDir, sourceDateEpoch, onPrinted: (path, fromCache) => void (fromCache || fresh.push(path)) });
    return { fresh: fresh.sort(), report };
  };

  it('prints again only what changed: nothing, one case, or only the dates of another day', builds, async () => {
    const content = await copyCourse(join(fixturesDir, 'mini'));
    const cacheDir = await tempDir();
    const out = join(await tempDir(), 'dist');
    const all = await printedFresh(content, cacheDir, out, epoch);
    expect(all.fresh).toHaveLength(all.report.outputs.filter((o) => o.path.endsWith('.pdf')).length);

    const unchanged = await printedFresh(content, cacheDir, out, epoch);
    expect(unchanged.fresh).toEqual([]);
    expect(unchanged.report.browserStarted).toBe(false);

    const file = join(content, 'cases/cas-1-alpha.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('disponibilité 99.9 %', 'disponibilité 99.99 %'));
    const edited = await printedFresh(content, cacheDir, out, epoch);
    expect(edited.fresh).toEqual(['student/cas-1-alpha.pdf', 'student/pack-apprenant.pdf', 'trainer/cas-1-alpha.pdf', 'trainer/pack-formateur.pdf']);
    expect(pdfText(join(out, 'student/cas-1-alpha.pdf'))).toContain('99.99 %');

    // The packs' cover shows the day of the build (the course has no date of its own); every
    // other PDF is the same print, with the new day in its metadata.
    const nextDay = await printedFresh(content, cacheDir, out, epoch + day);
    expect(nextDay.fresh).toEqual(['student/pack-apprenant.pdf', 'trainer/pack-formateur.pdf']);
    expect(pdfInfo(join(out, 'grids/cas-2-beta.pdf')).CreationDate).toBe(pdfInfo(join(out, 'student/pack-apprenant.pdf')).CreationDate);
    expect(new Date(pdfInfo(join(out, 'grids/cas-2-beta.pdf')).CreationDate!).getTime()).toBe((epoch + day) * 1000);
  });
  const sameBytes = async (out: string, expected: BuildReport['outputs']) => {
    for (const output of expected) {
      const built = await readFile(join(out, output.path));
      expect(Buffer.compare(Buffer.from(output.bytes), built), output.path).toBe(0);
    }
  };

  it('gives the bytes of a build without cache, whatever earlier builds of other days and other content left in it', builds, async () => {
    const cacheDir = await tempDir();
    const out = join(await tempDir(), 'dist');
    const edited = await copyCourse(join(fixturesDir, 'mini'));
    const file = join(edited, 'cases/cas-1-alpha.md');
    // A longer case: every page number after it in the contents moves.
    await writeFile(file, `${await readFile(file, 'utf8')}\n\n${'Un paragraphe de plus pour la mise en page. '.repeat(200)}\n`);
    await build({ contentDir: edited, outDir: out, cacheDir, sourceDateEpoch: epoch + day });
    // Then the same course on the day of the build: its contents' numbers are those of the next build.
    await build({ contentDir: join(fixturesDir, 'mini'), outDir: out, cacheDir });
    const warm = await build({ contentDir: join(fixturesDir, 'mini'), outDir: out, cacheDir, sourceDateEpoch: epoch });
    expect(warm.outputs.map((o) => o.path)).toEqual(first.report.outputs.map((o) => o.path));
    await sameBytes(out, first.report.outputs);
  });

  it('finishes packs printed on another day, from the cache, to the bytes of a fresh print', builds, async () => {
    const dated = await copyCourse(join(fixturesDir, 'mini'));
    const course = join(dated, 'course.yaml');
    await writeFile(course, (await readFile(course, 'utf8')).replace(/^lang: fr$/m, 'lang: fr\ndate: "3 mars 2025"'));
    const cacheDir = await tempDir();
    const out = join(await tempDir(), 'dist');
    await build({ contentDir: dated, outDir: out, cacheDir, sourceDateEpoch: epoch });
    // The packs' HTML is the same on another day: their prints come from the cache, contents and all.
    const nextDay = await printedFresh(dated, cacheDir, out, epoch + day);
    expect(nextDay.fresh).toEqual([]);
    const cold = await build({ contentDir: dated, outDir: join(await tempDir(), 'dist'), sourceDateEpoch: epoch + day });
    await sameBytes(out, cold.outputs);
  });
});
