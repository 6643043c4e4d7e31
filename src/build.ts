import { drawDiagrams, unreadableDiagrams, withDrawings, type Drawing } from './diagrams/draw-diagrams.js';
import type { Editions } from './edition/select-edition.js';
import type { Problem } from './errors.js';
import { gridForm } from './forms/form-step.js';
import { courseLanguage, loadCourse } from './load/load-course.js';
import type { Course, Document, Output } from './model.js';
import { BuildContext } from './pipeline/context.js';
import { pageAssets } from './pipeline/page-assets.js';
import { resolveOptions, type BuildOptions } from './pipeline/options.js';
import { courseDiagrams, renderEditions, selectCourse } from './pipeline/render-course.js';
import { Stages } from './pipeline/stages.js';
import { withBrowserSession, type BrowserSession } from './print/browser-session.js';
import type { DocumentMetadata } from './print/finalize-pdf.js';
import { fontFiles, fontStacks, type FontFile } from './render/fonts.js';
import { editionLabel } from './render/render-documents.js';
import { buildCss } from './render/styles.js';
import { printResults, scoresSheetOutput } from './grade/grade-course.js';
import { readResults } from './grade/read-results.js';
import { defaultGradesDir } from './project.js';
import { LeakGuard, LeakGuards } from './verify/leak-guard.js';
import { answerKeySourceTexts, studentSourceTexts, trainerFragments } from './verify/trainer-fragments.js';
import { htmlEdition, markdownEdition } from './write/editions.js';
import { packs } from './write/packs.js';
import { lockOutput, writeOutput } from './write/write-output.js';

export { defaultDirs, resolveOptions, type BuildOptions } from './pipeline/options.js';
export { pageAssets } from './pipeline/page-assets.js';
export { Stages, type StageEvent, type StageName } from './pipeline/stages.js';

export interface BuildReport {
  course: Course;
  outputs: Output[];
  warnings: Problem[];
  cache: { hits: number; misses: number };
  browserStarted: boolean;
}

/**
 * load → validate → parse → select edition → render → draw diagrams → print → verify → write.
 * The diagrams are drawn from the editions, in the browser, while the pages are rendered; each
 * document goes through print and verify on its own (`finishDocument`), while the diagrams are
 * drawn and the other documents print.
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const settings = resolveOptions(options);
  const stages = new Stages(options.onStage, options.signal);
  // Locked first: a second build into the same folder stops at once instead of interleaving.
  const unlock = await lockOutput(options.outDir, await courseLanguage(options.contentDir, process.env));
  try {
    const fonts = await fontFiles();
    return await withSession(options, fonts, async (session) => {
      const ctx = new BuildContext(options, settings, stages, session, fonts);
      const sources = await stages.run('load', () => loadCourse(settings.contentDir));
      await ctx.warmUp(sources);
      const selected = await selectCourse(sources, stages);
      const css = await buildCss(settings.stylesDir);
      // Mermaid draws from the editions' trees: in the browser, while the pages are rendered here.
      const diagrams = courseDiagrams(selected.editions);
      const drawing = stages.run('diagrams', () =>
        drawDiagrams(diagrams, { session, cache: ctx.cache, fontCss: css, fontFamily: fontStacks.body, lang: selected.course.lang }),
      );
      // Mermaid's page is one page more in the browser while it draws.
      ctx.printer.queue.narrowWhile(drawing);
      const { course, warnings, editions, docs, templates } = await renderEditions(selected, css, settings, stages, ctx.cache);
      // A bad grade stops the build before anything is printed.
      const grades = await readResults(course, options.gradesDir ?? defaultGradesDir(settings.contentDir));

      // The guards know every trainer-only text before the first file is made.
      const guard = new LeakGuards([
        new LeakGuard(trainerFragments(course, studentSourceTexts(editions.student)), course.lang, ctx.cache),
        new LeakGuard(trainerFragments(course, answerKeySourceTexts(editions.student, editions.answers), ['solution']), course.lang, ctx.cache, 'answers'),
      ]);
      const previewing = options.onPreview && preview(ctx, docs, drawing, guard).then(options.onPreview);
      // Documents without diagrams print while Mermaid loads and draws; each is verified once made.
      stages.start('print');
      const [drawings, finished, results] = await Promise.all([
        drawing,
        Promise.all(docs.map((doc) => finishDocument(ctx, { doc, course, editions, drawing, guard, total: docs.length }))),
        grades && printResults(grades, { course, templates, css, date: settings.date, session, printer: ctx.printer, cache: ctx.cache }),
        previewing,
      ]);
      stages.end('print');
      ctx.releaseBrowser();

      stages.start('write');
      const files = finished.flat();
      const zips = await packs(course, files, settings.date, ctx.deflated);
      await guard.checkAll(zips);
      stages.end('verify');
      const outputs = [...files, ...zips, scoresSheetOutput(course), ...(results?.outputs ?? [])];
      // The prints kept for the next build, before anything is written: a failure leaves the output as it was.
      await ctx.cache.written();
      stages.check();
      await writeOutput(options.outDir, outputs, course.lang);
      await ctx.built();
      stages.end('write');
      return { course, outputs, warnings: [...warnings, ...unreadableDiagrams(diagrams, drawings, course.lang), ...(results?.warnings ?? [])], cache: ctx.cache.stats, browserStarted: session.used };
    });
  } finally {
    await unlock();
  }
}

interface DocumentJob {
  doc: Document;
  course: Course;
  editions: Editions;
  /** Every diagram drawn, by id. */
  drawing: Promise<Map<string, Drawing>>;
  guard: LeakGuards;
  total: number;
}

