import type { Cache } from '../cache/cache.js';
import { selectEditions, type Editions } from '../edition/select-edition.js';
import type { Problem } from '../errors.js';
import type { Course, Document, RawCourse } from '../model.js';
import { parseCourse } from '../parse/parse-course.js';
import { renderDocuments } from '../render/render-documents.js';
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
  const valid = await stages.run('validate', () => validateCourse(sources));
  const { course, warnings } = await stages.run('parse', () => parseCourse(valid));
  const editions = await stages.run('edition', () => selectEditions(course));
  return stages.run('render', async () => {
    const [templates, css] = await Promise.all([loadTemplates(settings.templatesDir, course.lang, cache), buildCss(settings.stylesDir)]);
    const docs = renderDocuments({ course, editions, contentDir: settings.contentDir, templates, css, buildDate: settings.date });
    return { course, warnings, editions, docs, css, templates };
  });
}
