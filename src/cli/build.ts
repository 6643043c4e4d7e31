import { join, relative, resolve } from 'node:path';
import { formatProblem } from '../errors.js';
import { dictionary, format, formatNumber } from '../i18n/index.js';
import type { Output } from '../model.js';
import { defaultDirs, projectDir } from '../project.js';
import { isUpToDate, readStamp, stampKey, writeStamp, type StampInputs } from '../write/build-stamp.js';
import { startOfDay } from '../pipeline/options.js';
import { runCommand, sourceDateEpoch } from './args.js';
import { defaultGradesDir } from '../project.js';

const stampsDir = join(defaultDirs.cache, 'stamps');

await runCommand('build', {}, async (args, signal, lang) => {
  const d = dictionary(lang);
  const c = d.cli;
  // Progress on a terminal only (CASEBOOK_PROGRESS=1 forces it, for scripts that watch it).
  const live = !args.quiet && (process.stderr.isTTY === true || process.env.CASEBOOK_PROGRESS === '1');
  const say = (line: string) => {
    if (!args.quiet) process.stderr.write(`${line}\n`);
  };
  const number = (n: number, digits: number) => formatNumber(lang, n, digits);
  const dir = `${shownPath(args.outDir)}/`;
  const epoch = sourceDateEpoch();
  const inputs: StampInputs = {
    // The grades too: filled grids or a scores sheet make the results.
    paths: [args.contentDir, args.gradesDir ?? defaultGradesDir(args.contentDir), defaultDirs.templates, defaultDirs.styles, join(projectDir, 'src'), join(projectDir, 'package-lock.json')],
    outDir: args.outDir,
    // Without SOURCE_DATE_EPOCH the build dates its files with the day: another day builds again.
    settings: { date: epoch === undefined ? startOfDay(new Date()).toISOString().slice(0, 10) : String(epoch), browser: process.env.PUPPETEER_EXECUTABLE_PATH },
  };
  const key = args.cache ? await stampKey(inputs) : undefined;
  if (key !== undefined) {
    const stamp = await readStamp(stampsDir, args.outDir);
    if (stamp && (await isUpToDate(stamp, key, args.outDir))) {
      say(format(d.workflow.upToDate, { dir, files: stamp.files.length }));
      for (const line of stamp.summary) say(line);
      return;
    }
  }

  // Loaded only when there is something to build: the renderer, the browser and the PDF libraries.
  const { build } = await import('../build.js');
  const started = performance.now();
  const elapsed = () => format(c.seconds, { n: number((performance.now() - started) / 1000, 1) });
  // A file of a few hundred bytes (the scores sheet) is 1 KB, as a file manager says, not an empty-looking 0 KB.
  const formatSize = (bytes: number) =>
    bytes < 1024 * 1024
      ? format(c.kilobytes, { n: number(bytes > 0 ? Math.max(1, bytes / 1024) : 0, 0) })
      : format(c.megabytes, { n: number(bytes / 1024 / 1024, 1) });
  const report = await build({
    contentDir: args.contentDir,
    outDir: args.outDir,
    gradesDir: args.gradesDir,
    cacheDir: args.cache ? defaultDirs.cache : undefined,
    sourceDateEpoch: epoch,
    signal,
    onStage: ({ stage, phase }) => {
      if (live) say(format(phase === 'start' ? c.stage : c.stageDone, { stage: c.stages[stage] ?? stage, seconds: elapsed() }));
    },
    onPrinted: (path, fromCache, done, total) => {
      if (live) say(`${format(c.printed, { done, total, path })}${fromCache ? c.fromCache : ''}`);
    },
  });
  const warnings = report.warnings.map((warning) => format(d.workflow.warning, { problem: formatProblem(warning) }));
  const files = fileList(report.outputs, (n) => format(c.pages, { n }, lang), formatSize);
  say(`\n${format(c.written, { count: report.outputs.length, dir, seconds: elapsed() })}`);
  for (const line of [...warnings, ...files]) say(line);
  if (key !== undefined) await writeStamp(stampsDir, args.outDir, { key, lang, summary: [...warnings, ...files] });
});

/** The output folder as the trainer knows it: relative when inside the working folder. */
function shownPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(dir) : rel;
}

/** One line per file with its pages and size; the HTML editions' font files one line per folder, not eleven. */
function fileList(outputs: Output[], pages: (n: number) => string, size: (bytes: number) => string): string[] {
  const lines = outputs
    .filter((o) => !o.path.includes('/fonts/'))
    .map((o) => `  ${o.path.padEnd(44)} ${(o.pages !== undefined ? pages(o.pages) : '').padStart(7)} ${size(o.bytes.length).padStart(9)}`);
  for (const folder of new Set(outputs.filter((o) => o.path.includes('/fonts/')).map((o) => o.path.replace(/[^/]+$/, '')))) {
    const inFolder = outputs.filter((o) => o.path.startsWith(folder));
    lines.push(`  ${`${folder} (${inFolder.length})`.padEnd(44)} ${''.padStart(7)} ${size(inFolder.reduce((n, f) => n + f.bytes.length, 0)).padStart(9)}`);
  }
  return lines;
}
