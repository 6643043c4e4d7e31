import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const bytesKeys = new WeakMap<Uint8Array, string>();

const day = 24 * 60 * 60 * 1000;
/** An entry no build has read or written for this long is deleted. */
const unusedFor = 30 * day;
/** How often a build looks for such entries. */
const pruneEvery = day;
const prunedMarker = '.pruned';

/**
 * A content-addressed store under a git-ignored folder: a key is the hash of everything the
 * entry depends on, so a changed input simply misses and nothing is ever invalidated by hand.
 */
export class Cache {
  /** Entries being written while the build goes on (`later`). */
  private readonly writes: Promise<unknown>[] = [];

  constructor(
    private readonly dir: string | undefined,
    readonly stats = { hits: 0, misses: 0 },
  ) {}

  /**
   * Entries written in the background: a document goes on to its finishing while its print is
   * written, instead of waiting behind the compressions that fill Node's thread pool (a fifth of
   * a second per document at the end of an edit). `written()` waits for them.
   */
  later(writing: Promise<unknown>): void {
    writing.catch(() => undefined);
    this.writes.push(writing);
  }

  /** Once every entry given to `later` is written; fails as the first that failed. */
  async written(): Promise<void> {
    await Promise.all(this.writes.splice(0));
  }

  static key(...parts: (string | Uint8Array)[]): string {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part).update('\0');
    return hash.digest('hex');
  }

  /** A file's own key, hashed once however many keys it goes into (the packs', the leak guards'). */
  static bytesKey(bytes: Uint8Array): string {
    let key = bytesKeys.get(bytes);
    if (key === undefined) {
      key = Cache.key(bytes);
      bytesKeys.set(bytes, key);
    }
    return key;
  }

  async get(kind: string, key: string): Promise<Buffer | undefined> {
    if (!this.dir) return undefined;
    const path = this.path(kind, key);
    const found = await readFile(path).catch(() => undefined);
    if (found) {
      this.stats.hits++;
      // Used again: pruning goes by the date of last use.
      const now = new Date();
      await utimes(path, now, now).catch(() => undefined);
    } else this.stats.misses++;
    return found;
  }

  async put(kind: string, key: string, bytes: Uint8Array | string): Promise<void> {
    if (!this.dir) return;
    const path = this.path(kind, key);
    await mkdir(join(this.dir, kind), { recursive: true });
    // Written aside then renamed: a concurrent build never reads half an entry.
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }

  /**
   * Deletes the entries no build has used for a month, at most once a day: each edit adds prints
   * and files of its own (some 10 MB for a four-case course) that no build reads again. Returns
   * how many were deleted.
   */
  async prune(now = Date.now()): Promise<number> {
    if (!this.dir) return 0;
    const marker = join(this.dir, prunedMarker);
    const last = await stat(marker).then((s) => s.mtimeMs, () => undefined);
    if (last !== undefined && now - last < pruneEvery) return 0;
    await mkdir(this.dir, { recursive: true });
    await writeFile(marker, '');
    await utimes(marker, new Date(now), new Date(now));
    let deleted = 0;
    for (const entry of await readdir(this.dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name === prunedMarker) continue;
      const path = join(entry.parentPath, entry.name);
      const used = await stat(path).then((s) => s.mtimeMs, () => now);
      if (now - used < unusedFor) continue;
      await rm(path, { force: true });
      deleted++;
    }
    return deleted;
  }

  private path(kind: string, key: string): string {
    return join(this.dir!, kind, key);
  }
}
