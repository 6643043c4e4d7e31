import { UsageError } from '../errors.js';

export const defaultPort = 4173;

/** Takes `--port N` / `--port=N` out of the arguments the other commands share. */
export function splitPort(argv: string[], usage: string): { port: number; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--port') value = argv[++i] ?? '';
    else if (arg.startsWith('--port=')) value = arg.slice('--port='.length);
    else rest.push(arg);
  }
  if (value === undefined) return { port: defaultPort, rest };
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`--port attend un numéro de port entre 0 et 65535 (reçu « ${value} »).\n\n${usage}`);
  }
  return { port, rest };
}
