import { join, relative, resolve } from 'node:path';
import { formatProblem } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';
import { defaultDirs, projectDir } from '../project.js';
import { isUpToDate, readStamp, stampKey, writeStamp, type StampInputs } from '../write/build-stamp.js';
import { runCommand, sourceDateEpoch } from './args.js';

const usage = `Usage : npm run build:pdf -- [--content DIR] [--out DIR] [--no-cache] [--quiet] [--debug]

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content
  --out DIR       dossier de sortie ; par défaut dist
  --no-cache      redessine et réimprime tout
  --quiet         n’affiche que les erreurs
  --debug         affiche le détail technique des erreurs`;

const stampsDir = join(defaultDirs.cache, 'stamps');

await runCommand(usage, {}, async (args, signal) => {
  // Progress on a terminal only (CASEBOOK_PROGRESS=1 forces it, for scripts that watch it).
  const live = !args.quiet && (process.stderr.isTTY === true || process.env.CASEBOOK_PROGRESS === '1');
  const say = (line: string) => {
    if (!args.quiet) process.stderr.write(`${line}\n`);
  };
  const outName = shownPath(args.outDir);
  const epoch = sourceDateEpoch();
  const inputs: StampInputs = {
    paths: [args.contentDir, defaultDirs.templates, defaultDirs.styles, join(projectDir, 'src'), join(projectDir, 'package-lock.json')],
    outDir: args.outDir,
    // Without SOURCE_DATE_EPOCH the build dates its files with the day: another day builds again.
    settings: { date: epoch === undefined ? new Date().toISOString().slice(0, 10) : String(epoch), browser: process.env.PUPPETEER_EXECUTABLE_PATH },
  };
  const key = args.cache ? await stampKey(inputs) : undefined;
  if (key !== undefined) {
    const stamp = await readStamp(stampsDir, args.outDir);
    if (stamp && (await isUpToDate(stamp, key, args.outDir))) {
      say(format(dictionary(stamp.lang).workflow.upToDate, { dir: outName, files: stamp.files.length }));
      for (const line of stamp.summary) say(line);
      return;
    }
  }

  // Loaded only when there is something to build: the renderer, the browser and the PDF libraries.
  const { build } = await import('../build.js');
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const report = await build({
    contentDir: args.contentDir,
    outDir: args.outDir,
    cacheDir: args.cache ? defaultDirs.cache : undefined,
    sourceDateEpoch: epoch,
    signal,
    onStage: (stage) => {
      if (live) say(`· ${stage} (${elapsed()})`);
    },
    onPrinted: (path, fromCache, done, total) => {
      if (live) say(`  ${done}/${total} ${path}${fromCache ? ' (cache)' : ''}`);
    },
  });
  const warnings = report.warnings.map((warning) => `Attention : ${formatProblem(warning)}`);
  say(`\n${report.outputs.length} fichiers écrits dans ${outName}/ en ${elapsed()} :`);
  const files = fileList(report.outputs);
  for (const line of [...warnings, ...files]) say(line);
  if (key !== undefined) await writeStamp(stampsDir, args.outDir, { key, lang: report.course.lang, summary: [...warnings, ...files] });
});

/** The output folder as the trainer knows it: relative when inside the working folder. */
function shownPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(dir) : rel;
}

/** One line per file with its pages and size; the HTML editions' font files one line per folder. */
function fileList(outputs: { path: string; pages?: number; bytes: Uint8Array }[]): string[] {
  const lines = outputs
    .filter((o) => !o.path.includes('/fonts/'))
    .map((o) => `  ${o.path.padEnd(44)} ${(o.pages !== undefined ? `${o.pages} p.` : '').padStart(6)} ${formatSize(o.bytes.length).padStart(9)}`);
  for (const folder of new Set(outputs.filter((o) => o.path.includes('/fonts/')).map((o) => o.path.replace(/[^/]+$/, '')))) {
    const inFolder = outputs.filter((o) => o.path.startsWith(folder));
    lines.push(`  ${`${folder} (${inFolder.length})`.padEnd(44)} ${''.padStart(6)} ${formatSize(inFolder.reduce((n, f) => n + f.bytes.length, 0)).padStart(9)}`);
  }
  return lines;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} Ko` : `${(bytes / 1024 / 1024).toFixed(1)} Mo`;
}
