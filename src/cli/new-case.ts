import { UsageError } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';
import { createCase } from '../new-case/create-case.js';
import { runCommand } from './args.js';

const usage = `Usage : npm run new:case -- "Nom du cas" [--content DIR]

  Crée cases/cas-<numéro suivant>-<nom>.md, prêt à compléter, dans le dossier du cours.

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content`;

await runCommand(usage, { positionals: true }, async (args) => {
  // An unquoted name arrives as several words.
  const name = args.positionals.join(' ').trim();
  if (name === '') throw new UsageError(`Indiquez le nom du cas.\n\n${usage}`);
  const created = await createCase(args.contentDir, name);
  if (!args.quiet) process.stderr.write(`${format(dictionary(created.lang).workflow.caseCreated, { file: created.file })}\n`);
});
