import { Cache } from './cache/cache.js';
import { drawDiagrams, fillDiagrams } from './diagrams/draw-diagrams.js';
import { mermaidModules } from './diagrams/mermaid-page.js';
import { selectEdition } from './edition/select-edition.js';
import type { Problem } from './errors.js';
import { InterruptedError } from './errors.js';
import { courseLanguage, loadCourse } from './load/load-course.js';
import type { Course, Document, Output, RawCourse } from './model.js';
import { parseCourse } from './parse/parse-course.js';
import { withBrowserSession, type AssetSource, type BrowserSession } from './print/browser-session.js';
import type { PdfMetadata } from './print/finalize-pdf.js';
import { headingsOf, printDocuments, type Printed } from './print/print-documents.js';
import { fontFiles, fontStacks, type FontFile } from './render/fonts.js';
import { editionLabel, renderDocuments } from './render/render-documents.js';
import { renderMarkdown } from './render/render-markdown.js';
import { buildCss, fontAssets, fontBaseUrl } from './render/styles.js';
import { loadTemplates, type Templates } from './render/templates.js';
import { printResults, readResults, scoresSheetOutput } from './grade/grade-course.js';
import { defaultGradesDir } from './project.js';
import { addGridForm } from './forms/grid-form.js';
import { LeakGuard } from './verify/leak-guard.js';
import { startPdfReader } from './verify/pdf-text.js';
import { answerKeySourceTexts, studentSourceTexts, trainerFragments } from './verify/trainer-fragments.js';
import { validateCourse } from './validate/validate-course.js';
import { lockOutput, writeOutput } from './write/write-output.js';
import { Deflated, zipOutputs } from './write/zip.js';
import { grading, labels } from './i18n/index.js';
import { defaultDirs } from './project.js';

export { defaultDirs };

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  templatesDir?: string;
  stylesDir?: string;
  /** Where drawn diagrams and printed pages are kept between builds; none with `--no-cache`. */
  cacheDir?: string;
  /** Seconds since 1970 for every date the build writes (reproducible builds). */
  sourceDateEpoch?: number;
  onStage?: (stage: string) => void;
  onPrinted?: (path: string, fromCache: boolean, done: number, total: number) => void;
  signal?: AbortSignal;
  /** The trainer's grades (scores sheets, filled grids); `grades/` beside the content folder by default. */
  gradesDir?: string;
  /** A browser kept from one build to the next (`npm run dev`); otherwise each build opens and closes its own. */
  session?: BrowserSession;
}

export interface BuildReport {
  course: Course;
  outputs: Output[];
  warnings: Problem[];
  cache: { hits: number; misses: number };
  browserStarted: boolean;
}

/** load → validate → parse → select edition → render → draw diagrams → print → verify → write. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  // Locked first: a second build into the same folder stops at once instead of interleaving.
  const unlock = await lockOutput(options.outDir, await courseLanguage(options.contentDir, process.env));
  try {
    const fonts = await fontFiles();
    const cache = new Cache(options.cacheDir);
    const run = async (session: BrowserSession): Promise<BuildReport> => {
      const stage = stageReporter(options);
      stage('load');
      const sources = await loadCourse(options.contentDir);
      // A course unlike the last one built almost always prints something: Chromium and the PDF
      // reader (a thread of its own) start now, while the course is rendered, instead of after.
      const sourcesKey = Cache.key('sources-v1', ...sourceTexts(sources), options.templatesDir ?? '', options.stylesDir ?? '');
      if (!(await cache.get('built', sourcesKey))) {
        session.start();
        startPdfReader();
      }
      const { course, warnings, docs, css, date, templates } = await renderCourse(sources, options, stage, cache);
      const grades = await readResults(course, options.gradesDir ?? defaultGradesDir(options.contentDir));
      stage('diagrams');
      const drawing = drawDiagrams(docs.flatMap((d) => d.diagrams), {
        session,
        cache,
        fontCss: css,
        fontFamily: fontStacks.body,
        lang: course.lang,
      });
      // Documents without diagrams print while Mermaid loads and draws.
      stage('print');
      let done = 0;
      const printing = printDocuments(
        docs.map((doc) => ({ doc, html: doc.diagrams.length === 0 ? Promise.resolve(doc.html) : drawing.then((svgs) => fillDiagrams(doc.html, svgs)) })),
        {
          session,
          cache,
          metadata: (doc, html) => pdfMetadata(doc, html, course, date),
          aside: drawing,
          onPrinted: (d, fromCache) => options.onPrinted?.(d.path, fromCache, ++done, docs.length),
        },
      );
      // Every file is read back (students' files) and compressed for the packs as soon as it is
      // made, while the next ones print.
      const guards = [
        new LeakGuard(trainerFragments(course, studentSourceTexts(course)), course.lang, cache),
        new LeakGuard(trainerFragments(course, answerKeySourceTexts(course), ['solution']), course.lang, cache, 'answers'),
      ];
      const deflated = new Deflated();
      const made = async (files: Output[]) => {
        files.forEach((file) => deflated.start(file));
        await Promise.all(files.flatMap((file) => guards.map((guard) => guard.check(file))));
        return files;
      };
      const finishing = docs.map(async (doc, i) => {
        const [printed, markdown] = await Promise.all([
          printing[i]!.then(async (p) => made([{ path: doc.path, audience: doc.audience, bytes: doc.form ? await addGridForm(p.pdf, course) : p.pdf, pages: p.pages }, ...htmlEdition(p, fonts)])),
          made(doc.hasToc ? [markdownEdition(course, doc)] : []),
        ]);
        return [...printed, ...markdown];
      });
      const [, finished, results] = await Promise.all([
        drawing,
        Promise.all(finishing),
        grades && printResults(grades, { course, templates, css, date, session, cache }),
      ]);
      // Chromium shuts down while the packs are made and checked.
      if (!options.session) void session.close();
      stage('verify');
      const files = finished.flat();
      const outputs = [...files, ...(await packs(course, files, date, deflated)), scoresSheetOutput(course), ...(results?.outputs ?? [])];
      await Promise.all(guards.map((guard) => guard.checkAll(outputs.filter((o) => o.path.endsWith('.zip')))));
      stage('write');
      if (options.signal?.aborted) throw new InterruptedError('interrupted');
      await writeOutput(options.outDir, outputs);
      await cache.put('built', sourcesKey, 'ok');
      return { course, outputs, warnings: [...warnings, ...(results?.warnings ?? [])], cache: cache.stats, browserStarted: session.used };
    };
    return await (options.session ? run(options.session) : withBrowserSession({ assets: pageAssets(fonts), signal: options.signal }, run));
  } finally {
    await unlock();
  }
}

export interface RenderedCourse {
  course: Course;
  warnings: Problem[];
  /** Every document, as HTML with diagram placeholders. */
  docs: Document[];
  css: string;
  date: Date;
  templates: Templates;
}

