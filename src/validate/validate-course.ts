import { ContentError, Problems } from '../errors.js';
import { defaultCourseLang, format, messages } from '../i18n/index.js';
import type { RawCourse, SourceText } from '../model.js';
import { checkSchema } from './check-schema.js';
import { caseSchema, courseSchema, type CaseData, type CourseData, type DiagramData } from './schema.js';
import { parseYaml, type YamlSource } from './yaml-source.js';
import { splitFrontMatter } from './front-matter.js';

export interface ValidCase {
  source: SourceText;
  data: CaseData;
  /** The Markdown body, front matter blanked so that lines keep their numbers. */
  body: string;
  yaml: YamlSource;
}

export interface ValidCourse {
  dir: string;
  source: SourceText;
  data: CourseData;
  cases: ValidCase[];
}

/** Checks the course metadata and every case's metadata, reporting all problems at once. */
export function validateCourse(raw: RawCourse): ValidCourse {
  const courseYaml = parseYaml(raw.course.file, raw.course.text, 1, raw.lang);
  const lang = guessLang(courseYaml.value);
  const problems = new Problems();
  const data = collect(problems, () => checkSchema(courseSchema, courseYaml, lang));
  const cases = raw.cases.flatMap((source) => collect(problems, () => validateCase(source, lang)) ?? []);
  problems.throwIfAny();
  checkCourseSums(data!, courseYaml, lang, problems);
  checkDiagram(data!.diagram, courseYaml, ['diagram'], lang, problems);
  for (const c of cases) checkDiagram(c.data.diagram, c.yaml, ['diagram'], lang, problems);
  checkCaseSet(data!, cases, courseYaml, lang, problems);
  problems.throwIfAny();
  return { dir: raw.dir, source: raw.course, data: data!, cases };
}

function validateCase(source: SourceText, lang: string): ValidCase {
  const { yaml, firstLine, body } = splitFrontMatter(source, lang);
  const located = parseYaml(source.file, yaml, firstLine, lang);
  return { source, data: checkSchema(caseSchema, located, lang), body, yaml: located };
}

function checkCourseSums(data: CourseData, yaml: YamlSource, lang: string, problems: Problems): void {
  const m = messages(lang);
  const points = data.rubric.criteria.reduce((sum, c) => sum + c.points, 0);
  if (points !== data.rubric.total) {
    problems.add(yaml.locate(['rubric', 'total']), format(m.rubricTotal, { sum: points, total: data.rubric.total }));
  }
  const minutes = data.timing.segments.reduce((sum, s) => sum + s.minutes, 0);
  if (minutes !== data.timing.total) {
    problems.add(yaml.locate(['timing', 'total']), format(m.timingTotal, { sum: minutes, total: data.timing.total }));
  }
}

function checkDiagram(diagram: DiagramData | undefined, yaml: YamlSource, path: string[], lang: string, problems: Problems): void {
  if (diagram && diagram.columns && diagram.layers) problems.add(yaml.locate([...path, 'layers']), messages(lang).diagramColumnsAndLayers);
}

function checkCaseSet(data: CourseData, cases: ValidCase[], yaml: YamlSource, lang: string, problems: Problems): void {
  const m = messages(lang);
  const byId = new Map<string, ValidCase>();
  const byNumber = new Map<number, ValidCase>();
  const criteria = data.rubric.criteria.map((c) => c.id);
  for (const c of cases) {
    const place = (key: string) => c.yaml.locate([], key);
    const sameId = byId.get(c.data.id);
    if (sameId) problems.add(place('id'), format(m.duplicateCaseId, { id: c.data.id, other: sameId.source.file }));
    else byId.set(c.data.id, c);
    const sameNumber = byNumber.get(c.data.number);
    if (sameNumber) problems.add(place('number'), format(m.duplicateCaseNumber, { number: c.data.number, other: sameNumber.source.file }));
    else byNumber.set(c.data.number, c);
    for (const id of Object.keys(c.data.indicators)) {
      if (!criteria.includes(id)) {
        problems.add(c.yaml.locate(['indicators'], id), format(m.unknownCriterion, { id, known: criteria.join(', ') }));
      }
    }
  }
  if (Array.isArray(data.groups)) {
    data.groups.forEach((g, i) => {
      if (typeof g === 'object' && g.case !== undefined && !byId.has(g.case)) {
        problems.add(yaml.locate(['groups', i, 'case']), format(m.unknownGroupCase, { group: g.name, id: g.case, known: [...byId.keys()].join(', ') }));
      }
    });
  }
}

function collect<T>(problems: Problems, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.list.push(...error.problems);
    return undefined;
  }
}

// Messages about course.yaml itself are in the language it declares, when it can be read.
function guessLang(value: unknown): string {
  const lang = (value as { lang?: unknown } | null)?.lang;
  return typeof lang === 'string' ? lang : defaultCourseLang;
}
