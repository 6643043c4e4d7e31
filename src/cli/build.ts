import { relative } from 'node:path';
import { build, defaultDirs } from '../build.js';
import { formatProblem } from '../errors.js';
import { runCommand, sourceDateEpoch } from './args.js';

const usage = `Usage : npm run build:pdf -- [--content DIR] [--out DIR] [--grades DIR] [--no-cache] [--quiet] [--debug]

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content
  --grades DIR    notes des groupes (feuilles de notes CSV, grilles PDF remplies) ; par défaut grades/ à côté du cours
  --out DIR       dossier de sortie ; par défaut dist
  --no-cache      redessine et réimprime tout
  --quiet         n’affiche que les erreurs
  --debug         affiche le détail technique des erreurs`;

await runCommand(usage, {}, async (args, signal) => {
  // Progress on a terminal only (CASEBOOK_PROGRESS=1 forces it, for scripts that watch it).
  const live = !args.quiet && (process.stderr.isTTY === true || process.env.CASEBOOK_PROGRESS === '1');
  const say = (line: string) => {
    if (!args.quiet) process.stderr.write(`${line}\n`);
  };
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const report = await build({
    contentDir: args.contentDir,
    outDir: args.outDir,
    gradesDir: args.gradesDir,
    cacheDir: args.cache ? defaultDirs.cache : undefined,
    sourceDateEpoch: sourceDateEpoch(),
    signal,
    onStage: (stage) => {
      if (live) say(`· ${stage} (${elapsed()})`);
    },
    onPrinted: (path, fromCache, done, total) => {
      if (live) say(`  ${done}/${total} ${path}${fromCache ? ' (cache)' : ''}`);
    },
  });
  for (const warning of report.warnings) say(`Attention : ${formatProblem(warning)}`);
  say(`\n${report.outputs.length} fichiers écrits dans ${relative(process.cwd(), args.outDir) || args.outDir}/ en ${elapsed()} :`);
  // The HTML editions' font files are one line per folder, not eleven.
  for (const output of report.outputs.filter((o) => !o.path.includes('/fonts/'))) {
    const pages = output.pages !== undefined ? `${output.pages} p.` : '';
    say(`  ${output.path.padEnd(44)} ${pages.padStart(6)} ${formatSize(output.bytes.length).padStart(9)}`);
  }
  for (const folder of new Set(report.outputs.filter((o) => o.path.includes('/fonts/')).map((o) => o.path.replace(/[^/]+$/, '')))) {
    const files = report.outputs.filter((o) => o.path.startsWith(folder));
    say(`  ${`${folder} (${files.length})`.padEnd(44)} ${''.padStart(6)} ${formatSize(files.reduce((n, f) => n + f.bytes.length, 0)).padStart(9)}`);
  }
});

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} Ko` : `${(bytes / 1024 / 1024).toFixed(1)} Mo`;
}
