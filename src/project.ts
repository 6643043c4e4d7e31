import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The casebook folder (templates/, styles/, .cache/), found upwards from this module: it runs
 * from src/ (tests) or from a compiled command under .cache/casebook/js/ (scripts/compile.mjs).
 */
export const projectDir = findProject(dirname(fileURLToPath(import.meta.url)));

/**
 * casebook's own folders: the templates and styles a course is printed with, and the builds'
 * cache (pruned, see `Cache.prune`: the compiled commands live beside it, in .cache/casebook/js/).
 */
export const defaultDirs = {
  templates: join(projectDir, 'templates'),
  styles: join(projectDir, 'styles'),
  cache: join(projectDir, '.cache/casebook/store'),
};

function findProject(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isCasebook(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`casebook’s package.json not found above ${from}`);
  }
}

function isCasebook(packageJson: string): boolean {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { name?: string }).name === 'casebook';
  } catch {
    return false;
  }
}

/** The grades folder beside a content folder: `grades/` next to `content/`. */
export function defaultGradesDir(contentDir: string): string {
  return join(dirname(join(contentDir, '.')), 'grades');
}
