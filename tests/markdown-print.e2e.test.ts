import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { bundledFontFamilies } from '../src/render/fonts.js';
import { mermaidVersion } from '../src/diagrams/mermaid-page.js';
import type { Problem } from '../src/errors.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';
import { flat, pdfInfo, pdfPages, pdfText } from './helpers/pdf.js';

// A second course from scratch, in English and another field: code, ASCII drawings, alerts,
// figures, links, footnotes, inline HTML and every kind of Mermaid diagram, printed for real.
let out: string;
let warnings: Problem[];
const file = (path: string) => join(out, path);

beforeAll(async () => {
  const content = await copyCourse(join(fixturesDir, 'markdown-course'));
  out = join(await tempDir(), 'dist');
  ({ warnings } = await build({ contentDir: content, outDir: out, sourceDateEpoch: 1_700_000_000 }));
}, 300_000);

/** Page sizes in points, as pdfinfo reads them. */
function pageSizes(path: string): { width: number; height: number }[] {
  const text = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path], { encoding: 'utf8' });
  return [...text.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** Each page's words with their box height in points, from pdftotext's boxes. */
function pageWords(path: string): { text: string; height: number; xMin: number; xMax: number }[][] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5]!,
      height: Number(m[4]) - Number(m[2]),
      xMin: Number(m[1]),
      xMax: Number(m[3]),
    })),
  );
}

/** Every diagram type the installed Mermaid registers, read from its own bundle. */
function mermaidTypes(): string[] {
  const bundle = readFileSync(join(dirname(createRequire(import.meta.url).resolve('mermaid')), 'mermaid.core.mjs'), 'utf8');
  return [...bundle.matchAll(/^var id\d* = "([\w-]+)";$/gm)].map((m) => m[1]!);
}

