import { zipSync, type Zippable } from 'fflate';
import type { Output } from '../model.js';

/** A zip whose bytes depend only on its files and the given date (entries sorted, one mtime). */
export function zipOutputs(outputs: Output[], date: Date, prefix: string): Uint8Array {
  const files: Zippable = {};
  for (const output of [...outputs].sort((a, b) => a.path.localeCompare(b.path))) {
    // Fonts are compressed already; the fastest level gives PDFs and HTML all but 1 % of level 6.
    files[`${prefix}/${output.path}`] = [output.bytes, { mtime: date, level: output.path.endsWith('.woff2') ? 0 : 1 }];
  }
  return zipSync(files, { mtime: date });
}
