import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';
import { Cache } from '../cache/cache.js';
import type { Output } from '../model.js';

const deflate = promisify(deflateRaw);
// Changes with how files are compressed, so that kept bodies follow.
const deflateVersion = 'deflate-v1';

/**
 * Compressed file contents, shared by the zips of one build: the trainer's pack holds every
 * student file too. Node's zlib compresses them off the main thread, several at once, each as
 * soon as it is made; a file made before comes compressed from the cache (a rebuild after an
 * edit would otherwise compress them all again, and hold up the cache's reads behind it).
 */
export class Deflated {
  private readonly bodies = new Map<Output, Promise<Uint8Array | undefined>>();

  constructor(private readonly cache = new Cache(undefined)) {}

  /** Starts compressing a file, once; a failure surfaces when its zip is made. */
  start(output: Output): void {
    if (this.bodies.has(output)) return;
    // Fonts are compressed already: stored as they are.
    const body = output.path.endsWith('.woff2') ? Promise.resolve(undefined) : this.compressed(output.bytes);
    body.catch(() => undefined);
    this.bodies.set(output, body);
  }

  private async compressed(bytes: Uint8Array): Promise<Uint8Array> {
    const key = Cache.key(deflateVersion, Cache.bytesKey(bytes));
    const kept = await this.cache.get('deflated', key);
    if (kept) return kept;
    const body = await deflate(bytes, { level: 6 });
    await this.cache.put('deflated', key, body);
    return body;
  }

  body(output: Output): Promise<Uint8Array | undefined> {
    this.start(output);
    return this.bodies.get(output)!;
  }
}

/** A zip whose bytes depend only on its files and the given date (entries sorted, one mtime). */
export async function zipOutputs(outputs: Output[], date: Date, prefix: string, deflated = new Deflated()): Promise<Uint8Array> {
  const sorted = [...outputs].sort((a, b) => a.path.localeCompare(b.path));
  const bodies = await Promise.all(sorted.map((output) => deflated.body(output)));
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  sorted.forEach((output, i) => {
    const entry = new Entry(`${prefix}/${output.path}`, bodies[i], date);
    zip.add(entry);
    entry.push(output.bytes, true);
  });
  zip.end();
  return Buffer.concat(chunks);
}

/** fflate's documented extension point: it counts the file's CRC and size, the body comes deflated. */
class Entry extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly deflatedBody: Uint8Array | undefined,
    mtime: Date,
  ) {
    super(filename);
    this.mtime = mtime;
    if (deflatedBody) this.compression = 8;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.ondata(null, (this.deflatedBody as Uint8Array<ArrayBuffer> | undefined) ?? chunk, final);
  }
}
