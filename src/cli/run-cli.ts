import { BrowserError, ContentError, formatProblem, InterruptedError, UsageError, WordedError } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';

/** The language a command speaks: the system's until it knows the course's. */
export interface Speech {
  lang: string;
}

/**
 * Runs a command and turns every failure into a message and an exit code: 1 for content and
 * browser errors, 2 for usage errors, 130 on Ctrl-C. A stack trace only with --debug. Usage errors
 * are about the command line, not the course: they are said in the system's language.
 */
export async function runCli(main: (signal: AbortSignal, speech: Speech) => Promise<void>, debug: boolean, systemLanguage: string): Promise<void> {
  const controller = new AbortController();
  const speech: Speech = { lang: systemLanguage };
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\n${format(dictionary(speech.lang).cli.stopping, { signal })}\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await main(controller.signal, speech);
  } catch (error) {
    process.exitCode = report(error, debug, controller.signal.aborted, error instanceof UsageError ? systemLanguage : speech.lang);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function report(error: unknown, debug: boolean, aborted: boolean, lang: string): number {
  const c = dictionary(lang).cli;
  if (aborted || error instanceof InterruptedError) {
    process.stderr.write(`${c.interrupted}\n`);
    return 130;
  }
  if (error instanceof ContentError) {
    process.stderr.write(`\n${error.problems.length > 1 ? c.contentErrors : c.contentError}\n`);
    for (const problem of error.problems) process.stderr.write(`  ${formatProblem(problem)}\n`);
    process.stderr.write(`${c.nothingWritten}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`${error.messageIn(lang)}\n`);
    return 2;
  }
  if (error instanceof BrowserError) {
    process.stderr.write(`\n${error.messageIn(lang)}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
  const missing = missingPackage(error);
  if (missing) {
    // casebook updated without `npm ci`: the installed packages lag behind package.json.
    process.stderr.write(`\n${format(c.missingPackage, { name: missing })}\n`);
    return 1;
  }
  // Content and browser problems are named above: anything else is a defect of casebook itself.
  const reason = error instanceof WordedError ? error.messageIn(lang) : error instanceof Error ? error.message : String(error);
  process.stderr.write(`\n${format(c.unexpected, { reason })}\n`);
  process.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : `${c.rerunWithDebug}\n`);
  return 1;
}

/** The package a failed import names ("@fontsource/inter/package.json" → "@fontsource/inter"), if that is what failed. */
export function missingPackage(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const specifier = /Cannot find (?:module|package) '([^']+)'/.exec((error as Error).message)?.[1];
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  return specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}
