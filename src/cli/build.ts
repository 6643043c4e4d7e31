import { relative } from 'node:path';
import { build, defaultDirs } from '../build.js';
import { formatProblem } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';
import { runCommand, sourceDateEpoch } from './args.js';

await runCommand('build', {}, async (args, signal, lang) => {
  const d = dictionary(lang);
  const c = d.cli;
  // Progress on a terminal only (CASEBOOK_PROGRESS=1 forces it, for scripts that watch it).
  const live = !args.quiet && (process.stderr.isTTY === true || process.env.CASEBOOK_PROGRESS === '1');
  const say = (line: string) => {
    if (!args.quiet) process.stderr.write(`${line}\n`);
  };
  const number = (n: number, digits: number) => n.toLocaleString(d.labels.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const started = performance.now();
  const elapsed = () => format(c.seconds, { n: number((performance.now() - started) / 1000, 1) });
  const formatSize = (bytes: number) =>
    bytes < 1024 * 1024 ? format(c.kilobytes, { n: number(bytes / 1024, 0) }) : format(c.megabytes, { n: number(bytes / 1024 / 1024, 1) });
  const report = await build({
    contentDir: args.contentDir,
    outDir: args.outDir,
    cacheDir: args.cache ? defaultDirs.cache : undefined,
    sourceDateEpoch: sourceDateEpoch(),
    signal,
    onStage: (stage) => {
      if (live) say(format(c.stage, { stage: c.stages[stage] ?? stage, seconds: elapsed() }));
    },
    onPrinted: (path, fromCache, done, total) => {
      if (live) say(`${format(c.printed, { done, total, path })}${fromCache ? c.fromCache : ''}`);
    },
  });
  for (const warning of report.warnings) say(format(d.workflow.warning, { problem: formatProblem(warning) }));
  const dir = `${relative(process.cwd(), args.outDir) || args.outDir}/`;
  say(`\n${format(c.written, { count: report.outputs.length, dir, seconds: elapsed() })}`);
  // The HTML editions' font files are one line per folder, not eleven.
  for (const output of report.outputs.filter((o) => !o.path.includes('/fonts/'))) {
    const pages = output.pages !== undefined ? format(c.pages, { n: output.pages }) : '';
    say(`  ${output.path.padEnd(44)} ${pages.padStart(7)} ${formatSize(output.bytes.length).padStart(9)}`);
  }
  for (const folder of new Set(report.outputs.filter((o) => o.path.includes('/fonts/')).map((o) => o.path.replace(/[^/]+$/, '')))) {
    const files = report.outputs.filter((o) => o.path.startsWith(folder));
    say(`  ${`${folder} (${files.length})`.padEnd(44)} ${''.padStart(7)} ${formatSize(files.reduce((n, f) => n + f.bytes.length, 0)).padStart(9)}`);
  }
});
