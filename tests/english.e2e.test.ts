import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';
import { pdfPages, pdfText } from './helpers/pdf.js';

// The same tool prints an English course: the labels follow the course's `lang`.
let out: string;

beforeAll(async () => {
  const content = await copyCourse(join(fixturesDir, 'mini'));
  const course = join(content, 'course.yaml');
  await writeFile(course, (await readFile(course, 'utf8')).replace('lang: fr', 'lang: en'));
  out = join(await tempDir(), 'dist');
  await build({ contentDir: content, outDir: out, sourceDateEpoch: 1_700_000_000 });
});

describe('an English course', () => {
  it('prints English labels and file names', () => {
    const student = pdfText(join(out, 'student/student-pack.pdf'));
    expect(student).toContain('Student edition');
    expect(student).toContain('Contents');
    expect(student).toContain('Diagram template — Case 1 — Alpha');
    expect(student).not.toContain('Édition apprenant');
    const trainer = pdfText(join(out, 'trainer/trainer-pack.pdf'));
    expect(trainer).toContain('Answer key — trainer only');
    expect(trainer).toContain('Session run sheet');
    const grid = pdfPages(join(out, 'grids/case-1-alpha.pdf'))[0]!;
    expect(grid).toMatch(/Evaluation grid — Case 1 — Banque Alpha: scoring/);
    expect(grid).toMatch(/Criterion\s+Points\s+Score\s+Comments/);
  });
});
