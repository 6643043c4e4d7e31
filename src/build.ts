import { fileURLToPath } from 'node:url';
import { Cache } from './cache/cache.js';
import { drawDiagrams, fillDiagrams } from './diagrams/draw-diagrams.js';
import { selectEdition } from './edition/select-edition.js';
import type { Problem } from './errors.js';
import { InterruptedError } from './errors.js';
import { loadCourse } from './load/load-course.js';
import type { Course, Document, Output } from './model.js';
import { parseCourse } from './parse/parse-course.js';
import { withBrowserSession } from './print/browser-session.js';
import { finalizePdf, type PdfMetadata } from './print/finalize-pdf.js';
import { headingsOf, printDocuments, type Printed } from './print/print-documents.js';
import { fontFiles, fontStacks, type FontFile } from './render/fonts.js';
import { renderDocuments } from './render/render-documents.js';
import { renderMarkdown } from './render/render-markdown.js';
import { buildCss, fontBaseUrl } from './render/styles.js';
import { loadTemplates } from './render/templates.js';
import { checkStudentOutputs } from './verify/leak-guard.js';
import { studentSourceTexts, trainerFragments } from './verify/trainer-fragments.js';
import { validateCourse } from './validate/validate-course.js';
import { lockOutput, writeOutput } from './write/write-output.js';
import { zipOutputs } from './write/zip.js';
import { labels } from './i18n/index.js';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

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
}

export interface BuildReport {
  course: Course;
  outputs: Output[];
  warnings: Problem[];
  cache: { hits: number; misses: number };
  browserStarted: boolean;
}

export const defaultDirs = {
  templates: `${projectDir}templates`,
  styles: `${projectDir}styles`,
  cache: `${projectDir}.cache/casebook`,
};

/** load → validate → parse → select edition → render → draw diagrams → print → verify → write. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  // Locked first: a second build into the same folder stops at once instead of interleaving.
  const unlock = await lockOutput(options.outDir);
  try {
    const fonts = await fontFiles();
    const assets = new Map(fonts.map((f) => [fontBaseUrl + f.name, f.bytes]));
    return await withBrowserSession({ assets, signal: options.signal }, async (session) => {
      const stage = stageReporter(options);
      const { course, warnings, docs, css, date } = await renderCourse(options, stage);
      const cache = new Cache(options.cacheDir);
      stage('diagrams');
      const svgs = await drawDiagrams(docs.flatMap((d) => d.diagrams), {
        session,
        cache,
        fontCss: css,
        fontFamily: fontStacks.body,
        lang: course.lang,
      });
      stage('print');
      let done = 0;
      const printed = await printDocuments(
        docs.map((d) => ({ ...d, html: fillDiagrams(d.html, svgs) })),
        { session, cache, onPrinted: (d, fromCache) => options.onPrinted?.(d.path, fromCache, ++done, docs.length) },
      );
      stage('verify');
      const outputs = await assembleOutputs(course, printed, date, fonts, cache);
      const fragments = trainerFragments(course, studentSourceTexts(course));
      await checkStudentOutputs(outputs, fragments, course.lang, cache);
      stage('write');
      if (options.signal?.aborted) throw new InterruptedError('interrupted');
      await writeOutput(options.outDir, outputs);
      return { course, outputs, warnings, cache: cache.stats, browserStarted: session.started };
    });
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

/** load → validate → parse → render: every stage before the browser, shared with `check`. */
export async function renderCourse(
  options: Pick<BuildOptions, 'contentDir' | 'templatesDir' | 'stylesDir' | 'sourceDateEpoch'>,
  stage: (name: string) => void,
): Promise<RenderedCourse> {
  stage('load');
  const raw = await loadCourse(options.contentDir);
  stage('validate');
  const valid = validateCourse(raw);
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

/** PDFs with their metadata, the HTML and Markdown editions, and the two packs. */
async function assembleOutputs(course: Course, printed: Printed[], date: Date, fonts: FontFile[], cache: Cache): Promise<Output[]> {
  const l = labels(course.lang);
  const files: Output[] = [];
  for (const { doc, pdf, html } of printed) {
    const meta: PdfMetadata = {
      title: doc.title,
      subject: doc.subject,
      author: course.author ?? course.organisation,
      lang: course.lang,
      keywords: [doc.audience === 'trainer' ? l.trainerEdition : l.studentEdition],
      bookmarks: headingsOf(html).map((h) => h.text),
      date,
    };
    files.push({ path: doc.path, audience: doc.audience, ...(await finalizeCached(pdf, meta, cache)) });
    if (doc.hasToc) {
      const [edition, name] = doc.path.split('/') as [string, string];
      const stem = name.replace(/\.pdf$/, '');
      // The HTML edition loads its fonts from a folder beside it.
      const page = html.replaceAll(fontBaseUrl, 'fonts/');
      files.push({ path: `${edition}/html/${stem}.html`, audience: doc.audience, bytes: new TextEncoder().encode(page) });
      for (const font of fonts) files.push({ path: `${edition}/html/fonts/${font.name}`, audience: doc.audience, bytes: font.bytes });
      files.push({
        path: `${edition}/md/${stem}.md`,
        audience: doc.audience,
        bytes: new TextEncoder().encode(renderMarkdown(selectEdition(course, doc.audience))),
      });
    }
  }
  const student = files.filter((f) => f.audience === 'student');
  files.push(
    { path: 'packs/student.zip', audience: 'student', bytes: zipOutputs(student, date, l.files.studentPack) },
    { path: 'packs/trainer.zip', audience: 'trainer', bytes: zipOutputs(files, date, l.files.trainerPack) },
  );
  return files;
}

async function finalizeCached(pdf: Uint8Array, meta: PdfMetadata, cache: Cache): Promise<{ bytes: Uint8Array; pages: number }> {
  const key = Cache.key('final-v1', pdf, JSON.stringify(meta));
  const [bytes, pages] = await Promise.all([cache.get('final', key), cache.get('pages', key)]);
  if (bytes && pages) return { bytes: new Uint8Array(bytes), pages: Number(pages.toString()) };
  const final = await finalizePdf(pdf, meta);
  await cache.put('final', key, final.bytes);
  await cache.put('pages', key, String(final.pages));
  return final;
}

function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
