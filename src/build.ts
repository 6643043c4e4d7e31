import { join } from 'node:path';
import { Cache } from './cache/cache.js';
import { drawDiagrams, fillDiagrams } from './diagrams/draw-diagrams.js';
import { mermaidModules } from './diagrams/mermaid-page.js';
import { selectEdition } from './edition/select-edition.js';
import type { Problem } from './errors.js';
import { InterruptedError } from './errors.js';
import { loadCourse } from './load/load-course.js';
import type { Course, Document, Output, RawCourse } from './model.js';
import { parseCourse } from './parse/parse-course.js';
import { withBrowserSession, type AssetSource, type BrowserSession } from './print/browser-session.js';
import { finalizePdf, type PdfMetadata } from './print/finalize-pdf.js';
import { headingsOf, printDocuments, type Printed } from './print/print-documents.js';
import { fontFiles, fontStacks, type FontFile } from './render/fonts.js';
import { renderDocuments } from './render/render-documents.js';
import { renderMarkdown } from './render/render-markdown.js';
import { buildCss, fontAssets, fontBaseUrl } from './render/styles.js';
import { loadTemplates } from './render/templates.js';
import { LeakGuard } from './verify/leak-guard.js';
import { startPdfReader } from './verify/pdf-text.js';
import { studentSourceTexts, trainerFragments } from './verify/trainer-fragments.js';
import { validateCourse } from './validate/validate-course.js';
import { lockOutput, writeOutput } from './write/write-output.js';
import { zipOutputs, type Deflated } from './write/zip.js';
import { labels } from './i18n/index.js';
import { projectDir } from './project.js';

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

export const defaultDirs = {
  templates: join(projectDir, 'templates'),
  styles: join(projectDir, 'styles'),
  cache: join(projectDir, '.cache/casebook'),
};

/** load → validate → parse → select edition → render → draw diagrams → print → verify → write. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  // Locked first: a second build into the same folder stops at once instead of interleaving.
  const unlock = await lockOutput(options.outDir);
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
      const { course, warnings, docs, css, date } = await renderCourse(sources, options, stage);
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
        { session, cache, onPrinted: (d, fromCache) => options.onPrinted?.(d.path, fromCache, ++done, docs.length) },
      );
      // Each PDF is finished and, for students, read back while the next ones print.
      const guard = new LeakGuard(trainerFragments(course, studentSourceTexts(course)), course.lang, cache);
      const finishing = printing.map(async (job) => {
        const printed = await job;
        const pdf = await finishPdf(printed, course, date, cache);
        await guard.check(pdf);
        return { printed, pdf };
      });
      const [, pdfs] = await Promise.all([drawing, Promise.all(finishing)]);
      // Chromium shuts down while the last files are checked and written.
      if (!options.session) void session.close();
      stage('verify');
      const outputs = await withPacks(course, pdfs.flatMap(({ printed, pdf }) => [pdf, ...editions(course, printed, fonts)]), date);
      await guard.checkAll(outputs.filter((o) => !o.path.endsWith('.pdf')));
      stage('write');
      if (options.signal?.aborted) throw new InterruptedError('interrupted');
      await writeOutput(options.outDir, outputs);
      await cache.put('built', sourcesKey, 'ok');
      return { course, outputs, warnings, cache: cache.stats, browserStarted: session.used };
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
): Promise<RenderedCourse> {
  stage('validate');
  const valid = validateCourse(sources);
  stage('parse');
  const { course, warnings } = parseCourse(valid);
  // Without SOURCE_DATE_EPOCH, the day of the build: rebuilds the same day give the same bytes.
  const date = options.sourceDateEpoch !== undefined ? new Date(options.sourceDateEpoch * 1000) : startOfDay(new Date());
  stage('render');
  const [templates, css] = await Promise.all([
    loadTemplates(options.templatesDir ?? defaultDirs.templates, course.lang),
    buildCss(options.stylesDir ?? defaultDirs.styles),
  ]);
  const docs = renderDocuments({ course, contentDir: options.contentDir, templates, css, buildDate: date });
  return { course, warnings, docs, css, date };
}

/** What the build's pages may load: the bundled fonts and Mermaid's modules. */
export function pageAssets(fonts: FontFile[]): AssetSource[] {
  return [fontAssets(fonts), mermaidModules];
}

function sourceTexts(sources: RawCourse): string[] {
  return [sources.course, ...sources.cases].flatMap((s) => [s.file, s.text]);
}

/** A printed PDF with its metadata, clean bookmarks and fixed dates. */
async function finishPdf({ doc, pdf, html }: Printed, course: Course, date: Date, cache: Cache): Promise<Output> {
  const l = labels(course.lang);
  const meta: PdfMetadata = {
    title: doc.title,
    subject: doc.subject,
    author: course.author ?? course.organisation,
    lang: course.lang,
    keywords: [doc.audience === 'trainer' ? l.trainerEdition : l.studentEdition],
    bookmarks: headingsOf(html).map((h) => h.text),
    date,
  };
  const key = Cache.key('final-v1', pdf, JSON.stringify(meta));
  const [bytes, pages] = await Promise.all([cache.get('final', key), cache.get('pages', key)]);
  if (bytes && pages) return { path: doc.path, audience: doc.audience, bytes: new Uint8Array(bytes), pages: Number(pages.toString()) };
  const final = await finalizePdf(pdf, meta);
  await cache.put('final', key, final.bytes);
  await cache.put('pages', key, String(final.pages));
  return { path: doc.path, audience: doc.audience, ...final };
}

/** The HTML and Markdown editions that go with a pack. */
function editions(course: Course, { doc, html }: Printed, fonts: FontFile[]): Output[] {
  if (!doc.hasToc) return [];
  const [edition, name] = doc.path.split('/') as [string, string];
  const stem = name.replace(/\.pdf$/, '');
  const text = (s: string) => new TextEncoder().encode(s);
  return [
    // The HTML edition loads its fonts from a folder beside it.
    { path: `${edition}/html/${stem}.html`, audience: doc.audience, bytes: text(html.replaceAll(fontBaseUrl, 'fonts/')) },
    ...fonts.map((font) => ({ path: `${edition}/html/fonts/${font.name}`, audience: doc.audience, bytes: font.bytes })),
    { path: `${edition}/md/${stem}.md`, audience: doc.audience, bytes: text(renderMarkdown(selectEdition(course, doc.audience))) },
  ];
}

/** The files, and the two packs to send: the students' files, and everything. */
async function withPacks(course: Course, files: Output[], date: Date): Promise<Output[]> {
  const l = labels(course.lang);
  const deflated: Deflated = new Map();
  const [student, trainer] = await Promise.all([
    zipOutputs(files.filter((f) => f.audience === 'student'), date, l.files.studentPack, deflated),
    zipOutputs(files, date, l.files.trainerPack, deflated),
  ]);
  return [...files, { path: 'packs/student.zip', audience: 'student', bytes: student }, { path: 'packs/trainer.zip', audience: 'trainer', bytes: trainer }];
}

function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
