import { check } from '../check.js';
import { formatProblem } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';
import { runCommand } from './args.js';

const usage = `Usage : npm run check -- [--content DIR] [--grades DIR] [--quiet] [--debug]

  Vérifie tout le cours (métadonnées, Markdown, liens, schémas Mermaid) sans imprimer de PDF.

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content
  --grades DIR    dossier des notes, vérifiées aussi ; par défaut grades/ à côté du cours
  --quiet         n’affiche que les erreurs
  --debug         affiche le détail technique des erreurs`;

await runCommand(usage, {}, async (args, signal) => {
  const report = await check({ contentDir: args.contentDir, gradesDir: args.gradesDir, signal });
  if (args.quiet) return;
  const w = dictionary(report.course.lang).workflow;
  for (const warning of report.warnings) process.stderr.write(`${format(w.warning, { problem: formatProblem(warning) })}\n`);
  process.stderr.write(`${format(w.checkOk, { cases: report.course.cases.length, diagrams: report.diagrams })}\n`);
});
