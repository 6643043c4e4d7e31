import type { UsageError } from '../errors.js';
import { format, type Dictionary } from '../i18n/index.js';

export const defaultPort = 4173;

/** The value of `--port`: a port number, 0 for any free one. */
export function parsePort(value: string | undefined, usageError: (problem: (d: Dictionary) => string) => UsageError): number {
  if (value === undefined) return defaultPort;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw usageError((d) => format(d.cli.badPort, { value }));
  return port;
}
