import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { importDocument } from '../src/import/import-document.js';
import { readDocument } from '../src/import/read-document.js';
import { writeCourse } from '../src/import/write-course.js';
import { fixturesDir, tempDir } from './helpers/course.js';
import { normalize, pdfPages } from './helpers/pdf.js';

// Round trip: a trainer's document imported, then built. Every course line of the document is
// printed in the edition that owes it; no line of a solution reaches a student's file.

/** The words of a text, without Markdown marks, typography or layout: what both sides share. */
const words = (text: string) => (normalize(text).normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

interface Lines {
  student: string[];
  trainerOnly: string[];
}

/**
 * The document's lines by who owes them, read from the document's own structure (not from the
 * importer): trainer-only from a solution (or trainer notes) heading to the next separator or
 * top-level section; chat lines, separators, fences and blank lines are no course lines.
 * `printedAs`: lines the course prints in its own words (a case heading, the frame's data).
 */
function documentLines(text: string, opens: RegExp, closes: RegExp, chat: number[], printedAs: Record<string, string> = {}): Lines {
  const lines: Lines = { student: [], trainerOnly: [] };
  let trainer = false;
  text.split('\n').forEach((line, i) => {
    if (closes.test(line)) trainer = false;
    if (opens.test(line)) trainer = true;
    if (chat.includes(i + 1) || /^\s*(---|```.*)\s*$/.test(line) || words(line) === '') return;
    (trainer ? lines.trainerOnly : lines.student).push(printedAs[words(line)] ?? words(line));
  });
  return lines;
}

async function importAndBuild(fixture: string): Promise<string> {
  const doc = await readDocument(join(fixturesDir, 'import', fixture));
  const content = join(await tempDir(), 'course');
  await writeCourse(content, importDocument(doc, content).files);
  const out = join(await tempDir(), 'dist');
  await build({ contentDir: content, outDir: out, sourceDateEpoch: 1_700_000_000 });
  return out;
}

/** Every file of a folder, as words: PDFs through pdftotext, Markdown and HTML as text. */
async function filesText(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (entry.endsWith('.pdf')) texts.set(entry, words(pdfPages(path, { layout: false }).join('\n')));
    else if (entry.endsWith('.md')) texts.set(entry, words(await readFile(path, 'utf8')));
    else if (entry.endsWith('.html')) texts.set(entry, words((await readFile(path, 'utf8')).replace(/<style[\s\S]*?<\/style>|<[^>]+>/g, ' ')));
  }
  return texts;
}

function expectOwed(lines: Lines, student: Map<string, string>, trainerPack: string, studentPack: string): void {
  const missingFromStudent = lines.student.filter((l) => !studentPack.includes(l));
  expect(missingFromStudent).toEqual([]);
  const missingFromTrainer = [...lines.student, ...lines.trainerOnly].filter((l) => !trainerPack.includes(l));
  expect(missingFromTrainer).toEqual([]);
  // A trainer-only line whose words a course line also says ("KPI") proves nothing either way.
  const courseWords = lines.student.join('\n');
  const telling = lines.trainerOnly.filter((l) => !courseWords.includes(l));
  expect(telling.length).toBeGreaterThan(10);
  const leaks = [...student].flatMap(([file, text]) => telling.filter((l) => text.includes(l)).map((l) => `${file}: ${l}`));
  expect(leaks).toEqual([]);
}

describe('the seed document, imported and built', () => {
  let out: string;
  let lines: Lines;
  beforeAll(async () => {
    const text = await readFile(join(fixturesDir, 'import/atelier-big-data.md'), 'utf8');
    lines = documentLines(text, /^#+\s*CORRECTION/, /^(---|#\s)/, [1, 276]);
    out = await importAndBuild('atelier-big-data.md');
  });

  it('prints every course line in the edition that owes it, and no solution line to students', async () => {
    expect(lines.student.length).toBeGreaterThan(60);
    const student = await filesText(join(out, 'student'));
    const trainer = await filesText(join(out, 'trainer'));
    expectOwed(lines, student, trainer.get('pack-formateur.pdf')!, student.get('pack-apprenant.pdf')!);
  });

  it('leaves out the chat lines', async () => {
    const trainer = (await filesText(join(out, 'trainer'))).get('pack-formateur.pdf')!;
    expect(trainer).not.toContain(words('Génial—voici un'));
    expect(trainer).not.toContain(words('Si tu veux, je peux convertir'));
  });

  it('keeps the ASCII drawings as drawings, in the trainer edition only', () => {
    const trainer = normalize(pdfPages(join(out, 'trainer/cas-1-fintrust.pdf'), { layout: false }).join('\n'));
    expect(trainer).toContain('[Schema Registry - Avro]');
    const student = normalize(pdfPages(join(out, 'student/cas-1-fintrust.pdf'), { layout: false }).join('\n'));
    expect(student).not.toContain('Schema Registry - Avro');
  });
});

describe('a document of another shape, imported and built', () => {
  let out: string;
  let lines: Lines;
  beforeAll(async () => {
    const text = await readFile(join(fixturesDir, 'import/code-review-clinic.md'), 'utf8');
    // The frame is data in course.yaml, printed in the course's format: same facts, its words.
    lines = documentLines(text, /^(#+\s*(Model answer|Notes for the trainer)|\*\*Suggested answer\*\*)/, /^(---|##\s)/, [1, 102], {
      'Marking scheme out of 10': 'Marking scheme 10 pts',
      'Correctness 4 pts the fix removes the bug and adds none': 'Correctness 4 the fix removes the bug and adds none',
      'Readability 3 points': 'Readability 3',
      'Tests 2 pts a failing test comes first': 'Tests 2 a failing test comes first',
      'Communication 1 pt': 'Communication 1',
      'Exercise 1 Payments team Ledgerly invoices off by one cent': 'Case 1 Payments team Ledgerly invoices off by one cent',
      'Exercise 2 Logistics Shipwise a race in the stock counter': 'Case 2 Logistics Shipwise a race in the stock counter',
    });
    out = await importAndBuild('code-review-clinic.md');
  });

  it('prints every course line in the edition that owes it, and no solution line to students', async () => {
    const student = await filesText(join(out, 'student'));
    const trainer = await filesText(join(out, 'trainer'));
    expectOwed(lines, student, trainer.get('trainer-pack.pdf')!, student.get('student-pack.pdf')!);
  });

  it('prints an English course with its rubric out of 10', () => {
    const grid = normalize(pdfPages(join(out, 'grids/case-1-ledgerly.pdf'))[0]!);
    expect(grid).toMatch(/Evaluation grid/);
    expect(grid).toMatch(/Total\s+\/\s*10/);
  });
});
