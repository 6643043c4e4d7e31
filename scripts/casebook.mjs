// `npm run build:pdf | check | dev | new:case | import | grade`: runs a casebook command from its TypeScript
// sources, compiled once (scripts/compile.mjs) and reused until a source changes.
import { pathToFileURL } from 'node:url';
import { compile } from './compile.mjs';
import { tuneV8ForBuild } from './v8-flags.mjs';

const commands = ['build', 'check', 'dev', 'new-case', 'import', 'grade'];
const [command] = process.argv.splice(2, 1);
if (!commands.includes(command)) {
  process.stderr.write(`Usage: node scripts/casebook.mjs <${commands.join('|')}> [options]\n`);
  process.exit(2);
}
if (['build', 'dev', 'grade'].includes(command)) tuneV8ForBuild();
// Stack traces point into src/ only when asked for: mapping them costs start-up time.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
try {
  await import(pathToFileURL(await compile(`src/cli/${command}.ts`, command)).href);
} catch (error) {
  // A package.json newer than the installed packages (casebook updated, `npm ci` not run again),
  // found while loading the command, before it can speak the course's language: one line saying
  // what to do rather than a stack trace. Later, the command says it itself (src/cli/run-cli.ts).
  const missing = ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND'].includes(error?.code) || /Could not resolve "/.test(String(error?.message));
  if (!missing) throw error;
  process.stderr.write(`casebook: ${String(error.message).split('\n')[0]}. Run \`npm ci\`, then the command again.\n`);
  process.exitCode = 1;
}
