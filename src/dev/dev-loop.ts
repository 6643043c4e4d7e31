import { relative } from 'node:path';
import { build, defaultDirs, pageAssets } from '../build.js';
import { resolveOptions } from '../pipeline/options.js';
import { BrowserSession } from '../print/browser-session.js';
import { fontFiles } from '../render/fonts.js';
import { ContentError, formatProblem, InterruptedError, WordedError } from '../errors.js';
import { dictionary, format, formatNumber } from '../i18n/index.js';
import type { PageState } from './pages.js';
import { startServer } from './server.js';
import { watchDirs } from './watch.js';

export interface DevOptions {
  contentDir: string;
  outDir: string;
  port: number;
  cache: boolean;
  /** The course's language, until a build reads it again. */
  lang: string;
  templatesDir?: string;
  stylesDir?: string;
  /** Each line for the terminal. */
  say: (line: string) => void;
  signal: AbortSignal;
}

/** What a failed build shows: the trainer's file:line messages, or the error's own message. */
export function errorText(error: unknown, lang: string): string {
  if (error instanceof ContentError) return error.problems.map(formatProblem).join('\n');
  if (error instanceof WordedError) return error.messageIn(lang);
  return error instanceof Error ? error.message : String(error);
}

/**
 * Serves the output folder, builds, and rebuilds on every change of the content, templates or
 * styles until `signal` aborts. One build at a time: changes made during a build start one more.
 */
export async function runDev(options: DevOptions): Promise<void> {
  const state: Omit<PageState, 'version'> & { title?: string } = { lang: options.lang };
  const server = await startServer(options.outDir, options.port, () => state);
  const w = () => dictionary(state.lang).workflow;
  options.say(format(w().devServing, { url: server.url }));

  // One browser for the whole session: a rebuild after a save does not wait for Chromium to start.
  const session = new BrowserSession(pageAssets(await fontFiles()));
  let pending = true;
  let running: Promise<void> | undefined;
  const rebuild = async () => {
    while (pending && !options.signal.aborted) {
      pending = false;
      const started = performance.now();
      try {
        // Whatever the outcome, the pages then show the output folder: the new one, or the last good one.
        const report = await build({
          contentDir: options.contentDir,
          outDir: options.outDir,
          templatesDir: options.templatesDir,
          stylesDir: options.stylesDir,
          cacheDir: options.cache ? defaultDirs.cache : undefined,
          signal: options.signal,
          session,
          // The pages show the new text once it is laid out; the PDFs follow, with a second reload.
          onPreview: (files) => {
            state.error = undefined;
            server.preview(files);
            server.reload();
          },
        }).finally(() => server.preview([]));
        Object.assign(state, { lang: report.course.lang, title: report.course.title, error: undefined });
        for (const warning of report.warnings) options.say(format(w().warning, { problem: formatProblem(warning) }));
        options.say(format(w().devBuilt, { seconds: formatNumber(state.lang, (performance.now() - started) / 1000, 1) }));
      } catch (error) {
        if (error instanceof InterruptedError || options.signal.aborted) return;
        state.error = errorText(error, state.lang);
        options.say(`${state.error}\n${w().devFailed}`);
      }
      server.reload();
    }
  };
  const schedule = () => {
    pending = true;
    running ??= rebuild().finally(() => (running = undefined));
  };

  const dirs = resolveOptions(options);
  const watcher = watchDirs(
    [dirs.contentDir, dirs.templatesDir, dirs.stylesDir],
    (file) => {
      options.say(format(w().devChanged, { file: relative(process.cwd(), file) || file }));
      schedule();
    },
  );
  schedule();
  await new Promise<void>((done) => options.signal.addEventListener('abort', () => done(), { once: true }));
  watcher.close();
  await session.close();
  await running;
  await server.close();
  options.say(w().devStopped);
}
