import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ContentError } from '../errors.js';
import { importWords } from '../i18n/import.js';
import { casesDirName, courseFileName } from '../load/load-course.js';

/** Refuses a folder that holds anything unless forced: an import never writes over a course by accident. */
export async function checkTarget(dir: string, force: boolean, lang: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  if (entries.length > 0 && !force) throw new ContentError([{ place: { file: dir }, message: importWords(lang).report.notEmpty }]);
}

/** Writes the course files; with --force, course.yaml and the old cases go first (a stale case would be built). */
export async function writeCourse(dir: string, files: { path: string; text: string }[]): Promise<void> {
  await rm(join(dir, courseFileName), { force: true });
  const oldCases = await readdir(join(dir, casesDirName)).catch(() => [] as string[]);
  await Promise.all(oldCases.filter((n) => n.endsWith('.md')).map((n) => rm(join(dir, casesDirName, n))));
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.text);
  }
}
