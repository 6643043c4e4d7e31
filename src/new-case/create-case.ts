import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ContentError, UsageError } from '../errors.js';
import { defaultCourseLang, dictionary, format, labels, messages, systemLang } from '../i18n/index.js';
import { declaredLang } from '../load/course-language.js';
import { casesDirName, courseFileName, isCaseFile } from '../load/load-course.js';
import { readSource } from '../load/read-source.js';
import { checkSchema } from '../validate/check-schema.js';
import { splitFrontMatter } from '../validate/front-matter.js';
import { courseSchema } from '../validate/schema.js';
import { parseYaml } from '../validate/yaml-source.js';
import { caseFromScaffold, caseMarkdown, nextNumber, slugify, type ScaffoldInput } from './scaffold.js';

/** A course's own case scaffold, in its content folder. */
export const scaffoldFileName = join('templates', 'case.md');

export interface CreatedCase {
  /** Path relative to the content folder, e.g. `cases/cas-5-nom-du-cas.md`. */
  file: string;
  lang: string;
}

interface ExistingCase {
  file: string;
  number?: number;
  id?: string;
}

/** Writes a new case file after the existing ones; never overwrites one. */
export async function createCase(contentDir: string, name: string): Promise<CreatedCase> {
  const id = slugify(name);
  if (id === '') throw new UsageError((d) => format(d.cli.unusableCaseName, { name }));
  const course = await readCourse(contentDir);
  const existing = await readCases(contentDir, course.lang);
  const number = nextNumber(existing.flatMap((c) => (c.number !== undefined ? [c.number] : [])));
  const file = join(casesDirName, `${labels(course.lang).files.casePrefix}-${number}-${id}.md`);
  const sameId = existing.find((c) => c.id === id);
  if (sameId) {
    throw new ContentError([{ place: { file }, message: format(dictionary(course.lang).messages.duplicateCaseId, { id, other: sameId.file }) }]);
  }
  const input = { number, id, organisation: name.trim(), lang: course.lang, criteria: course.criteria };
  const text = (await courseScaffold(contentDir, input, course.lang)) ?? caseMarkdown(input);
  await writeFile(join(contentDir, file), text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
    throw new ContentError([{ place: { file }, message: dictionary(course.lang).workflow.caseFileExists }]);
  });
  return { file, lang: course.lang };
}

/** The course's own scaffold, when it has one, made into this case. */
async function courseScaffold(contentDir: string, input: ScaffoldInput, lang: string): Promise<string | undefined> {
  const path = join(contentDir, scaffoldFileName);
  if (!existsSync(path)) return undefined;
  const source = await readSource(contentDir, path, lang);
  const text = caseFromScaffold(source.text, input);
  if (text === undefined) throw new ContentError([{ place: { file: source.file, line: 1 }, message: messages(lang).noFrontMatter }]);
  return text;
}

/** The course's language and rubric, validated as the build does. */
async function readCourse(contentDir: string): Promise<{ lang: string; criteria: string[] }> {
  const source = await readSource(contentDir, join(contentDir, courseFileName), systemLang(process.env));
  const declared = declaredLang(source.text) ?? defaultCourseLang;
  const yaml = parseYaml(source.file, source.text, 1, declared);
  const data = checkSchema(courseSchema, yaml, declared);
  return { lang: data.lang, criteria: data.rubric.criteria.map((c) => c.id) };
}

/**
 * The numbers and ids already taken. Read leniently: a case the trainer is still fixing must not
 * stop another from being created (the build reports it anyway).
 */
async function readCases(contentDir: string, lang: string): Promise<ExistingCase[]> {
  const names = await readdir(join(contentDir, casesDirName)).catch(() => [] as string[]);
  return Promise.all(
    names
      .filter(isCaseFile)
      .map(async (n) => {
        const source = await readSource(contentDir, join(contentDir, casesDirName, n), lang);
        const fromName = Number(/^[^-]+-(\d+)-/.exec(n)?.[1] ?? Number.NaN);
        const meta = frontMatterOf(source);
        const number = typeof meta.number === 'number' ? meta.number : Number.isInteger(fromName) ? fromName : undefined;
        return { file: source.file, number, id: typeof meta.id === 'string' ? meta.id : undefined };
      }),
  );
}

function frontMatterOf(source: Parameters<typeof splitFrontMatter>[0]): Record<string, unknown> {
  try {
    const value: unknown = parse(splitFrontMatter(source, 'fr').yaml);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