describe('Markdown a trainer writes, in print', () => {
  it('prints code highlighted, wrapped under its indentation, with no mark in the text', async () => {
    const pages = pdfPages(file('student/case-1-orders.pdf'));
    const page = pages[0]!;
    const lines = page.split('\n');
    const key = lines.find((l) => l.includes('ORDERS_DATABASE_URL'))!;
    const tail = lines.find((l) => l.includes('WRAPTAIL'))!;
    // The wrapped part of the YAML line hangs under its own indentation, deeper than column 0.
    expect(tail.search(/\S/)).toBeGreaterThan(key.search(/\S/));
    expect(key).not.toContain('WRAPTAIL');
    // The continuation mark is drawn, never text.
    expect(page).not.toMatch(/[↪↳⏎]/);
    expect(page).toContain('return a -> b if a != b and a <= b else None');
    const html = await readFile(file('student/html/student-pack.html'), 'utf8');
    expect(html).toContain('<span class="hljs-keyword">SELECT</span>');
    expect(html).toMatch(/font-variant-ligatures: none/);
  });

  it('never wraps preformatted text: a 104-column drawing prints whole, a wider log on a landscape page', () => {
    const pages = pdfPages(file('student/case-1-orders.pdf'));
    const drawing = pages[0]!.split('\n').find((l) => l.includes('EDGE104'))!;
    expect(drawing).toMatch(/\+-+> Kafka topic `orders\.v1` <--\+----- audit log \(append only\)\+---EDGE104/);
    expect(pages[0]).toMatch(/\| ---> \|\s+API gateway\s+\| ---> \|/);
    const sizes = pageSizes(file('student/case-1-orders.pdf'));
    const logPage = pages.findIndex((p) => p.includes('END150'));
    expect(sizes[logPage]!.width).toBeGreaterThan(sizes[logPage]!.height);
    expect(pages[logPage]!.split('\n').some((l) => /INFO.*k0=v0.*END150/.test(l))).toBe(true);
    // The landscape page keeps the case's running title, and the line that introduces the log.
    expect(pages[logPage]).toContain('Software design workshop — Case 1 — Orders');
    expect(pages[logPage]).toContain('A worker’s log line:');
    expect(sizes[0]!.width).toBeLessThan(sizes[0]!.height);
    // Too wide even for landscape: printed, and the build says where.
    expect(warnings.some((w) => w.place.file.endsWith('cas-1-orders.md') && w.place.line === 58 && /251 columns/.test(w.message))).toBe(true);
  });

  it('prints GitHub alerts as labelled callouts, images as numbered figures, link addresses on paper only', async () => {
    const text = pdfText(file('student/case-1-orders.pdf'));
    expect(text).not.toContain('[!');
    expect(text).toMatch(/WARNING\s+Never deploy on Friday\./);
    expect(text).toMatch(/TIP\s+Press Ctrl \+ C to stop; water is H2O and area is m2\./);
    expect(flat(text)).toContain('Figure 1. Layered view of the shop');
    expect(flat(text)).toContain('Figure 2. Alt text only caption');
    expect(flat(text)).toContain('PostgreSQL manual (https://www.postgresql.org/docs/16/)');
    expect(flat(text)).not.toContain('(https://example.org/plain)');
    const html = await readFile(file('student/html/student-pack.html'), 'utf8');
    expect(html).toContain('alt="Three layers of the shop"');
    // The address is added by the print style sheet: not in the HTML edition's text.
    expect(html).not.toContain('(https://www.postgresql.org');
    expect(html).toMatch(/@media print \{[^}]*a\.external::after/);
  });

  it('prints footnotes at the end of their case, under a label in the course language, ids unique in a pack', async () => {
    const text = pdfText(file('student/student-pack.pdf'));
    expect(text).toMatch(/Notes\s+1\. Measured at the 99th percentile\./);
    expect(text).toMatch(/Notes\s+1\. Second case’s note\./);
    expect(text).not.toContain('↩');
    expect(text).not.toContain('Footnotes');
    const html = await readFile(file('trainer/html/trainer-pack.html'), 'utf8');
    const ids = [...html.replace(/<svg[\s\S]*?<\/svg>/g, '').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    const notes = ids.filter((id) => /fn|footnote/.test(id));
    expect(notes.length).toBeGreaterThan(4);
    expect(notes.length - new Set(notes).size).toBe(0);
  });

  it('keeps <br>, <sub>, <sup>, <kbd> and drops other HTML with a warning', () => {
    const text = pdfText(file('student/case-1-orders.pdf'));
    expect(text).toMatch(/API\s+first line\n\s+second line/);
    expect(text).not.toContain('RAWDIVDROPPED');
    expect(warnings.some((w) => w.place.line === 72 && w.message.includes('RAWDIVDROPPED'))).toBe(true);
    expect(warnings.some((w) => /<br>|<sub>|<kbd>/.test(w.message))).toBe(false);
  });

  it('keeps trainer-only alerts, figures, code and footnotes out of every student file', async () => {
    const secrets = ['SOLUTIONALERT', 'SOLUTIONFIGURE', 'SOLUTIONCODE', 'SOLUTIONFOOTNOTE'];
    for (const path of ['student/student-pack.pdf', 'student/case-1-orders.pdf']) {
      const text = pdfText(file(path));
      for (const s of secrets) expect(text, `${s} in ${path}`).not.toContain(s);
    }
    for (const path of ['student/html/student-pack.html', 'student/md/student-pack.md']) {
      const text = await readFile(file(path), 'utf8');
      for (const s of secrets) expect(text, `${s} in ${path}`).not.toContain(s);
    }
    const trainer = pdfText(file('trainer/trainer-pack.pdf'));
    for (const s of secrets) expect(trainer).toContain(s);
    expect(trainer).toMatch(/IMPORTANT\s+SOLUTIONALERT/);
  });

  it('keeps a paragraph ending with ":" on the page of what it introduces', () => {
    for (const page of pdfPages(file('student/student-pack.pdf'))) {
      if (page.includes('Query used by the report:')) expect(page).toContain('SELECT customer_id');
    }
  });

  it('draws every diagram type the installed Mermaid has, each with its labels', async () => {
    const html = await readFile(file('trainer/html/trainer-pack.html'), 'utf8');
    const drawn = new Set([...html.matchAll(/<svg[^>]* aria-roledescription="([\w-]+)"/g)].map((m) => m[1]!));
    // Mermaid names a few types by their renderer: `flowchart`, `class` and `state` draw as these.
    const drawnAs: Record<string, string> = { flowchart: 'flowchart-v2', class: 'classDiagram', state: 'stateDiagram' };
    const types = mermaidTypes();
    expect(types.length).toBeGreaterThan(30);
    for (const type of types) expect(drawn, type).toContain(drawnAs[type] ?? type);
    // The build refuses Mermaid's error picture; none is drawn.
    expect(drawn).not.toContain('error');
    const text = flat(pdfText(file('student/case-2-diagrams.pdf')));
    for (const label of ['POST /orders', 'Pending', 'CUSTOMER', 'Release plan', 'Orders by channel', 'Checkout', 'Shopper',
      'Front', 'Latency', 'Priorities', 'Write tests', 'Source port', 'Speed', 'under 200 ms', 'Mobile', `v${mermaidVersion}`,
      'Cart ELKNODE', 'Place order', 'Ship parcel', 'checkout.ts', 'Late delivery', 'Manual picking', 'Team overlap', 'APIs',
      'Shop value chain', 'Hosting', 'Incident triage', 'Flaky checkout', 'ORD', 'quantity', 'coupon', 'ALPHA', 'Sku', 'Letter',
      // Drawn by Mermaid in HTML only (event modeling, a journey's sections): printed as SVG text.
      'CartScreen', 'AddItem', 'ItemAdded', 'Purchase']) {
      expect(text, label).toContain(label);
    }
  });

  it('prints no diagram text under 7 pt: a drawing too small in the column takes a landscape page, the build warns when even that is not enough', () => {
    const path = file('student/case-2-diagrams.pdf');
    const pages = pdfPages(path);
    const sizes = pageSizes(path);
    const words = pageWords(path);
    // A word's box is taller than its font size: measured on body text, printed at 10.5 pt.
    const perPt = words[0]!.find((w) => w.text === 'Needs:')!.height / 10.5;
    const pageOf = (heading: string) => pages.findIndex((p) => new RegExp(`^\\s*${heading}$`, 'm').test(p));
    // Diagrams whose Mermaid text is small, or which are wide: the words of each, printed at 7 pt or more.
    const legible: Record<string, string[]> = {
      packet: ['Source', 'Destination', '0', '15', '31'],
      treemap: ['Shop'],
      wardley: ['Hosting', 'Genesis', 'Commodity'],
      cynefin: ['Flaky', 'Restart'],
      gitgraph: ['main', 'feature'],
      gantt: ['Design', 'Build'],
      wide: ['WIDEFLOW'],
    };
    for (const [heading, labels] of Object.entries(legible)) {
      const page = pageOf(heading);
      expect(page, heading).toBeGreaterThan(0);
      for (const label of labels) {
        const found = words[page]!.filter((w) => w.text === label);
        expect(found.length, `${heading}: ${label}`).toBeGreaterThan(0);
        for (const w of found) expect(w.height / perPt, `${heading}: ${label}`).toBeGreaterThanOrEqual(6.95);
      }
    }
    for (const heading of ['packet', 'treemap', 'wardley', 'wide']) {
      const size = sizes[pageOf(heading)]!;
      expect(size.width, heading).toBeGreaterThan(size.height);
    }
    // A bold line that introduces a landscape drawing goes on its page, with the heading before it.
    expect(pages[pageOf('wardley')]).toContain('Value chain map');
    expect(sizes[pageOf('flowchart')]!.width).toBeLessThan(sizes[pageOf('flowchart')]!.height);
    // Sixteen boxes in a row: printed on a landscape page, still too small, and the build says where.
    const tooWide = pageOf('too wide');
    expect(sizes[tooWide]!.width).toBeGreaterThan(sizes[tooWide]!.height);
    expect(words[tooWide]!.filter((w) => w.text === 'TOOWIDE').length).toBe(16);
    const warning = warnings.find((w) => w.place.file.endsWith('cas-2-diagrams.md') && w.place.line === 352);
    expect(warning?.message).toMatch(/^even on a landscape page, this diagram prints its smallest text at [3-6]\.\d pt, too small to read/);
    expect(warnings.filter((w) => /this diagram prints/.test(w.message))).toHaveLength(1);
    expect(Number(pdfInfo(path).Pages)).toBe(pages.length);
  });

  it('centres a mindmap’s root label in its circle', () => {
    const path = file('student/case-2-diagrams.pdf');
    const page = pdfPages(path).findIndex((p) => /^\s*mindmap$/m.test(p));
    const words = pageWords(path)[page]!;
    const word = (text: string) => words.find((w) => w.text === text)!;
    // The root sits halfway between its two children, its label too (Mermaid 11 alone starts the label at the centre).
    const middle = (word('Stock').xMax + word('Payment').xMin) / 2;
    expect(Math.abs((word('Checkout').xMin + word('Checkout').xMax) / 2 - middle)).toBeLessThan(4);
  });

  it('prints every diagram’s text in the bundled fonts, whatever font its type names (C4, gantt axes, journey)', () => {
    for (const pdf of ['student/case-2-diagrams.pdf', 'trainer/case-2-diagrams.pdf']) {
      const rows = execFileSync('pdffonts', [file(pdf)], { encoding: 'utf8' }).trim().split('\n').slice(2);
      const names = rows.map((row) => row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((n) => !bundledFontFamilies.some((family) => n.startsWith(`${family}-`))), pdf).toEqual([]);
    }
  });

  it('draws the same bytes on every build (gitGraph ids, gantt without a today line)', async () => {
    const again = join(await tempDir(), 'dist');
    const content = await copyCourse(join(fixturesDir, 'markdown-course'));
    await rm(join(content, 'cases/cas-1-orders.md'));
    await build({ contentDir: content, outDir: again, sourceDateEpoch: 1_800_000_000 });
    const drawings = async (path: string) => {
      const html = await readFile(path, 'utf8');
      return [...html.matchAll(/<figure class="diagram[^"]*" data-diagram="[0-9a-f]+">[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    };
    const first = await drawings(file('trainer/html/trainer-pack.html'));
    const second = await drawings(join(again, 'trainer/html/trainer-pack.html'));
    expect(first.length).toBeGreaterThan(35);
    expect(second).toEqual(first.slice(first.length - second.length));
    expect(first.join('')).not.toMatch(/<line[^>]*class="today"/);
  }, 300_000);
});
