import { relative, join } from 'node:path';
import { pageAssets, renderCourse, stageReporter, type BuildOptions } from './build.js';
import { Cache } from './cache/cache.js';
import { ContentError, type Problem } from './errors.js';
import { printResults, readResults } from './grade/grade-course.js';
import { defaultGradesDir } from './project.js';
import { format, grading } from './i18n/index.js';
import { courseLanguage, loadCourse } from './load/load-course.js';
import type { Course, Output } from './model.js';
import { withBrowserSession } from './print/browser-session.js';
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
    const stage = stageReporter(options);
    const cache = new Cache(options.cacheDir);
    stage('load');
    const [sources, fonts] = await Promise.all([loadCourse(options.contentDir), fontFiles()]);
    const { course, warnings, css, date, templates } = await renderCourse(sources, options, stage, cache);
    stage('grades');
    const gradesDir = options.gradesDir ?? defaultGradesDir(options.contentDir);
    const grades = await readResults(course, gradesDir);
    const dir = relative(process.cwd(), gradesDir) || gradesDir;
    if (!grades) throw new ContentError([{ place: { file: dir }, message: format(grading(course.lang).messages.nothing, { dir }) }]);
    stage('print');
    const results = await withBrowserSession({ assets: pageAssets(fonts), signal: options.signal }, (session) =>
      printResults(grades, { course, templates, css, date, session, cache }),
    );
    stage('write');
    await writeOutput(join(options.outDir, 'results'), results.outputs.map((o) => ({ ...o, path: o.path.replace(/^results\//, '') })));
    return { course, outputs: results.outputs, warnings: [...warnings, ...results.warnings] };
  } finally {
    await unlock();
  }
}

