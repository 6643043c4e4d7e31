import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../errors.js';
import { dictionary, format, systemLang } from '../i18n/index.js';
import { importWords } from '../i18n/import.js';
import { formatDecision } from '../import/decisions.js';
import { importDocument } from '../import/import-document.js';
import { readDocument } from '../import/read-document.js';
import { guessLanguage } from '../import/vocabulary.js';
import { checkTarget, writeCourse } from '../import/write-course.js';
import { usageError } from './args.js';
import { usageText } from './usage.js';
import { runCli } from './run-cli.js';

// `npm run import -- atelier.md --content DIR [--force]`: a trainer's document becomes a course folder.
const argv = process.argv.slice(2);
const system = systemLang(process.env);

await runCli(async (_signal, speech) => {
  const args = parse(argv);
  if (args.help) {
    process.stdout.write(`${usageText(dictionary(system), 'import')}\n`);
    return;
  }
  const doc = await readDocument(args.file, system);
  // The document's language, once guessed, is the one its messages are in.
  speech.lang = guessLanguage(doc.source.text);
  const imported = importDocument(doc, args.content);
  await checkTarget(args.content, args.force, imported.lang);
  await writeCourse(args.content, imported.files);
  if (args.quiet) return;
  const r = importWords(imported.lang).report;
  const say = (line: string) => process.stderr.write(`${line}\n`);
  say(r.decisions);
  say(`  ${format(r.language, { lang: imported.lang })}`);
  // Read before its language was known: the decoding note is said again in the document's.
  if (doc.source.warnings.length > 0) say(`  ${doc.source.file} — ${dictionary(imported.lang).messages.decodedWindows1252}`);
  for (const decision of imported.decisions) say(`  ${formatDecision(decision, doc.source.file, imported.lang)}`);
  for (const warning of imported.warnings) say(`  ${formatProblem(warning)}`);
  const near = relative(process.cwd(), args.content);
  const dir = near === '' || near.startsWith('..') ? args.content : near;
  say(`\n${format(r.written, { dir, cases: imported.course.cases.length }, imported.lang)}`);
}, argv.includes('--debug'), system);

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
    throw usageError('import', (d) => format(d.cli.badOption, { reason: (error as Error).message }));
  }
  const { values, positionals } = parsed;
  if (values.help) return { file: '', content: '', force: false, quiet: false, help: true };
  if (positionals.length !== 1) throw usageError('import', (d) => d.cli.noImportFile);
  if (!values.content) throw usageError('import', (d) => d.cli.noImportContent);
  return { file: positionals[0]!, content: values.content, force: values.force, quiet: values.quiet, help: false };
}
