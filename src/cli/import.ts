import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, UsageError } from '../errors.js';
import { format } from '../i18n/index.js';
import { importWords } from '../i18n/import.js';
import { formatDecision } from '../import/decisions.js';
import { importDocument } from '../import/import-document.js';
import { readDocument } from '../import/read-document.js';
import { checkTarget, writeCourse } from '../import/write-course.js';
import { runCli } from './run-cli.js';

// `npm run import -- atelier.md --content DIR [--force]`: a trainer's document becomes a course folder.
const usage = importWords('fr').report.usage;
const argv = process.argv.slice(2);

await runCli(async () => {
  const args = parse(argv);
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const doc = await readDocument(args.file);
  const imported = importDocument(doc, args.content);
  await checkTarget(args.content, args.force, imported.lang);
  await writeCourse(args.content, imported.files);
  if (args.quiet) return;
  const r = importWords(imported.lang).report;
  const say = (line: string) => process.stderr.write(`${line}\n`);
  say(r.decisions);
  say(`  ${format(r.language, { lang: imported.lang })}`);
  for (const warning of doc.source.warnings) say(`  ${doc.source.file} — ${warning}`);
  for (const decision of imported.decisions) say(`  ${formatDecision(decision, doc.source.file, imported.lang)}`);
  for (const warning of imported.warnings) say(`  ${formatProblem(warning)}`);
  const near = relative(process.cwd(), args.content);
  const dir = near === '' || near.startsWith('..') ? args.content : near;
  say(`\n${format(r.written, { dir, cases: imported.course.cases.length })}`);
}, argv.includes('--debug'));

function parse(args: string[]): { file: string; content: string; force: boolean; quiet: boolean; help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        force: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  const r = importWords('fr').report;
  if (values.help) return { file: '', content: '', force: false, quiet: false, help: true };
  if (positionals.length !== 1) throw new UsageError(`${r.noFile}\n\n${usage}`);
  if (!values.content) throw new UsageError(`${r.noContent}\n\n${usage}`);
  return { file: positionals[0]!, content: values.content, force: values.force, quiet: values.quiet, help: false };
}
