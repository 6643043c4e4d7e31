import { runDev } from '../dev/dev-loop.js';
import { parsePort } from '../dev/port.js';
import { UsageError } from '../errors.js';
import { format } from '../i18n/index.js';
import { runCommand, usageError } from './args.js';

await runCommand('dev', { port: true }, async (args, signal, lang) => {
  const port = parsePort(args.port, (problem) => usageError('dev', problem));
  await runDev({
    contentDir: args.contentDir,
    outDir: args.outDir,
    port,
    cache: args.cache,
    lang,
    signal,
    say: (line) => process.stderr.write(`${line}\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError((d) => format(d.cli.portInUse, { port }));
    throw error;
  });
});
