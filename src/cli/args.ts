import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export interface CommonArgs {
  contentDir: string;
  outDir: string;
  cache: boolean;
  quiet: boolean;
  debug: boolean;
  help: boolean;
  positionals: string[];
}

/** The options every command shares: --content, --out, --no-cache, --quiet, --debug. */
export function parseCommonArgs(argv: string[], usage: string): CommonArgs {
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
      },
    });
    return {
      contentDir: values.content,
      outDir: values.out,
      cache: values.cache,
      quiet: values.quiet,
      debug: values.debug,
      help: values.help,
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
