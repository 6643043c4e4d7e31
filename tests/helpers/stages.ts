import { ContentError, formatProblem } from '../../src/errors.js';
import { loadCourse } from '../../src/load/load-course.js';
import { parseCourse, type ParsedCourse } from '../../src/parse/parse-course.js';
import { validateCourse } from '../../src/validate/validate-course.js';

/** The stages before any rendering: load, validate, parse. */
export async function readCourse(dir: string): Promise<ParsedCourse> {
  return parseCourse(validateCourse(await loadCourse(dir)));
}

/** The messages a content error prints, or [] when the course is fine. */
export async function contentErrors(dir: string): Promise<string[]> {
  try {
    await readCourse(dir);
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
}
