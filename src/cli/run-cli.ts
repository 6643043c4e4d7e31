import { BrowserError, ContentError, formatProblem, InterruptedError, UsageError, type Problem } from '../errors.js';

export interface Reporter {
  info(line: string): void;
  warn(problem: Problem): void;
}

/**
 * Runs a command and turns every failure into a message and an exit code: 1 for content and
 * browser errors, 2 for usage errors, 130 on Ctrl-C. A stack trace only with --debug.
 */
export async function runCli(main: (signal: AbortSignal) => Promise<void>, debug: boolean): Promise<void> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\nArrêt demandé (${signal}) : la sortie précédente est conservée.\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await main(controller.signal);
  } catch (error) {
    process.exitCode = report(error, debug, controller.signal.aborted);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function report(error: unknown, debug: boolean, aborted: boolean): number {
  if (aborted || error instanceof InterruptedError) {
    process.stderr.write('Construction interrompue : rien n’a été écrit.\n');
    return 130;
  }
  if (error instanceof ContentError) {
    process.stderr.write(`\nErreur${error.problems.length > 1 ? 's' : ''} dans le contenu :\n`);
    for (const problem of error.problems) process.stderr.write(`  ${formatProblem(problem)}\n`);
    process.stderr.write('Rien n’a été écrit : la sortie précédente est conservée.\n');
    if (debug) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (error instanceof BrowserError) {
    process.stderr.write(`\n${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
  // Content and browser problems are named above: anything else is a defect of casebook itself.
  process.stderr.write(`\nErreur inattendue : ${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write('C’est un défaut de casebook, pas de votre contenu. Signalez-le avec la commande lancée, ce message et la sortie de --debug.\n');
  process.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : 'Relancez avec --debug pour le détail.\n');
  return 1;
}
