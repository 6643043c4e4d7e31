import { grade } from '../grade.js';
import { formatProblem } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';
import { defaultDirs } from '../project.js';
import { runCommand, sourceDateEpoch } from './args.js';

await runCommand('grade', {}, async (args, signal, lang) => {
  const report = await grade({
    contentDir: args.contentDir,
    outDir: args.outDir,
    gradesDir: args.gradesDir,
    cacheDir: args.cache ? defaultDirs.cache : undefined,
    sourceDateEpoch: sourceDateEpoch(),
    signal,
  });
  if (args.quiet) return;
  const d = dictionary(lang);
  for (const warning of report.warnings) process.stderr.write(`${format(d.workflow.warning, { problem: formatProblem(warning) })}\n`);
  const feedback = report.outputs.filter((o) => o.audience === 'student').length;
  process.stderr.write(`${format(d.grading.messages.written, { feedback, dir: `${args.outDir}/results` }, lang)}\n`);
  for (const output of report.outputs) process.stderr.write(`  ${output.path}\n`);
});
