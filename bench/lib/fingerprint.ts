import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A hash of everything a build's output depends on besides the course (src/, templates/,
 * styles/): the bench shares the repository with people editing it, and a change in the middle
 * of a measurement (a cache that misses, a slower stage) must be flagged, not believed.
 */
export async function sourceFingerprint(root: string, dirs = ['src', 'templates', 'styles']): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
    for (const file of files) hash.update(file).update('\0').update(await readFile(file).catch(() => Buffer.alloc(0))).update('\0');
  }
  return hash.digest('hex');
}
