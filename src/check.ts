import { renderCourse, resolveOptions, Stages, type BuildOptions } from './build.js';
import { loadCourse } from './load/load-course.js';
import { parseDiagrams } from './diagrams/draw-diagrams.js';
import { mermaidModules } from './diagrams/mermaid-page.js';
import type { Problem } from './errors.js';
import type { Course } from './model.js';
import { withBrowserSession } from './print/browser-session.js';
import { fontStacks } from './render/fonts.js';

export type CheckOptions = Pick<BuildOptions, 'contentDir' | 'templatesDir' | 'stylesDir' | 'onStage' | 'signal'>;

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
  const { course, warnings, docs } = await renderCourse(sources, resolveOptions(options), stages);
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
