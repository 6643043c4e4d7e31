// Compiles a TypeScript entry point with esbuild into JavaScript under .cache/casebook/js/,
// reused until a source, this file or the lock file changes. The libraries are bundled in with
// casebook's own code: Node then reads a few large files instead of resolving, reading and
// linking some four hundred small modules one by one (loading the renderer: 0.7 s → 0.2 s;
// Puppeteer and pdf-lib load faster too). Through a TypeScript loader's hooks (tsx) it was over
// a second more. Code is split at dynamic `import()`s, so a command loads a stage's libraries
// only when it reaches that stage (a rebuild where nothing changed loads none of them); which
// packages each file holds is written beside it (`bundled.json`), for the tests that check it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, '.cache/casebook/js');
// Read from its package.json: loading esbuild itself takes longer than most no-op commands.
const esbuildVersion = JSON.parse(readFileSync(join(root, 'node_modules/esbuild/package.json'), 'utf8')).version;

/**
 * @param {string} entry path of the entry point, relative to the project
 * @param {string} name the compiled folder's name, without hash
 * @returns {Promise<string>} the compiled entry's absolute path
 */
export async function compile(entry, name) {
  const hash = createHash('sha256').update(`${esbuildVersion}\0${process.version}\0${entry}\0`);
  // How it is compiled, and which versions of the libraries it holds.
  for (const file of ['scripts/compile.mjs', 'package-lock.json']) hash.update(readFileSync(join(root, file))).update('\0');
  // Everything under src/, and the entry's own folder when it lives elsewhere (bench/).
  const dirs = [...new Set(['src', dirname(entry).split('/')[0]])];
  for (const dir of dirs) {
    // Read synchronously: two hundred files awaited one by one were most of a no-op command's time.
    const files = readdirSync(join(root, dir), { recursive: true }).filter((f) => /\.(ts|mts|mjs|json)$/.test(f)).sort();
    for (const file of files) hash.update(`${dir}/${file}\0`).update(readFileSync(join(root, dir, file))).update('\0');
  }
  const folder = join(outDir, `${name}-${hash.digest('hex').slice(0, 16)}`);
  const main = join(folder, 'main.mjs');
  if (existsSync(main)) return main;

  const { build } = await import('esbuild');
  await mkdir(outDir, { recursive: true });
  // Written aside then renamed: two commands started at once never run half a compilation.
  const temporary = `${folder}.${process.pid}.tmp`;
  const { metafile } = await build({
    entryPoints: { main: join(root, entry) },
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    // Loaded as they are: pdfjs by its worker thread (src/verify/pdf-text-worker.mjs), and
    // cosmiconfig, with which Puppeteer reads .puppeteerrc.cjs (its loader needs its own __filename).
    external: ['pdfjs-dist', 'cosmiconfig'],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Beside the code, read only when --debug asks for stack traces into src/.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    // CommonJS libraries (yaml, handlebars) require Node's own modules: an ES module has no
    // `require` of its own, so each file gets one (esbuild's documented workaround).
    banner: { js: "import { createRequire as __casebookRequire } from 'node:module'; const require = __casebookRequire(import.meta.url);" },
    logLevel: 'error',
  });
  await writeFile(join(temporary, 'bundled.json'), `${JSON.stringify(bundledPackages(metafile), null, 1)}\n`);
  await rename(temporary, folder).catch(async (error) => {
    // Another command compiled the same sources first: use its folder.
    await rm(temporary, { recursive: true, force: true });
    if (!existsSync(main)) throw error;
  });
  // Compilations of older sources are of no use any more.
  for (const old of await readdir(outDir)) {
    if (old.startsWith(`${name}-`) && !old.includes('.tmp') && join(outDir, old) !== folder) await rm(join(outDir, old), { recursive: true, force: true });
  }
  return main;
}

/**
 * For each compiled file, the packages bundled into it.
 * @param {import('esbuild').Metafile} metafile
 * @returns {Record<string, string[]>}
 */
function bundledPackages(metafile) {
  const packages = {};
  for (const [file, { inputs }] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.mjs')) continue;
    const names = Object.keys(inputs).map((input) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]).filter((name) => name !== undefined);
    packages[basename(file)] = [...new Set(names)].sort();
  }
  return packages;
}
