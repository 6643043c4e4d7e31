import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentError } from '../errors.js';
import { defaultCourseLang, format, messages, systemLang } from '../i18n/index.js';
import { declaredLang } from './course-language.js';
import type { RawCourse } from '../model.js';
import { limits } from '../parse/limits.js';
import { isHiddenFile, readSource } from './read-source.js';

export const courseFileName = 'course.yaml';
export const casesDirName = 'cases';

/** A case's file: Markdown, not hidden (see isHiddenFile). */
export function isCaseFile(name: string): boolean {
  return name.endsWith('.md') && !isHiddenFile(name);
}

/**
 * Reads `course.yaml` and every `cases/*.md` of a content folder. Until course.yaml is read,
 * messages are in `systemLanguage`; then in the language it declares.
 */
export async function loadCourse(dir: string, systemLanguage = systemLang(process.env)): Promise<RawCourse> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new ContentError([{ place: { file: dir }, message: messages(systemLanguage).noContentDir }]);
  const course = await readSource(dir, join(dir, courseFileName), systemLanguage);
  const lang = declaredLang(course.text) ?? defaultCourseLang;
  const names = await readdir(join(dir, casesDirName)).catch(() => [] as string[]);
  const caseNames = names.filter(isCaseFile).sort(byNumber);
  if (caseNames.length === 0) {
    throw new ContentError([{ place: { file: join(casesDirName) }, message: messages(lang).noCases }]);
  }
  if (caseNames.length > limits.cases) {
    throw new ContentError([{ place: { file: casesDirName }, message: format(messages(lang).tooManyCases, { count: caseNames.length, limit: limits.cases }) }]);
  }
  const cases = await Promise.all(caseNames.map((n) => readSource(dir, join(dir, casesDirName, n), lang)));
  return { dir, lang, course, cases };
}

/**
 * The language a command speaks about a content folder: its course's (French when the course does
 * not say), or the system's when there is no course to read.
 */
export async function courseLanguage(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const text = await readFile(join(dir, courseFileName), 'utf8').catch(() => '');
  if (text.trim() === '') return systemLang(env);
  return declaredLang(text) ?? defaultCourseLang;
}

/** `cas-10` sorts after `cas-9`. */
function byNumber(a: string, b: string): number {
  return a.localeCompare(b, 'fr', { numeric: true });
}
