import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

/**
 * What the last successful build into an output folder was made from and what it wrote. A build
 * whose inputs hash the same, into a folder that still holds exactly those files, has nothing to
 * do: the command says so at once, without loading a renderer, a browser or a PDF library.
 */
export interface BuildStamp {
  key: string;
  lang: string;
  /** Every file of the output folder as written: path, size and modification time. */
  files: StampedFile[];
  /** What the build printed at its end (warnings, the list of files), said again when nothing changed. */
  summary: string[];
}

interface StampedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface StampInputs {
  /** Folders and files the build reads: the course, templates, styles, casebook's own code. */
  paths: string[];
  outDir: string;
  /** Everything else that changes the bytes: the build date, the browser. */
  settings: Record<string, string | undefined>;
}

/**
 * The hash of every input's bytes and name. Read synchronously: some three hundred small files,
 * each awaited in turn, cost a round trip through libuv's thread pool apiece (half the time of
 * a build where nothing changed, on a loaded machine).
 */
export async function stampKey(inputs: StampInputs): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ out: resolve(inputs.outDir), ...inputs.settings }));
  for (const path of inputs.paths) {
    for (const file of filesUnder(path)) hash.update(`\0${file}\0`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

export async function readStamp(stampsDir: string, outDir: string): Promise<BuildStamp | undefined> {
  const text = await readFile(stampPath(stampsDir, outDir), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as BuildStamp;
  } catch {
    return undefined;
  }
}

/** True when the stamp was made from these inputs and the folder holds what that build wrote, untouched. */
export async function isUpToDate(stamp: BuildStamp | undefined, key: string, outDir: string): Promise<boolean> {
  if (!stamp || stamp.key !== key) return false;
  const now = await outputFiles(outDir).catch(() => undefined);
  return now !== undefined && sameFiles(now, stamp.files);
}

export async function writeStamp(stampsDir: string, outDir: string, stamp: Omit<BuildStamp, 'files'>): Promise<void> {
  const path = stampPath(stampsDir, outDir);
  await mkdir(stampsDir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ ...stamp, files: await outputFiles(outDir) }));
  await rename(temporary, path);
}

function stampPath(stampsDir: string, outDir: string): string {
  return join(stampsDir, `${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16)}.json`);
}

async function outputFiles(outDir: string): Promise<StampedFile[]> {
  return filesUnder(outDir).map((file) => {
    const s = statSync(file);
    return { path: relative(outDir, file), size: s.size, mtimeMs: s.mtimeMs };
  });
}

function sameFiles(a: StampedFile[], b: StampedFile[]): boolean {
  const key = (f: StampedFile) => `${f.path}\0${f.size}\0${f.mtimeMs}`;
  const set = new Set(b.map(key));
  return a.length === b.length && a.every((f) => set.has(key(f)));
}

/** Every file under a folder (or the file itself), sorted; nothing when it does not exist. */
function filesUnder(path: string): string[] {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return [];
  if (!s.isDirectory()) return [path];
  const entries = readdirSync(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
