// `npm run bench`. Times casebook on the real course (content/) and on generated 25- and 50-case
// courses, against a unit measured in the same run: one bare `chromium --headless
// --print-to-pdf` of a tiny page. A benchmark, not a test: it prints a Markdown report and fails
// only if a build fails.
//
// The headline rows are the commands as a trainer types them (`npm run build:pdf`, and `npm run
// dev` from a file's write to the page's reload): npm, Node's start, loading, the build and exit.
// The rows below them time build() alone, each in its own Node process (bench/child-build.ts), to
// find where the time goes (start-up and module loading are reported apart). Memory is sampled from /proc every 100 ms over that process and
// all its descendants (Chromium's browser, zygotes, renderers, utility processes).
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { compile } from '../scripts/compile.mjs';
import { buildV8Flags } from '../scripts/v8-flags.mjs';
import { absurdInputs, copyContent, editOneCase, generateCourse, plainMarkdown } from './lib/courses.js';
import { sourceFingerprint } from './lib/fingerprint.js';
import { devReloads, npmBuild } from './lib/commands.js';
import { hasGnuTime, median, runTimed, type Ran } from './lib/spawn.js';
import { findBrowser } from '../src/print/find-browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
const flags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// casebook prints with the browser it finds itself, as on a trainer's machine (see README, "The browser").
const env = { ...process.env };
const casebookBrowser = (await findBrowser()).path;
const realContent = join(root, 'content');
const tmp = await mkdtemp(join(tmpdir(), 'casebook-bench-'));
const tiny = join(tmp, 'tiny.html');
// Each child runs as the commands do: compiled, without a TypeScript loader.
const childBuild = await compile('bench/child-build.ts', 'bench-child-build');
const childNaive = await compile('bench/child-naive.ts', 'bench-child-naive');
const childDev = await compile('bench/child-dev.ts', 'bench-child-dev');
// And with the V8 flags `npm run build:pdf` sets for itself (scripts/v8-flags.mjs), given on the
// children's command line: the bench runs them with its own Node, which knows them.
const nodeFlags = buildV8Flags();
const benchStart = performance.now();
const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - benchStart) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

interface BuildResult {
  startupMs: number;
  buildMs: number;
  stages: { stage: string; ms: number }[];
  cache: { hits: number; misses: number };
  browserStarted: boolean;
  printedFresh: number;
  printedCached: number;
  documents: number;
  outputs: number;
  pdfPages: number;
  breakdown?: Record<string, number>;
  /** Node's CPU in the breakdown's re-runs, after the build in the same process: taken out of the build's CPU. */
  breakdownCpuMs: number;
  wallMs: number;
  cpuMs?: number;
  peak: NonNullable<Ran['peak']>;
  /** src/, templates/ or styles/ changed while this build ran (someone else is editing). */
  sourcesMoved: boolean;
  fingerprint: string;
  /** The unit measured right before this build: the machine's speed drifts during a run. */
  unitMs: number;
}

/** A command's wall time and the unit measured right before it. */
interface Timed {
  ms: number;
  unitMs: number;
  cpuMs?: number;
  peak?: Ran['peak'];
}

