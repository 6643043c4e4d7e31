// Runs a casebook command (build, check, dev, new-case) from its TypeScript sources, compiled by
// esbuild into one JavaScript file per command under .cache/casebook/cli/ and reused until a
// source changes. Node then loads the libraries natively: through a TypeScript loader's hooks
// (tsx), loading Puppeteer, pdfjs and the unified plugins cost more than a second per build.
import { build, version } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const commands = ['build', 'check', 'dev', 'new-case'];
const [command] = process.argv.splice(2, 1);
if (!commands.includes(command)) {
  process.stderr.write(`Usage: node scripts/casebook.mjs <${commands.join('|')}> [options]\n`);
  process.exit(2);
}
// Stack traces point into src/ only when asked for: mapping them costs start-up time.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

const sources = (await readdir(join(root, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
const hash = createHash('sha256').update(`${version}\0${process.version}\0`);
for (const file of sources) hash.update(`${file}\0`).update(await readFile(join(root, 'src', file))).update('\0');
const dir = join(root, '.cache/casebook/cli');
const bundle = join(dir, `${command}-${hash.digest('hex').slice(0, 16)}.mjs`);

if (!existsSync(bundle)) {
  await mkdir(dir, { recursive: true });
  // Written aside then renamed: two commands started at once never run half a file.
  const temporary = `${bundle}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [join(root, 'src/cli', `${command}.ts`)],
    outfile: temporary,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  await rename(temporary, bundle);
  // Bundles of older sources are of no use any more.
  for (const old of await readdir(dir)) {
    if (old.startsWith(`${command}-`) && join(dir, old) !== bundle && !old.includes('.tmp')) await rm(join(dir, old), { force: true });
  }
}
await import(pathToFileURL(bundle).href);
