import { mkdir, readdir, rename, rm, writeFile, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ContentError } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';
import type { Output } from '../model.js';

/**
 * Left in every folder casebook writes: a build replaces a folder whole only when it is empty,
 * holds this file, or holds nothing but what the build writes (an output of an older casebook).
 */
export const outputMarker = '.casebook-output';

/**
 * Writes every file into a temporary folder beside the output, then swaps it in: the previous
 * output stays whole until the new one is complete. A folder that is not casebook's (the course
 * itself, the project, a file named by mistake) is never replaced.
 */
export async function writeOutput(outDir: string, outputs: Output[], lang: string): Promise<void> {
  const target = resolve(outDir);
  await assertReplaceable(target, outDir, outputs, lang);
  const staging = join(dirname(target), `.${basename(target)}.new-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const output of outputs) {
      const path = join(staging, output.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, output.bytes);
    }
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, outputMarker), `${dictionary(lang).errors.outputMarkerText}\n`);
    const hadPrevious = await rename(target, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        // Windows refuses to move a folder one of whose files is open (a PDF reader): the trainer's to close, not a defect.
        throw new ContentError([{ place: { file: outDir }, message: format(dictionary(lang).errors.outputInUse, { reason: error.code ?? error.message }) }]);
      },
    );
    await rename(staging, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function assertReplaceable(target: string, outDir: string, outputs: Output[], lang: string): Promise<void> {
  const e = dictionary(lang).errors;
  let entries: string[];
  try {
    entries = await readdir(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new ContentError([{ place: { file: outDir }, message: e.outputIsFile }]);
    throw error;
  }
  if (entries.includes(outputMarker)) return;
  const written = new Set(outputs.map((output) => output.path.split('/')[0]));
  const foreign = entries.find((entry) => !written.has(entry));
  if (foreign !== undefined) throw new ContentError([{ place: { file: outDir }, message: format(e.outputNotOurs, { entry: foreign }) }]);
}

/** One build at a time per output folder: a second one stops instead of interleaving files. */
export async function lockOutput(outDir: string, lang: string): Promise<() => Promise<void>> {
  const e = dictionary(lang).errors;
  const target = resolve(outDir);
  const lock = join(dirname(target), `.${basename(target)}.lock`);
  await mkdir(dirname(target), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'pid'), String(process.pid));
      return () => rm(lock, { recursive: true, force: true });
    } catch {
      const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => '0'));
      if (owner && isAlive(owner)) {
        throw new ContentError([{ place: { file: outDir }, message: format(e.outputBusy, { pid: owner }) }]);
      }
      // Left by a build that was killed: take it over.
      await rm(lock, { recursive: true, force: true });
    }
  }
  throw new ContentError([{ place: { file: outDir }, message: e.outputLocked }]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
