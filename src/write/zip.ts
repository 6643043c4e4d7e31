import { zipSync, type Zippable } from 'fflate';
import type { Output } from '../model.js';

/** A zip whose bytes depend only on its files and the given date (entries sorted, one mtime). */
export function zipOutputs(outputs: Output[], date: Date, prefix: string): Uint8Array {
  const files: Zippable = {};
  for (const output of [...outputs].sort((a, b) => a.path.localeCompare(b.path))) {
    files[`${prefix}/${output.path}`] = [output.bytes, { mtime: date, level: 6 }];
  }
  return zipSync(files, { mtime: date });
}
