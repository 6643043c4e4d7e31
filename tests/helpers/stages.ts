import { selectCourse, type SelectedCourse } from '../../src/pipeline/render-course.js';
import { Stages } from '../../src/pipeline/stages.js';
import { ContentError, formatProblem } from '../../src/errors.js';
import { loadCourse } from '../../src/load/load-course.js';

/** The stages before any rendering: load, validate, parse, select edition. */
export async function readCourse(dir: string): Promise<SelectedCourse> {
  return selectCourse(await loadCourse(dir), new Stages());
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
