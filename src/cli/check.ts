import { check } from '../check.js';
import { formatProblem, UsageError } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';
import { parseCommonArgs } from './args.js';
import { runCli } from './run-cli.js';

const usage = `Usage : npm run check -- [--content DIR] [--quiet] [--debug]

  Vérifie tout le cours (métadonnées, Markdown, liens, schémas Mermaid) sans imprimer de PDF.

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content
  --quiet         n’affiche que les erreurs
  --debug         affiche le détail technique des erreurs`;

const argv = process.argv.slice(2);

await runCli(async (signal) => {
  const args = parseCommonArgs(argv, usage);
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (args.positionals.length > 0) throw new UsageError(`Argument inattendu : ${args.positionals.join(' ')}\n\n${usage}`);
  const report = await check({ contentDir: args.contentDir, signal });
  if (args.quiet) return;
  const w = dictionary(report.course.lang).workflow;
  for (const warning of report.warnings) process.stderr.write(`${format(w.warning, { problem: formatProblem(warning) })}\n`);
  process.stderr.write(`${format(w.checkOk, { cases: report.course.cases.length, diagrams: report.diagrams })}\n`);
}, argv.includes('--debug'));
