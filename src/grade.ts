import { relative, join } from 'node:path';
import { resolveOptions, type BuildOptions } from './pipeline/options.js';
import { pageAssets } from './pipeline/page-assets.js';
import { Stages } from './pipeline/stages.js';
import { Cache } from './cache/cache.js';
import { ContentError, type Problem } from './errors.js';
import { printResults } from './grade/grade-course.js';
import { readResults } from './grade/read-results.js';
import { renderCourse } from './pipeline/render-course.js';
import { defaultGradesDir } from './project.js';
import { format, grading } from './i18n/index.js';
import { courseLanguage, loadCourse } from './load/load-course.js';
import type { Course, Output } from './model.js';
import { withBrowserSession } from './print/browser-session.js';
import { Printer } from './print/printer.js';
import { fontFiles } from './render/fonts.js';
import { lockOutput, writeOutput } from './write/write-output.js';

export type GradeOptions = Pick<BuildOptions, 'contentDir' | 'outDir' | 'gradesDir' | 'cacheDir' | 'sourceDateEpoch' | 'onStage' | 'signal'>;

export interface GradeReport {
  course: Course;
  /** Paths inside the output folder (`results/…`). */
  outputs: Output[];
  warnings: Problem[];
}

/**
 * `npm run grade`: only the build's results part — load → validate → parse → read grades →
 * render → draw → print → verify → write `results/`, leaving the rest of the output as it is.
 */
export async function grade(options: GradeOptions): Promise<GradeReport> {
  const unlock = await lockOutput(options.outDir, await courseLanguage(options.contentDir, process.env));
  try {
    const settings = resolveOptions(options);
    const stages = new Stages(options.onStage, options.signal);
    const cache = new Cache(options.cacheDir);
    const [sources, fonts] = await stages.run('load', () => Promise.all([loadCourse(options.contentDir), fontFiles()]));
    const { course, warnings, css, templates } = await renderCourse(sources, settings, stages, cache);
    const gradesDir = options.gradesDir ?? defaultGradesDir(options.contentDir);
    const grades = await readResults(course, gradesDir);
    const dir = relative(process.cwd(), gradesDir) || gradesDir;
    if (!grades) throw new ContentError([{ place: { file: dir }, message: format(grading(course.lang).messages.nothing, { dir }) }]);
    const results = await stages.run('print', () =>
      withBrowserSession({ assets: pageAssets(fonts), signal: options.signal }, (session) =>
        printResults(grades, { course, templates, css, date: settings.date, session, printer: new Printer(session, cache), cache }),
      ),
    );
    await cache.written();
    await writeOutput(join(options.outDir, 'results'), results.outputs.map((o) => ({ ...o, path: o.path.replace(/^results\//, '') })), course.lang);
    return { course, outputs: results.outputs, warnings: [...warnings, ...results.warnings] };
  } finally {
    await unlock();
  }
}

