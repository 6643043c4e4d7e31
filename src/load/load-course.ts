import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentError } from '../errors.js';
import { format, messages } from '../i18n/index.js';
import type { RawCourse } from '../model.js';
import { limits } from '../parse/limits.js';
import { peekLang, readSource } from './read-source.js';

export const courseFileName = 'course.yaml';
export const casesDirName = 'cases';

/** Reads `course.yaml` and every `cases/*.md` of a content folder. */
export async function loadCourse(dir: string): Promise<RawCourse> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new ContentError([{ place: { file: dir }, message: messages('fr').noContentDir }]);
  const course = await readSource(dir, join(dir, courseFileName));
  const lang = peekLang(course.text);
  const m = messages(lang);
  const names = await readdir(join(dir, casesDirName)).catch(() => [] as string[]);
  const caseNames = names.filter((n) => n.endsWith('.md')).sort(byNumber);
  if (caseNames.length === 0) {
    throw new ContentError([{ place: { file: join(casesDirName) }, message: m.noCases }]);
  }
  if (caseNames.length > limits.cases) {
    throw new ContentError([{ place: { file: casesDirName }, message: format(m.tooManyCases, { count: caseNames.length, limit: limits.cases }) }]);
  }
  const cases = await Promise.all(caseNames.map((n) => readSource(dir, join(dir, casesDirName, n), lang)));
  return { dir, course, cases };
}

/** `cas-10` sorts after `cas-9`. */
function byNumber(a: string, b: string): number {
  return a.localeCompare(b, 'fr', { numeric: true });
}