/**
 * One document from its HTML to its checked files: diagrams put in place, printed and finished,
 * its HTML and Markdown editions made, each file read back by the leak guard as soon as it exists.
 */
async function finishDocument(ctx: BuildContext, { doc, course, editions, drawing, guard, total }: DocumentJob): Promise<Output[]> {
  // The Markdown edition comes from the course, not from the print: checked while the PDF prints.
  const markdown = ctx.made(markdownEdition(doc, editions[doc.audience]), guard);
  const html = await withDrawings(doc, drawing);
  // A grid's form is part of its finishing: a grid from the cache comes with it.
  const printed = await ctx.printer.print(doc, html, pdfMetadata(doc, course, ctx.settings.date), doc.form ? gridForm(course) : undefined);
  ctx.reportPrinted(doc.path, printed.fromCache, total);
  const pdf: Output = { path: doc.path, audience: doc.audience, bytes: printed.pdf, pages: printed.pages };
  const [files, md] = await Promise.all([ctx.made([pdf, ...htmlEdition(doc, printed.html, ctx.fonts)], guard), markdown]);
  return [...files, ...md];
}

/** The HTML editions before they print: diagrams in place, contents without numbers, each file checked. */
async function preview(ctx: BuildContext, docs: Document[], drawing: Promise<Map<string, Drawing>>, guard: LeakGuards): Promise<Output[]> {
  const files = (await Promise.all(docs.map(async (doc) => htmlEdition(doc, await withDrawings(doc, drawing), ctx.fonts)))).flat();
  await Promise.all(files.map((file) => guard.check(file)));
  return files;
}

/** The session given (`npm run dev`), or one of the build's own, closed in `finally`. */
function withSession<T>(options: BuildOptions, fonts: FontFile[], run: (session: BrowserSession) => Promise<T>): Promise<T> {
  return options.session ? run(options.session) : withBrowserSession({ assets: pageAssets(fonts), signal: options.signal }, run);
}

/** What a PDF says of itself: titles, language, fixed dates. */
function pdfMetadata(doc: Document, course: Course, date: Date): DocumentMetadata {
  return {
    title: doc.title,
    subject: doc.subject,
    author: course.author ?? course.organisation,
    lang: course.lang,
    keywords: [editionLabel(course.lang, doc.audience)],
    date,
  };
}