/** Calls `onStage`, and stops between stages once the build is aborted. */
export function stageReporter(options: Pick<BuildOptions, 'signal' | 'onStage'>): (name: string) => void {
  return (name) => {
    if (options.signal?.aborted) throw new InterruptedError('interrupted');
    options.onStage?.(name);
  };
}

/** validate → parse → render: every stage between reading the files and the browser, shared with `check`. */
export async function renderCourse(
  sources: RawCourse,
  options: Pick<BuildOptions, 'contentDir' | 'templatesDir' | 'stylesDir' | 'sourceDateEpoch'>,
  stage: (name: string) => void,
  cache?: Cache,
): Promise<RenderedCourse> {
  stage('validate');
  const valid = validateCourse(sources);
  stage('parse');
  const { course, warnings } = parseCourse(valid);
  // Without SOURCE_DATE_EPOCH, the day of the build: rebuilds the same day give the same bytes.
  const date = options.sourceDateEpoch !== undefined ? new Date(options.sourceDateEpoch * 1000) : startOfDay(new Date());
  stage('render');
  const [templates, css] = await Promise.all([
    loadTemplates(options.templatesDir ?? defaultDirs.templates, course.lang, cache),
    buildCss(options.stylesDir ?? defaultDirs.styles),
  ]);
  const docs = renderDocuments({ course, contentDir: options.contentDir, templates, css, buildDate: date });
  return { course, warnings, docs, css, date, templates };
}

/** What the build's pages may load: the bundled fonts and Mermaid's modules. */
export function pageAssets(fonts: FontFile[]): AssetSource[] {
  return [fontAssets(fonts), mermaidModules];
}

function sourceTexts(sources: RawCourse): string[] {
  return [sources.course, ...sources.cases].flatMap((s) => [s.file, s.text]);
}

/** What a PDF says of itself: titles, language, clean bookmarks, fixed dates. */
function pdfMetadata(doc: Document, html: string, course: Course, date: Date): PdfMetadata {
  const l = labels(course.lang);
  return {
    title: doc.title,
    subject: doc.subject,
    author: course.author ?? course.organisation,
    lang: course.lang,
    keywords: [editionLabel(course.lang, doc.audience)],
    bookmarks: headingsOf(html).map((h) => h.text),
    date,
  };
}

/** The HTML edition of a pack, as printed; it loads its fonts from a folder beside it. */
function htmlEdition({ doc, html }: Printed, fonts: FontFile[]): Output[] {
  if (!doc.hasToc) return [];
  const { edition, stem } = editionPath(doc);
  return [
    { path: `${edition}/html/${stem}.html`, audience: doc.audience, bytes: new TextEncoder().encode(html.replaceAll(fontBaseUrl, 'fonts/')) },
    ...fonts.map((font) => ({ path: `${edition}/html/fonts/${font.name}`, audience: doc.audience, bytes: font.bytes })),
  ];
}

/** The Markdown edition of a pack, made from the course, not from the print. */
function markdownEdition(course: Course, doc: Document): Output {
  const { edition, stem } = editionPath(doc);
  return { path: `${edition}/md/${stem}.md`, audience: doc.audience, bytes: new TextEncoder().encode(renderMarkdown(selectEdition(course, doc.audience))) };
}

function editionPath(doc: Document): { edition: string; stem: string } {
  const [edition, name] = doc.path.split('/') as [string, string];
  return { edition, stem: name.replace(/\.pdf$/, '') };
}

/** The two packs to send: the students' files, and everything. */
async function packs(course: Course, files: Output[], date: Date, deflated: Deflated): Promise<Output[]> {
  const l = labels(course.lang);
  const answers = files.filter((f) => f.audience === 'answers');
  const [student, trainer, answerKey] = await Promise.all([
    zipOutputs(files.filter((f) => f.audience === 'student'), date, l.files.studentPack, deflated),
    zipOutputs(files, date, l.files.trainerPack, deflated),
    answers.length > 0 ? zipOutputs(answers, date, grading(course.lang).files.answerKey, deflated) : undefined,
  ]);
  return [
    { path: 'packs/student.zip', audience: 'student', bytes: student },
    { path: 'packs/trainer.zip', audience: 'trainer', bytes: trainer },
    ...(answerKey ? [{ path: 'packs/answer-key.zip', audience: 'answers' as const, bytes: answerKey }] : []),
  ];
}

function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
