import { check } from '../check.js';
import { formatProblem } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';
import { runCommand } from './args.js';

await runCommand('check', {}, async (args, signal, lang) => {
  const report = await check({ contentDir: args.contentDir, gradesDir: args.gradesDir, signal });
  if (args.quiet) return;
  const w = dictionary(lang).workflow;
  for (const warning of report.warnings) process.stderr.write(`${format(w.warning, { problem: formatProblem(warning) })}\n`);
  process.stderr.write(`${format(w.checkOk, { cases: report.course.cases.length, diagrams: report.diagrams }, lang)}\n`);
});
