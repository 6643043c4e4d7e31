import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { loadPdf, pdfOutline } from '../src/print/read-pdf.js';
import { fixturesDir, tempDir } from './helpers/course.js';
import { pdfInfo, pdfText } from './helpers/pdf.js';

// An English course of its own field: each marker is a trainer-only word written in a way that
// once reached the students (a note nested in a solution, a footnote only a solution cites,
// trainer words in a heading).
const markers = ['SOLUTIONMARKER', 'NOTEMARKER', 'PREVENTIONMARKER', 'FOOTNOTEMARKER', 'HEADINGMARKER', 'INDICATORMARKER', 'DNSMARKER'];

let out: string;
let files: string[];
const file = (path: string) => join(out, path);

beforeAll(async () => {
  out = join(await tempDir(), 'dist');
  await build({ contentDir: join(fixturesDir, 'leaks-k8s'), outDir: out, sourceDateEpoch: 1_700_000_000 });
  files = (await readdir(out, { recursive: true })).filter((f) => /\.(pdf|html|md|zip)$/.test(f)).sort();
}, 300_000);

/** Everything a reader of the file gets: PDF text, bookmarks and metadata; HTML and Markdown as they are; zip entries. */
async function readable(path: string): Promise<string> {
  const bytes = await readFile(file(path));
  if (path.endsWith('.pdf')) {
    const outline = pdfOutline(await loadPdf(bytes)).map((e) => e.title);
    return [pdfText(file(path)), ...outline, ...Object.values(pdfInfo(file(path)))].join('\n');
  }
  if (path.endsWith('.zip')) {
    return Object.entries(unzipSync(bytes)).filter(([name]) => /\.(html|md)$/.test(name)).map(([, data]) => new TextDecoder().decode(data)).join('\n');
  }
  return new TextDecoder().decode(bytes);
}

describe('trainer-only words', () => {
  it('reach no student file, in any form, and every trainer file set has them all', async () => {
    const student = files.filter((f) => f.startsWith('student/') || f === 'packs/student.zip');
    expect(student.length).toBeGreaterThan(5);
    for (const path of student) {
      const text = (await readable(path)).toUpperCase();
      expect(markers.filter((m) => text.includes(m)), path).toEqual([]);
    }
    const trainer = (await Promise.all(files.filter((f) => f.startsWith('trainer/')).map(readable))).join('\n');
    expect(markers.filter((m) => m !== 'INDICATORMARKER' && !trainer.includes(m))).toEqual([]);
  });

  it('print a note nested in a solution inside it, with what follows it', async () => {
    const sheet = pdfText(file('trainer/case-1-payments.pdf'));
    expect(sheet.indexOf('NOTEMARKER')).toBeGreaterThan(sheet.indexOf('SOLUTIONMARKER'));
    expect(sheet.indexOf('PREVENTIONMARKER')).toBeGreaterThan(sheet.indexOf('NOTEMARKER'));
    expect(sheet).not.toMatch(/^\s*:::/m);
  });

  it('leave the students their own footnotes, numbered without gaps, in the PDF and the Markdown', async () => {
    const md = await readFile(file('student/md/student-pack.md'), 'utf8');
    expect(md).toContain('07:00[^1]');
    expect(md).toContain('[^1]: Times are UTC.');
    expect(md).not.toMatch(/\[\^(2|why|tz)\]/);
    expect(pdfText(file('student/case-1-payments.pdf'))).toMatch(/1\. Times are UTC\./);
    expect(await readFile(file('trainer/md/trainer-pack.md'), 'utf8')).toContain('FOOTNOTEMARKER');
  });

  it('leave a heading its student words: its id and bookmark say “Recovery”', async () => {
    const html = (await readFile(file('student/html/student-pack.html'), 'utf8')).replace(/\u00AD/g, '');
    expect(html).toMatch(/<h3 id="case-1-payments-recovery">Recovery<\/h3>/);
    expect(html).toContain('href="#case-1-payments-recovery"');
    const outline = pdfOutline(await loadPdf(await readFile(file('student/student-pack.pdf')))).map((e) => e.title);
    expect(outline).toContain('Recovery');
  });
});

describe('heading ids', () => {
  it('are unique in each HTML edition, and a case’s “Checklist” does not take the contents’ target', async () => {
    for (const edition of ['student/html/student-pack.html', 'trainer/html/trainer-pack.html']) {
      const html = await readFile(file(edition), 'utf8');
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!).filter((id) => !id.startsWith('user-content-') && id !== 'footnote-label');
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), edition).toEqual([]);
      expect(ids).toContain('checklist');
      expect(ids).toContain('case-1-payments-checklist');
      expect(html).toContain('href="#case-1-payments-checklist"');
    }
    // The contents' "Checklist" opens the course's checklist, the last section.
    const pack = await loadPdf(await readFile(file('student/student-pack.pdf')));
    const outline = pdfOutline(pack).filter((e) => e.title === 'Checklist');
    expect(outline.map((e) => e.page).at(-1)).toBe(pack.getPageCount());
  });
});

describe('text that is not a casebook directive', () => {
  it('prints exactly as typed', () => {
    const text = pdfText(file('student/case-1-payments.pdf'));
    for (const typed of ['07:001,', 'ratio 2:1{approx}', 'host:8080[x]', 'a:b{c}', '&lt; and &#87654321; and AT&T']) expect(text).toContain(typed);
  });
});

describe('block fences', () => {
  const errors = (markdown: string) => parseMarkdown('cases/x.md', markdown, { lang: 'en', resolve: () => ({ ok: true, path: '' }) }).errors.map((e) => `${e.place.line}: ${e.message}`);
  const answer = (fence: string, close: string) => `## Statement\n\nText.\n\n${fence}solution\nAnswer.\n\n:::trainer\nA note.\n:::\n\n### Prevention\n\nMore.\n${close}\n`;

  it('accept a note nested in a solution fenced with more colons', () => {
    expect(errors(answer('::::', '::::'))).toEqual([]);
  });

  it('stop the build on a note nested with as many colons, and on the fence left over, saying how to fix it', () => {
    const found = errors(answer(':::', ':::'));
    expect(found[0]).toMatch(/^8: the “:::trainer” block inside “:::solution”.*use “::::solution” … “::::” around a solution/);
    expect(found[1]).toMatch(/^15: the line “:::” opens or closes no block/);
  });

  it('stop the build on a fence that closes nothing, an unclosed block and an unknown block', () => {
    expect(errors('Text.\n\n:::\n')).toEqual([expect.stringMatching(/^3: the line “:::”/)]);
    expect(errors('Text.\n\n::::solution\nAnswer.\n:::\n')).toEqual([expect.stringMatching(/^3: the “:::solution” block is not closed/), expect.stringMatching(/^5: the line “:::”/)]);
    expect(errors('Text.\n\n:::hint\nx\n:::\n')).toEqual([expect.stringMatching(/^3: unknown block “:::hint”/)]);
  });

  it('are text in code, without a warning in a solution, with one in the statement', () => {
    const parsed = parseMarkdown('cases/x.md', 'Use `:trainer[x]` here.\n\n```\n:::solution\n```\n\n:::solution\n`:trainer[y]`\n:::\n', { lang: 'en', resolve: () => ({ ok: true, path: '' }) });
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings.map((w) => w.place.line)).toEqual([1, 3]);
  });
});
