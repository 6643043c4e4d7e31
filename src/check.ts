import { loadCourse } from './load/load-course.js';
import { readResults } from './grade/read-results.js';
import { resolveOptions, type BuildOptions } from './pipeline/options.js';
import { renderCourse } from './pipeline/render-course.js';
import { Stages } from './pipeline/stages.js';
import { defaultGradesDir } from './project.js';
import { parseDiagrams } from './diagrams/draw-diagrams.js';
import { mermaidModules } from './diagrams/mermaid-page.js';
import type { Problem } from './errors.js';
import type { Course } from './model.js';
import { withBrowserSession } from './print/browser-session.js';
import { fontStacks } from './render/fonts.js';

export type CheckOptions = Pick<BuildOptions, 'contentDir' | 'templatesDir' | 'stylesDir' | 'gradesDir' | 'onStage' | 'signal'>;

export interface CheckReport {
  course: Course;
  warnings: Problem[];
  /** Distinct Mermaid diagrams parsed. */
  diagrams: number;
}

/**
 * Everything a build checks before printing: load → validate → parse → render, then every Mermaid
 * diagram parsed in the browser. Throws the build's ContentError; prints nothing, writes nothing.
 */
export async function check(options: CheckOptions): Promise<CheckReport> {
  const stages = new Stages(options.onStage, options.signal);
  const sources = await stages.run('load', () => loadCourse(options.contentDir));
  const { course, warnings: courseWarnings, docs } = await renderCourse(sources, resolveOptions(options), stages);
  // The grades too, as the build reads them: a bad grade stops the build.
  const grades = await readResults(course, options.gradesDir ?? defaultGradesDir(options.contentDir));
  const warnings = [...courseWarnings, ...(grades?.warnings ?? [])];
  return stages.run('diagrams', () =>
    withBrowserSession({ assets: [mermaidModules], signal: options.signal }, async (session) => {
      const diagrams = await parseDiagrams(docs.flatMap((d) => d.diagrams), {
        session,
        fontFamily: fontStacks.body,
        lang: course.lang,
      });
      return { course, warnings, diagrams };
    }),
  );
}
