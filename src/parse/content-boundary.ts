import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** Where a local link or image of a case leads: a file inside the course, or why not. */
export type LocalTarget = { ok: true; path: string } | { ok: false; reason: 'missing' | 'outside' };

/** What a link's or an image's address names, percent-escapes decoded. */
export function linkTarget(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * Resolves a path written in a case, relative to the case file, and keeps it inside the content
 * folder: `../` that leaves it, an absolute path and a symlink pointing outside are all refused
 * (a course shared by others must not print a file of the trainer's machine).
 */
export function resolveLocal(contentDir: string, caseFile: string, written: string): LocalTarget {
  if (written === '' || isAbsolute(written) || /^[\\/]/.test(written)) return { ok: false, reason: written === '' ? 'missing' : 'outside' };
  const root = realRoot(contentDir);
  const path = resolve(root, dirname(caseFile), written);
  if (!inside(root, path)) return { ok: false, reason: 'outside' };
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { ok: false, reason: 'missing' };
  }
  return inside(root, real) ? { ok: true, path: real } : { ok: false, reason: 'outside' };
}

function realRoot(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
