import { mkdir, rename, rm, writeFile, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ContentError } from '../errors.js';
import { dictionary, format } from '../i18n/index.js';
import type { Output } from '../model.js';

/**
 * Writes every file into a temporary folder beside the output, then swaps it in: the previous
 * output stays whole until the new one is complete.
 */
export async function writeOutput(outDir: string, outputs: Output[]): Promise<void> {
  const target = resolve(outDir);
  const staging = join(dirname(target), `.${basename(target)}.new-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const output of outputs) {
      const path = join(staging, output.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, output.bytes);
    }
    const hadPrevious = await rename(target, previous).then(() => true, () => false);
    await rename(staging, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
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
