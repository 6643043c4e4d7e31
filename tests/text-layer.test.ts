import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { cleanContent } from '../src/print/soft-hyphens.js';
import { realContentDir, tempDir } from './helpers/course.js';

let out: string;
let pdfs: string[];

beforeAll(async () => {
  out = join(await tempDir(), 'dist');
  await build({ contentDir: realContentDir, outDir: out, sourceDateEpoch: 1_700_000_000 });
  pdfs = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.pdf')).sort();
}, 300_000);

/** pdftotext as it is, without the tests' normalisation. */
const raw = (path: string) => execFileSync('pdftotext', [join(out, path), '-'], { encoding: 'utf8' });

describe('the PDF text layer of the real course', () => {
  it('has no soft hyphen inside a word: one only ends a line broken inside a word, without the printed hyphen', () => {
    expect(pdfs.length).toBeGreaterThan(10);
    const inside = pdfs.flatMap((pdf) => [...raw(pdf).matchAll(/\S*\u00AD(?!\n)\S*/g)].map((m) => `${pdf}: ${m[0]}`));
    expect(inside).toEqual([]);
    const broken = pdfs.flatMap((pdf) => [...raw(pdf).matchAll(/\S+\u00AD\n/g)].map((m) => m[0]));
    // Hyphenated layout stays: words are still broken at line ends, with no hyphen in their text.
    expect(broken.length).toBeGreaterThan(5);
    expect(broken.filter((w) => /[-‐]\u00AD/.test(w))).toEqual([]);
  });

  it('finds a grid’s words by search', () => {
    const grid = pdfs.find((p) => p.startsWith('grids/'))!;
    expect(raw(grid)).toContain('Pertinence');
  });
});

describe('soft hyphens in a content stream', () => {
  const shy = (glyph: string) => `/Span<</ActualText <FEFF00AD> >> BDC\n${glyph} Tj\nEMC\n`;
  it('empties those that break no line, keeps the one that does and empties its printed hyphen', () => {
    const stream = `BT\n<0041> Tj\n${shy('<0003>')}0 0 Td <0042> Tj\n${shy('<0003>')}ET\nBT\n/F4 16 Tf\n1 0 0 -1 9 23 Tm\n<0AF3> Tj\nET\n`;
    expect(cleanContent(stream)).toBe(
      `BT\n<0041> Tj\n/Span<</ActualText () >> BDC\n<0003> Tj\nEMC\n0 0 Td <0042> Tj\n${shy('<0003>')}ET\nBT\n/F4 16 Tf\n1 0 0 -1 9 23 Tm\n/Span<</ActualText () >> BDC\n<0AF3> Tj\nEMC\nET\n`,
    );
  });

  it('keeps the letters of a ligature', () => {
    expect(cleanContent('/Span<</ActualText <FEFF006600AD0066> >> BDC\n')).toBe('/Span<</ActualText <FEFF00660066> >> BDC\n');
  });
});
