import { UsageError } from '../errors.js';

export const defaultPort = 4173;

/** The value of `--port`: a port number, 0 for any free one. */
export function parsePort(value: string | undefined, usage: string): number {
  if (value === undefined) return defaultPort;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`--port attend un numéro de port entre 0 et 65535 (reçu « ${value} »).\n\n${usage}`);
  }
  return port;
}
