import type { Cache } from '../cache/cache.js';
import { selectEditions, type Editions } from '../edition/select-edition.js';
import type { Problem } from '../errors.js';
import type { Course, Diagram, Document, RawCourse } from '../model.js';
import { parseCourse } from '../parse/parse-course.js';
import { loadHighlighter } from '../render/markdown-to-html.js';
import { renderDocuments } from '../render/render-documents.js';
import { treeDiagrams } from '../render/remark-print-markup.js';
import { buildCss } from '../render/styles.js';
import { loadTemplates, type Templates } from '../render/templates.js';
import { validateCourse } from '../validate/validate-course.js';
import type { CourseSettings } from './options.js';
import type { Stages } from './stages.js';

export interface RenderedCourse {
  course: Course;
  warnings: Problem[];
  editions: Editions;
  /** Every document, as HTML with diagram placeholders. */
  docs: Document[];
  css: string;
  templates: Templates;
}

/**
 * validate → parse → select edition → render: every stage between reading the files and the
 * browser, shared by `build`, `check` and `grade`. A module of its own: `check` loads it without
 * the print, forms and zip code (and their PDF libraries) that `build` needs after it.
 */
export async function renderCourse(sources: RawCourse, settings: CourseSettings, stages: Stages, cache?: Cache): Promise<RenderedCourse> {
  const selected = await selectCourse(sources, stages);
  return renderEditions(selected, await buildCss(settings.stylesDir), settings, stages, cache);
}

/** render: every document's page, with the style sheet given (`buildCss`). */
export function renderEditions({ course, warnings, editions }: SelectedCourse, css: string, settings: CourseSettings, stages: Stages, cache?: Cache): Promise<RenderedCourse> {
  return stages.run('render', async () => {
    const [templates] = await Promise.all([loadTemplates(settings.templatesDir, course.lang, cache), loadHighlighter(course.cases.map((c) => c.tree))]);
    const docs = renderDocuments({ course, editions, contentDir: settings.contentDir, templates, css, buildDate: settings.date });
    return { course, warnings, editions, docs, css, templates };
  });
}

/** Every Mermaid block of the course, known once the editions are selected: the trainer's shows them all. */
export function courseDiagrams(editions: Editions): Diagram[] {
  return editions.trainer.cases.flatMap((view) => treeDiagrams(view.tree, view.case.file));
}

export interface SelectedCourse {
  course: Course;
  editions: Editions;
  /** In the order of the files they name: course.yaml's, then each case's. */
  warnings: Problem[];
}

/** validate → parse → select edition: the course and its editions, every content error found. */
export async function selectCourse(sources: RawCourse, stages: Stages): Promise<SelectedCourse> {
  const valid = await stages.run('validate', () => validateCourse(sources));
  const parsed = await stages.run('parse', () => parseCourse(valid));
  const { editions, warnings } = await stages.run('edition', () => selectEditions(parsed.course));
  const files = [sources.course.file, ...sources.cases.map((c) => c.file)];
  const byFile = (a: Problem, b: Problem) => files.indexOf(a.place.file) - files.indexOf(b.place.file);
  return { course: parsed.course, editions, warnings: [...parsed.warnings, ...warnings].sort(byFile) };
}
