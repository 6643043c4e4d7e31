import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { dictionary, format, systemLang, type Dictionary } from '../i18n/index.js';
import { courseLanguage } from '../load/load-course.js';
import { isOlderNode, minimumNode } from './node-version.js';
import { runCli } from './run-cli.js';
import { usageText, type Command } from './usage.js';

export type { Command };

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

/** A usage error: what is wrong, then the command's usage. */
export function usageError(command: Command, problem: (d: Dictionary) => string): UsageError {
  return new UsageError((d) => `${problem(d)}\n\n${usageText(d, command)}`);
}

/** The options every command shares: --content, --out, --no-cache, --quiet, --debug. */
export function parseCommonArgs(argv: string[], command: Command, options: { port?: boolean } = {}): CommonArgs {
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
    throw usageError(command, (d) => argsProblem(error as NodeJS.ErrnoException, d));
  }
}

/** Node's own reason, in English, said in the command's words where we know its kind. */
function argsProblem(error: NodeJS.ErrnoException, d: Dictionary): string {
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  if (option && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return format(d.cli.unknownOption, { option });
  if (option && error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return format(d.cli.missingValue, { option: option.split(' ')[0]! });
  return format(d.cli.badOption, { reason: error.message });
}

export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError((d) => format(d.cli.badEpoch, { value }));
  return Number(value);
}

export interface CommandOptions {
  /** Words after the options (a case name); refused otherwise. */
  positionals?: boolean;
  port?: boolean;
}

/**
 * Runs a command: its options parsed, --help printed, errors reported with their exit code, every
 * message in the course's language once the content folder is known (the system's before).
 */
export function runCommand(
  command: Command,
  options: CommandOptions,
  main: (args: CommonArgs, signal: AbortSignal, lang: string) => Promise<void>,
): Promise<void> {
  const argv = process.argv.slice(2);
  const system = systemLang(process.env);
  // Before anything an older Node lacks fails as a defect of casebook's.
  if (isOlderNode(process.versions.node)) {
    process.stderr.write(`${format(dictionary(system).cli.nodeTooOld, { minimum: minimumNode, version: process.versions.node })}\n`);
    process.exitCode = 1;
    return Promise.resolve();
  }
  return runCli(async (signal, speech) => {
    const args = parseCommonArgs(argv, command, options);
    if (args.help) {
      process.stdout.write(`${usageText(dictionary(system), command)}\n`);
      return;
    }
    if (!options.positionals && args.positionals.length > 0) {
      throw usageError(command, (d) => format(d.cli.unexpectedArgument, { args: args.positionals.join(' ') }));
    }
    speech.lang = await courseLanguage(args.contentDir, process.env);
    await main(args, signal, speech.lang);
  }, argv.includes('--debug'), system);
}
