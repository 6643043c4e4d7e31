// One casebook build in its own process, so the parent can sample this process tree's memory
// and every build starts as a trainer's `npm run build:pdf` would (nothing loaded, nothing warm).
// Argument: JSON { contentDir, outDir, cacheDir?, breakdown? }. Prints one JSON line on stdout.
import { build } from '../src/build.js';

// Compiled like the commands (scripts/compile.mjs): by the time this line runs, Node has started
// and loaded the compiled file with every library it imports up front.
const startupMs = performance.now();
const args = JSON.parse(process.argv[2]!) as { contentDir: string; outDir: string; cacheDir?: string; breakdown?: boolean };

// Stages overlap (diagrams, print and verify run together): each is timed from its own start to its own end.
const marks = new Map<string, { start: number; end?: number }>();
let printedFresh = 0;
let printedCached = 0;
const start = performance.now();
const report = await build({
  contentDir: args.contentDir,
  outDir: args.outDir,
  cacheDir: args.cacheDir,
  sourceDateEpoch: 1_700_000_000,
  onStage: ({ stage, phase }) => {
    if (phase === 'start') marks.set(stage, { start: performance.now() });
    else marks.get(stage)!.end = performance.now();
  },
  onPrinted: (_path, fromCache) => (fromCache ? printedCached++ : printedFresh++),
});
const end = performance.now();
// The breakdown below runs in this same process: its CPU is told apart, so that it is not the build's.
const builtCpu = process.cpuUsage();
const stages = [...marks].map(([stage, m]) => ({ stage, ms: (m.end ?? end) - m.start }));

// Optional: re-run the parts of the `verify` stage one by one on the build's own outputs, to see
// which of them costs what (the stage itself only reports its total).
let breakdown: Record<string, number> | undefined;
if (args.breakdown) {
  const { finalizePdf } = await import('../src/print/finalize-pdf.js');
  const { pdfPageTexts } = await import('../src/verify/pdf-text.js');
  const { checkStudentOutputs } = await import('../src/verify/leak-guard.js');
  const { trainerFragments, studentSourceTexts } = await import('../src/verify/trainer-fragments.js');
  const { selectEdition } = await import('../src/edition/select-edition.js');
  const pdfs = report.outputs.filter((o) => o.path.endsWith('.pdf'));
  const time = async (fn: () => Promise<unknown>) => {
    const s = performance.now();
    await fn();
    return performance.now() - s;
  };
  breakdown = {
    'finalizePdf (pdf-lib load+save), all PDFs': await time(async () => {
      for (const o of pdfs) await finalizePdf(o.bytes, { title: 't', subject: 's', lang: 'fr', keywords: [], bookmarks: [], date: new Date(0) });
    }),
    'pdfPageTexts (pdfjs text), student PDFs once': await time(async () => {
      for (const o of pdfs.filter((p) => p.audience === 'student')) await pdfPageTexts(o.bytes);
    }),
    'checkStudentOutputs (leak guard, incl. zip)': await time(() =>
      checkStudentOutputs(report.outputs, trainerFragments(report.course, studentSourceTexts(selectEdition(report.course, 'student'))), report.course.lang),
    ),
  };
}
const sinceBuilt = process.cpuUsage(builtCpu);
const breakdownCpuMs = breakdown ? (sinceBuilt.user + sinceBuilt.system) / 1000 : 0;

process.stdout.write(
  `${JSON.stringify({
    startupMs,
    buildMs: end - start,
    stages,
    cache: report.cache,
    browserStarted: report.browserStarted,
    printedFresh,
    printedCached,
    documents: printedFresh + printedCached,
    outputs: report.outputs.length,
    pdfPages: report.outputs.reduce((n, o) => n + (o.pages ?? 0), 0),
    breakdown,
    breakdownCpuMs,
  })}\n`,
);
