import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const realContentDir = fileURLToPath(new URL('../../content/', import.meta.url));

export async function tempDir(prefix = 'casebook-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A copy of a fixture course (or the real content) that a test may edit. */
export async function copyCourse(from: string): Promise<string> {
  const dir = join(await tempDir(), 'content');
  await cp(from, dir, { recursive: true });
  return dir;
}
