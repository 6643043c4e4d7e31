import { grade } from '../grade.js';
import { defaultDirs } from '../build.js';
import { formatProblem } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';
import { runCommand, sourceDateEpoch } from './args.js';

const usage = `Usage : npm run grade -- [--content DIR] [--grades DIR] [--out DIR] [--no-cache] [--quiet] [--debug]

  Lit les notes (feuilles de notes CSV, grilles PDF remplies) et écrit seulement DIR/results/ :
  une fiche de retour par groupe et par cas, la synthèse de la classe et les résultats en CSV.

  --content DIR   dossier du cours (course.yaml et cases/) ; par défaut content
  --grades DIR    dossier des notes ; par défaut grades/ à côté du cours
  --out DIR       dossier de sortie ; par défaut dist
  --no-cache      redessine et réimprime tout
  --quiet         n’affiche que les erreurs
  --debug         affiche le détail technique des erreurs`;

await runCommand(usage, {}, async (args, signal) => {
  const report = await grade({
    contentDir: args.contentDir,
    outDir: args.outDir,
    gradesDir: args.gradesDir,
    cacheDir: args.cache ? defaultDirs.cache : undefined,
    sourceDateEpoch: sourceDateEpoch(),
    signal,
  });
  if (args.quiet) return;
  const d = dictionary(report.course.lang);
  for (const warning of report.warnings) process.stderr.write(`${format(d.workflow.warning, { problem: formatProblem(warning) })}\n`);
  const feedback = report.outputs.filter((o) => o.audience === 'student').length;
  process.stderr.write(`${format(d.grading.messages.written, { feedback, dir: `${args.outDir}/results` })}\n`);
  for (const output of report.outputs) process.stderr.write(`  ${output.path}\n`);
});
