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
await import(pathToFileURL(await compile(`src/cli/${command}.ts`, command)).href);
