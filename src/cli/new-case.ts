import { dictionary, format } from '../i18n/index.js';
import { createCase } from '../new-case/create-case.js';
import { runCommand, usageError } from './args.js';

await runCommand('newCase', { positionals: true }, async (args, _signal, lang) => {
  // An unquoted name arrives as several words.
  const name = args.positionals.join(' ').trim();
  if (name === '') throw usageError('newCase', (d) => d.cli.noCaseName);
  const created = await createCase(args.contentDir, name);
  if (!args.quiet) process.stderr.write(`${format(dictionary(lang).workflow.caseCreated, { file: created.file })}\n`);
});
