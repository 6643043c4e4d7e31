// Compiles a TypeScript entry point with esbuild into JavaScript under .cache/casebook/js/,
// reused until a source changes. Node then loads the libraries natively: through a TypeScript
// loader's hooks (tsx), loading Puppeteer, pdfjs and the unified plugins cost more than a second
// per build. Code is split at dynamic `import()`s, so a command loads a stage's libraries only
// when it reaches that stage (a rebuild where nothing changed loads none of them).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
  // Everything under src/, and the entry's own folder when it lives elsewhere (bench/).
  const dirs = [...new Set(['src', dirname(entry).split('/')[0]])];
  for (const dir of dirs) {
    const files = (await readdir(join(root, dir), { recursive: true })).filter((f) => /\.(ts|mts|mjs|json)$/.test(f)).sort();
    for (const file of files) hash.update(`${dir}/${file}\0`).update(await readFile(join(root, dir, file))).update('\0');
  }
  const folder = join(outDir, `${name}-${hash.digest('hex').slice(0, 16)}`);
  const main = join(folder, 'main.mjs');
  if (existsSync(main)) return main;

  const { build } = await import('esbuild');
  await mkdir(outDir, { recursive: true });
  // Written aside then renamed: two commands started at once never run half a compilation.
  const temporary = `${folder}.${process.pid}.tmp`;
  await build({
    entryPoints: { main: join(root, entry) },
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'error',
  });
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