/** The run whose ratio to its own unit is the median one. */
function medianTimed(runs: Timed[]): Timed {
  return [...runs].sort((a, b) => a.ms / a.unitMs - b.ms / b.unitMs)[Math.floor(runs.length / 2)]!;
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** A build timed against the unit measured right before it; `pss` makes it a memory run (slower: not for timing). */
async function casebook(contentDir: string, outDir: string, cacheDir?: string, breakdown = false, pss = false): Promise<BuildResult> {
  const unitMs = median((await measureUnit()).map((r) => r.wallMs));
  const before = await sourceFingerprint(root);
  const ran = await runTimed(process.execPath, [...nodeFlags, childBuild, JSON.stringify({ contentDir, outDir, cacheDir, breakdown })], {
    cwd: root,
    env,
    sample: true,
    pss,
    cpu: true,
  });
  const line = ran.stdout.trim().split('\n').pop()!;
  const sourcesMoved = (await sourceFingerprint(root)) !== before;
  const parsed = JSON.parse(line) as Omit<BuildResult, 'wallMs' | 'cpuMs' | 'peak' | 'sourcesMoved' | 'fingerprint'>;
  // The breakdown re-reads every output after the build (17 CPU-s on 50 cases): none of it is the build's.
  const extra = parsed.breakdownCpuMs;
  const peak = { ...ran.peak!, cpuMs: ran.peak!.cpuMs - extra, nodeCpuMs: ran.peak!.nodeCpuMs - extra };
  return { ...parsed, wallMs: ran.wallMs, cpuMs: ran.cpuMs === undefined ? undefined : ran.cpuMs - extra, peak, sourcesMoved, fingerprint: before, unitMs };
}

/** One bare Chromium print of a tiny page, three times. */
async function measureUnit(): Promise<Ran[]> {
  const runs: Ran[] = [];
  for (let i = 0; i < 3; i++) runs.push(await runTimed(chromium, ['--headless', ...flags, `--print-to-pdf=${join(tmp, 'x.pdf')}`, `file://${tiny}`], { cpu: true }));
  return runs;
}

/** The run whose ratio to its own unit is the median one. */
function medianRun(runs: BuildResult[]): BuildResult {
  return [...runs].sort((a, b) => a.buildMs / a.unitMs - b.buildMs / b.unitMs)[Math.floor(runs.length / 2)]!;
}

const repeats = 3;

try {
  // ── The unit ────────────────────────────────────────────────────────────────────────────────
  const loadBefore = loadAverage();
  log('unit: bare chromium --print-to-pdf of a tiny page ×3');
  await writeFile(tiny, '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><p>Hello</p></body></html>');
  const unitRuns = await measureUnit();
  const unit = median(unitRuns.map((r) => r.wallMs));
  const unitCpu = median(unitRuns.map((r) => r.cpuMs ?? NaN));

  // ── The commands as a trainer types them ────────────────────────────────────────────────────
  /** A command timed against a unit measured right before it. */
  const command = async (args: string[], options: { sample?: boolean } = {}): Promise<Timed> => {
    const unitMs = median((await measureUnit()).map((r) => r.wallMs));
    const ran = await npmBuild(root, env, args, options);
    return { ms: ran.wallMs, unitMs, cpuMs: ran.cpuMs, peak: ran.peak };
  };
  const cmdCold: Timed[] = [];
  for (let i = 1; i <= repeats; i++) {
    log(`npm run build:pdf on content/, cold (--no-cache), ${i}/${repeats}`);
    cmdCold.push(await command(['--content', realContent, '--out', join(tmp, 'cmd-cold'), '--no-cache'], { sample: true }));
  }
  const cmdContent = join(tmp, 'cmd-content');
  await copyContent(realContent, cmdContent);
  const cmdArgs = ['--content', cmdContent, '--out', join(tmp, 'cmd-out')];
  log('npm run build:pdf on a copy of content/, filling the cache');
  await command(cmdArgs);
  const cmdUnchanged: Timed[] = [];
  for (let i = 1; i <= repeats; i++) {
    log(`npm run build:pdf, nothing changed, ${i}/${repeats}`);
    cmdUnchanged.push(await command(cmdArgs));
  }
  const cmdEdit: Timed[] = [];
  for (let i = 1; i <= repeats; i++) {
    const edited = await editOneCase(cmdContent);
    log(`npm run build:pdf after appending a sentence to ${edited}'s statement, ${i}/${repeats}`);
    cmdEdit.push(await command(cmdArgs));
  }
  log(`npm run dev: ${repeats} saves of a case, each timed from the write to the page's reload`);
  const devUnitMs = median((await measureUnit()).map((r) => r.wallMs));
  const devSaves = await devReloads(root, env, ['--content', cmdContent, '--out', join(tmp, 'cmd-dev')], () => editOneCase(cmdContent), repeats);
  const cmdDev: Timed[] = devSaves.map((ms) => ({ ms, unitMs: devUnitMs }));

  // ── casebook on the real course ─────────────────────────────────────────────────────────────
  const colds: BuildResult[] = [];
  for (let i = 1; i <= repeats; i++) {
    log(`casebook: cold build of content/ (no cache), ${i}/${repeats}`);
    colds.push(await casebook(realContent, join(tmp, 'out-cold'), undefined, i === 1));
  }
  const cold = medianRun(colds);
  cold.breakdown ??= colds[0]!.breakdown;

  const real = join(tmp, 'content-real');
  const cache = join(tmp, 'cache-real');
  await copyContent(realContent, real);
  log('casebook: warming a cache on a copy of content/');
  const warm = await casebook(real, join(tmp, 'out-real'), cache);
  log('casebook: rebuild, nothing changed');
  const unchanged = await casebook(real, join(tmp, 'out-real'), cache);
  const edits: BuildResult[] = [];
  for (let i = 1; i <= repeats; i++) {
    const edited = await editOneCase(real);
    log(`casebook: rebuild after appending a sentence to ${edited}'s statement, ${i}/${repeats}`);
    edits.push(await casebook(real, join(tmp, 'out-real'), cache));
  }
  const afterEdit = medianRun(edits);

  log(`casebook as \`npm run dev\` runs it: ${repeats} rebuilds after an edit, one browser kept`);
  const devContent = join(tmp, 'content-dev');
  await copyContent(realContent, devContent);
  const devUnit = median((await measureUnit()).map((r) => r.wallMs));
  const devRan = await runTimed(process.execPath, [...nodeFlags, childDev, JSON.stringify({ contentDir: devContent, outDir: join(tmp, 'out-dev'), cacheDir: join(tmp, 'cache-dev'), edits: repeats })], { cwd: root, env });
  const devRebuilds = (JSON.parse(devRan.stdout.trim().split('\n').pop()!) as { rebuildsMs: number[] }).rebuildsMs;
  const devEdit = median(devRebuilds);

  // ── What a trainer would otherwise use ──────────────────────────────────────────────────────
  log('md-to-pdf on the frame + each case file (one md-to-pdf run, its browser shared)');
  const mdFiles = await plainMarkdown(realContent, join(tmp, 'md-to-pdf'));
  const mdToPdf = await runTimed(
    join(root, 'node_modules/.bin/md-to-pdf'),
    [...mdFiles, '--launch-options', JSON.stringify({ executablePath: chromium, args: flags })],
    { cwd: root, env, sample: true, cpu: true },
  );

  log('mmdc per diagram + a fresh browser per PDF, on casebook’s own documents');
  const naiveRan = await runTimed(
    process.execPath,
    [childNaive, JSON.stringify({ contentDir: realContent, workDir: join(tmp, 'naive'), chromium, args: flags })],
    { cwd: root, env, sample: true, cpu: true },
  );
  const naive = JSON.parse(naiveRan.stdout.trim().split('\n').pop()!) as { renderMs: number; mmdcMs: number; printMs: number; diagrams: number; documents: number };
  const naiveMs = naive.renderMs + naive.mmdcMs + naive.printMs;

  // ── Generated courses ───────────────────────────────────────────────────────────────────────
  const generated: Record<number, BuildResult> = {};
  const cmdGenerated: Record<number, Timed> = {};
  for (const n of [25, 50]) {
    const dir = join(tmp, `content-${n}`);
    await generateCourse(realContent, dir, n);
    log(`npm run build:pdf on a generated ${n}-case course, cold (--no-cache)`);
    cmdGenerated[n] = await command(['--content', dir, '--out', join(tmp, `cmd-out-${n}`), '--no-cache'], { sample: true });
    log(`casebook: cold build() of a generated ${n}-case course (no cache)`);
    generated[n] = await casebook(dir, join(tmp, `out-${n}`), undefined, n === 50);
  }
  const g25 = generated[25]!;
  const g50 = generated[50]!;
  log('memory: the real course and the 50-case course again, reading PSS as well (slower, not timed)');
  const memoryRuns = [
    { name: 'real course', run: await casebook(realContent, join(tmp, 'out-mem-real'), undefined, false, true) },
    { name: '50 cases', run: await casebook(join(tmp, 'content-50'), join(tmp, 'out-mem-50'), undefined, false, true) },
  ];
  // Absurd input stops with a message (a build that succeeded would be a limit missed).
  const absurd: { name: string; ms: number; outcome: string }[] = [];
  for (const [name, make] of Object.entries(absurdInputs)) {
    const dir = join(tmp, `absurd-${absurd.length}`);
    await make(realContent, dir);
    log(`casebook on absurd input: ${name}`);
    const started = performance.now();
    const outcome = await runTimed(process.execPath, [join(root, 'scripts/casebook.mjs'), 'build', '--quiet', '--content', dir, '--out', join(tmp, 'out-absurd')], { cwd: root, env }).then(
      () => '**built** (no limit stopped it)',
      (error: Error) => error.message.split('\n').find((l) => l.includes(' — '))?.trim() ?? error.message.split('\n')[0]!,
    );
    absurd.push({ name, ms: performance.now() - started, outcome });
  }
  log('unit again, to see whether the machine\'s load moved during the run');
  const unitAfter = median((await measureUnit()).map((r) => r.wallMs));
  const loadAfter = loadAverage();

  // ── Report ──────────────────────────────────────────────────────────────────────────────────
  // Rebuilds reuse the cache of the warm build: a source change since then makes them miss.
  unchanged.sourcesMoved ||= unchanged.fingerprint !== warm.fingerprint;
  afterEdit.sourcesMoved ||= afterEdit.fingerprint !== warm.fingerprint;
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const u = (ms: number, unitMs = unit) => (ms / unitMs).toFixed(1);
  const units = (r: BuildResult) => u(r.buildMs, r.unitMs);
  const moved = (r: BuildResult) => (r.sourcesMoved ? '⚠' : '');
  const spread = (runs: BuildResult[]) => runs.map((r) => `${s(r.buildMs)} s / ${s(r.unitMs)} s`).join('; ');
  const cpu = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '–' : s(ms));
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  const status = (ok: boolean, r?: BuildResult) => `${ok ? '**met**' : '**not met**'}${r?.sourcesMoved ? ' ⚠' : ''}`;
  const docs = (r: BuildResult) =>
    `${r.documents} docs (${r.printedFresh} printed, ${r.printedCached} from cache), browser ${r.browserStarted ? 'started' : 'not started'}${r.sourcesMoved ? '; ⚠ src/templates/styles changed during or before this build' : ''}`;
  const memCell = (r: { rss: number; pss: number }) => (r.pss > 0 ? `${mib(r.rss)} / ${mib(r.pss)}` : `${mib(r.rss)} / –`);
  const chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const builds = [cold, warm, unchanged, afterEdit, g25, g50];
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);

  out('## casebook benchmark');
  out();
  const casebookVersion = execFileSync(casebookBrowser, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  out(`${chromiumVersion} (the unit, md-to-pdf, mmdc), Node ${process.versions.node}, ${availableParallelism()} CPU(s); load average ${loadBefore} at the start, ${loadAfter} at the end.`);
  out('');
  out(`casebook prints with the browser it finds (\`${casebookBrowser}\`: ${casebookVersion}).`);
  out();
  out(`- **1 unit** = median of 3 runs of a bare Chromium print, measured again right before each casebook build (the machine's speed drifts during a run; each build is compared to its own unit, given in the notes). Cold build and edit are the median of ${repeats} builds by that ratio. At the start: **${s(unit)} s** = median of 3 runs of \`chromium --headless ${flags.join(' ')} --print-to-pdf\` on a tiny page (runs: ${unitRuns.map((r) => s(r.wallMs)).join(', ')} s; CPU ${cpu(unitCpu)} s). Measured again at the end: ${s(unitAfter)} s${Math.abs(unitAfter / unit - 1) > 0.25 ? ' — **the machine’s load changed during the run; compare the CPU column**' : ''}.`);
  out(`- casebook times are of \`build()\` in a fresh Node process (start-up not included: ${s(median(builds.map((r) => r.wallMs - r.buildMs)))} s median per process, of which Node's start and loading the compiled build with its libraries ${s(cold.startupMs)} s; the rest is shutting down). The children are compiled like \`npm run build:pdf\` (scripts/compile.mjs), not run under tsx. Other rows are wall time of the whole command.`);
  out(`- CPU = user + system seconds of the process and all the processes it started, including start-up: the larger of GNU \`/usr/bin/time\`'s figure${hasGnuTime ? '' : ' (not found here)'}, which misses Chromium's renderers (the zygote reaps them, not the command), and the sum over every process of the tree as last seen by the 100 ms samples (for the rows sampled). It moves less than wall time when other work shares the machine.`);
  out('- Memory = peak over samples of /proc every 100 ms, over the build process and all its descendants (Node + every Chromium process): sum of VmRSS, and sum of PSS in the two memory runs. RSS counts the pages Chromium\'s processes share (its binary, fonts, the zygote\'s heap) once per process, ~70 MB each; PSS divides each shared page among the processes that map it, so its sum is the memory the build takes from the machine. The target is checked on the PSS sum. Reading PSS costs ~30 ms of CPU per sample over Chromium\'s processes: timed runs read RSS only, and PSS comes from two extra runs.');
  out();
  out('### The commands as a trainer types them (targets)');
  out();
  out('| Measurement | Seconds | Units | CPU s | Peak memory RSS | Target | Status | Runs (command / unit) |');
  out('|---|---:|---:|---:|---:|---|---|---|');
  out(`| Unit: bare \`chromium --print-to-pdf\`, tiny page | ${s(unit)} | 1.0 | ${cpu(unitCpu)} | | | | median of 3 |`);
  const timedRow = (name: string, runs: Timed[], limit: number | undefined, note = '') => {
    const m = medianTimed(runs);
    const target = limit === undefined ? '' : `≤ ${limit} units`;
    const met = limit === undefined ? '' : m.ms <= limit * m.unitMs ? '**met**' : '**not met**';
    const peak = runs.map((r) => r.peak?.rss ?? 0).reduce((a, b) => Math.max(a, b), 0);
    out(`| ${name} | ${s(m.ms)} | ${u(m.ms, m.unitMs)} | ${cpu(m.cpuMs)} | ${peak > 0 ? mib(peak) : ''} | ${target} | ${met} | ${runs.map((r) => `${s(r.ms)} / ${s(r.unitMs)}`).join('; ')}${note} |`);
  };
  timedRow('`npm run build:pdf`, real course, cold (`--no-cache`)', cmdCold, 5);
  timedRow('`npm run build:pdf`, real course, nothing changed', cmdUnchanged, 0.6);
  timedRow('`npm run build:pdf`, real course, after editing one case', cmdEdit, 2);
  timedRow('`npm run dev`: a save, from the write to the page\'s reload', cmdDev, 1);
  timedRow('`npm run build:pdf`, generated 25-case course, cold', [cmdGenerated[25]!], undefined);
  timedRow('`npm run build:pdf`, generated 50-case course, cold', [cmdGenerated[50]!], 20, `; ×${ratio(cmdGenerated[50]!.ms, cmdGenerated[25]!.ms)} the 25-case time (2.00 = linear)`);
  out();
  out('### build() alone, to find where the time goes');
  out();
  out('| Measurement | Seconds | Units | CPU s | Peak memory RSS / PSS | Target | Status | Notes |');
  out('|---|---:|---:|---:|---:|---|---|---|');
  out(`| casebook cold build, real course (no cache) | ${s(cold.buildMs)} | ${units(cold)} | ${cpu(cold.cpuMs)} | ${memCell(cold.peak)} | | ${moved(cold)} | ${docs(cold)}, ${cold.pdfPages} PDF pages; runs (build / unit): ${spread(colds)} |`);
  out(`| casebook build with an empty cache dir (warming it) | ${s(warm.buildMs)} | ${units(warm)} | ${cpu(warm.cpuMs)} | ${memCell(warm.peak)} | | | ${docs(warm)} |`);
  out(`| casebook rebuild, nothing changed | ${s(unchanged.buildMs)} | ${units(unchanged)} | ${cpu(unchanged.cpuMs)} | ${memCell(unchanged.peak)} | | | ${docs(unchanged)} |`);
  out(`| casebook rebuild after editing one case’s statement | ${s(afterEdit.buildMs)} | ${units(afterEdit)} | ${cpu(afterEdit.cpuMs)} | ${memCell(afterEdit.peak)} | | ${moved(afterEdit)} | ${docs(afterEdit)}; runs (build / unit): ${spread(edits)} |`);
  out(`| same, in \`npm run dev\` (browser kept between builds) | ${s(devEdit)} | ${u(devEdit, devUnit)} | | | | | median of ${devRebuilds.length} rebuilds (${devRebuilds.map(s).join(', ')} s), unit ${s(devUnit)} s |`);
  out(`| md-to-pdf: frame file + ${mdFiles.length - 1} case files (one CLI run) | ${s(mdToPdf.wallMs)} | ${u(mdToPdf.wallMs)} | ${cpu(mdToPdf.cpuMs)} | ${memCell(mdToPdf.peak!)} | | | ${mdFiles.length} PDFs; one edition, solutions left in, mermaid left as code |`);
  out(`| mmdc per diagram + fresh browser per PDF | ${s(naiveMs)} | ${u(naiveMs)} | ${cpu(naiveRan.cpuMs)} | ${memCell(naiveRan.peak!)} | | | ${naive.diagrams} × mmdc = ${s(naive.mmdcMs)} s; ${naive.documents} × (launch, setContent, pdf, close) = ${s(naive.printMs)} s; Markdown→HTML ${s(naive.renderMs)} s; one print per document (no TOC page numbers) |`);
  out(`| casebook cold build, generated 25-case course | ${s(g25.buildMs)} | ${units(g25)} | ${cpu(g25.cpuMs)} | ${memCell(g25.peak)} | | | ${docs(g25)}; ${s(g25.buildMs / 25)} s/case |`);
  out(`| casebook cold build, generated 50-case course | ${s(g50.buildMs)} | ${units(g50)} | ${cpu(g50.cpuMs)} | ${memCell(g50.peak)} | | ${moved(g50)} | ${docs(g50)}; ${s(g50.buildMs / 50)} s/case; unit ${s(g50.unitMs)} s |`);
  for (const { name, run } of memoryRuns) {
    out(`| Peak memory, ${name} (memory run) | ${s(run.buildMs)} | | ${cpu(run.cpuMs)} | ${memCell(run.peak)} | < 1 GiB (PSS) | ${status(run.peak.pss < 1024 ** 3)} | up to ${run.peak.processes} processes in the tree; slowed by reading PSS |`);
  }
  out();

  const chromiumCpu = (r: BuildResult) => r.peak.cpuMs - r.peak.nodeCpuMs;
  const slope = (g50.buildMs - g25.buildMs) / 25;
  const intercept = g25.buildMs - 25 * slope;
  out(`**Growth**: 25 → 50 cases multiplies the time by ${ratio(g50.buildMs, g25.buildMs)} (2.00 = linear) and the CPU time by ${ratio(g50.cpuMs ?? NaN, g25.cpuMs ?? NaN)}; ` +
    `${s(slope)} s (${u(slope, g50.unitMs)} units) per extra case` +
    (intercept >= 0 ? `, fixed part ${s(intercept)} s (predicts ${s(intercept + 4 * slope)} s for the real 4 cases, measured ${s(cold.buildMs)} s). ` : ' (the two points give a negative fixed part: the machine’s load moved; trust the CPU ratio). ') +
    `As sampled, Node ×${ratio(g50.peak.nodeCpuMs, g25.peak.nodeCpuMs)} (${s(g25.peak.nodeCpuMs)} → ${s(g50.peak.nodeCpuMs)} CPU-s), Chromium's ×${ratio(chromiumCpu(g50), chromiumCpu(g25))} (${s(chromiumCpu(g25))} → ${s(chromiumCpu(g50))} CPU-s). ` +
    `A 50-case course is ${g50.documents} documents, two of them 50-case packs (printed once, then their table of contents' pages again).`);
  out();

  out('### Absurd input (`npm run build:pdf` as a trainer runs it, start-up included)');
  out();
  out('| Input | Seconds | Outcome |');
  out('|---|---:|---|');
  for (const a of absurd) out(`| ${a.name} | ${s(a.ms)} | ${a.outcome.replace(/\|/g, '\\|')} |`);
  out();

  const stageTable = (title: string, ...runs: [string, BuildResult][]) => {
    out(`### ${title}`);
    out();
    out(`| Stage | ${runs.map(([name]) => `${name} s | %`).join(' | ')} |`);
    out(`|---|${runs.map(() => '---:|---:').join('|')}|`);
    for (const [i, { stage }] of runs[0]![1].stages.entries()) {
      out(`| ${stage} | ${runs.map(([, r]) => `${s(r.stages[i]?.ms ?? NaN)} | ${((100 * (r.stages[i]?.ms ?? NaN)) / r.buildMs).toFixed(0)} %`).join(' | ')} |`);
    }
    out(`| **build()** | ${runs.map(([, r]) => `${s(r.buildMs)} | 100 %`).join(' | ')} |`);
    out();
  };
  stageTable('Where the time goes (time between onStage callbacks; Chromium starts during `render`, and diagrams are drawn while the first documents print: `print` holds both)',
    ['cold real', cold], ['unchanged', unchanged], ['edit one case', afterEdit], ['cold 25', g25], ['cold 50', g50]);

  out('### Finishing and checking (its parts re-run one by one on the build’s own outputs, after the build; in the build, each file is finished and checked while the next ones print)');
  out();
  out('| Part | real course s | 50 cases s |');
  out('|---|---:|---:|');
  for (const [part, ms] of Object.entries(cold.breakdown ?? {})) out(`| ${part} | ${s(ms)} | ${s(g50.breakdown?.[part] ?? NaN)} |`);
  out();
  if (builds.some((r) => r.sourcesMoved)) out('⚠ src/, templates/ or styles/ changed while the bench ran (someone is editing): the flagged rows measured a moving target; run it again.');
  out(`Bench total: ${s(performance.now() - benchStart)} s.`);
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  if (!process.env.BENCH_KEEP) await rm(tmp, { recursive: true, force: true });
  else process.stderr.write(`kept ${tmp}\n`);
}
