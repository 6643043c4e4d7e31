// Compiles a TypeScript entry point with esbuild into one JavaScript file under
// .cache/casebook/js/, reused until a source changes. Node then loads the libraries natively:
// through a TypeScript loader's hooks (tsx), loading Puppeteer, pdfjs and the unified plugins
// cost more than a second per build.
import { build, version } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, '.cache/casebook/js');

/**
 * @param {string} entry path of the entry point, relative to the project
 * @param {string} name the compiled file's name, without extension
 * @returns {Promise<string>} the compiled file's absolute path
 */
export async function compile(entry, name) {
  const hash = createHash('sha256').update(`${version}\0${process.version}\0${entry}\0`);
  // Everything under src/, and the entry's own folder when it lives elsewhere (bench/).
  const dirs = [...new Set(['src', dirname(entry).split('/')[0]])];
  for (const dir of dirs) {
    const files = (await readdir(join(root, dir), { recursive: true })).filter((f) => /\.(ts|mts|json)$/.test(f)).sort();
    for (const file of files) hash.update(`${dir}/${file}\0`).update(await readFile(join(root, dir, file))).update('\0');
  }
  const bundle = join(outDir, `${name}-${hash.digest('hex').slice(0, 16)}.mjs`);
  if (existsSync(bundle)) return bundle;

  await mkdir(outDir, { recursive: true });
  // Written aside then renamed: two commands started at once never run half a file.
  const temporary = `${bundle}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [join(root, entry)],
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
  // Compilations of older sources are of no use any more.
  for (const old of await readdir(outDir)) {
    if (old.startsWith(`${name}-`) && !old.includes('.tmp') && join(outDir, old) !== bundle) await rm(join(outDir, old), { force: true });
  }
  return bundle;
}
