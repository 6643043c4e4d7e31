import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const bytesKeys = new WeakMap<Uint8Array, string>();

/**
 * A content-addressed store under a git-ignored folder: a key is the hash of everything the
 * entry depends on, so a changed input simply misses and nothing is ever invalidated by hand.
 */
export class Cache {
  constructor(
    private readonly dir: string | undefined,
    readonly stats = { hits: 0, misses: 0 },
  ) {}

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
    const found = await readFile(this.path(kind, key)).catch(() => undefined);
    if (found) this.stats.hits++;
    else this.stats.misses++;
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

  private path(kind: string, key: string): string {
    return join(this.dir!, kind, key);
  }
}
