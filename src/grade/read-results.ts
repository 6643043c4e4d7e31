import type { Problem } from '../errors.js';
import type { Course } from '../model.js';
import type { GradeSheet, GroupResult } from './model.js';
import { readGrades } from './read-grades.js';
import { computeResults } from './results.js';

/** What the grades folder says: every sheet, checked, and the results; undefined when it holds nothing. */
export interface Grades {
  sheets: GradeSheet[];
  results: GroupResult[];
  warnings: Problem[];
}

/**
 * read grades → validate → compute results. Any bad grade stops here, with its place, before
 * anything is printed. Apart from printing the results: `check` reads the grades too, and prints nothing.
 */
export async function readResults(course: Course, gradesDir: string): Promise<Grades | undefined> {
  const read = await readGrades(gradesDir, course);
  if (!read) return undefined;
  const { results, warnings } = computeResults(course, read.sheets);
  return { sheets: read.sheets, results, warnings: [...read.warnings, ...warnings] };
}
