import { readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, relative } from 'node:path';
import { Problems, type Problem } from '../errors.js';
import { grading } from '../i18n/index.js';
import { decodeSource, isHiddenFile } from '../load/read-source.js';
import type { Course } from '../model.js';
import type { GradeSheet } from './model.js';
import { readScoresSheet } from './scores-sheet.js';

/**
 * Everything the trainer filled in the grades folder: scores sheets (CSV) and grid PDFs. Every
 * problem of every file is reported at once; none is written when there is one. `undefined`
 * when the folder is missing or holds no grades.
 */
export async function readGrades(dir: string, course: Course): Promise<{ sheets: GradeSheet[]; warnings: Problem[] } | undefined> {
  const names = (await readdir(dir, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile() && !isHiddenFile(e.name))
    .map((e) => e.name)
    .sort();
  if (names.length === 0) return undefined;
  // Shown as `grades/…`, as the trainer sees the folder beside the content.
  const shown = (name: string) => relative(dirname(dir), join(dir, name)) || name;
  const problems = new Problems();
  const warnings: Problem[] = [];
  const sheets: GradeSheet[] = [];
  for (const name of names) {
    const file = shown(name);
    const bytes = await readFile(join(dir, name));
    const kind = extname(name).toLowerCase();
    let read: { sheets: GradeSheet[]; problems: Problem[] };
    if (kind === '.csv') {
      const source = decodeSource(file, bytes, course.lang);
      warnings.push(...source.warnings.map((message) => ({ place: { file }, message })));
      read = readScoresSheet(source, course);
    } else if (kind === '.pdf') {
      // Loaded only for a filled grid: `check` on a course graded by scores sheet loads no PDF library.
      const { readGridPdf } = await import('./grid-pdf.js');
      read = await readGridPdf(file, bytes, course);
    } else {
      warnings.push({ place: { file }, message: grading(course.lang).messages.ignoredFile });
      continue;
    }
    problems.list.push(...read.problems);
    sheets.push(...read.sheets);
  }
  problems.throwIfAny();
  return { sheets, warnings };
}
