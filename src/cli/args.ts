import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { runCli } from './run-cli.js';

export interface CommonArgs {
  contentDir: string;
  outDir: string;
  cache: boolean;
  quiet: boolean;
  debug: boolean;
  help: boolean;
  /** `--grades`: the trainer's grades; `grades/` beside the content folder by default. */
  gradesDir?: string;
  /** `--port`, for the commands that serve pages. */
  port?: string;
  positionals: string[];
}

/** The options every command shares: --content, --out, --no-cache, --quiet, --debug. */
export function parseCommonArgs(argv: string[], usage: string, options: { port?: boolean } = {}): CommonArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: 'dist' },
        cache: { type: 'boolean', default: true },
        quiet: { type: 'boolean', short: 'q', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        grades: { type: 'string' },
        ...(options.port ? { port: { type: 'string' as const } } : {}),
      },
    });
    return {
      contentDir: values.content,
      outDir: values.out,
      cache: values.cache,
      quiet: values.quiet,
      debug: values.debug,
      help: values.help,
      gradesDir: values.grades,
      port: values.port as string | undefined,
      positionals,
    };
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
}

export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`SOURCE_DATE_EPOCH doit être un nombre de secondes (reçu « ${value} »).`);
  return Number(value);
}

export interface CommandOptions {
  /** Words after the options (a case name); refused otherwise. */
  positionals?: boolean;
  port?: boolean;
}

/** Runs a command: its options parsed, --help printed, errors reported with their exit code. */
export function runCommand(
  usage: string,
  options: CommandOptions,
  main: (args: CommonArgs, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const argv = process.argv.slice(2);
  return runCli(async (signal) => {
    const args = parseCommonArgs(argv, usage, options);
    if (args.help) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    if (!options.positionals && args.positionals.length > 0) {
      throw new UsageError(`Argument inattendu : ${args.positionals.join(' ')}\n\n${usage}`);
    }
    await main(args, signal);
  }, argv.includes('--debug'));
}
