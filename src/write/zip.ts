import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import { Cache } from '../cache/cache.js';
import type { Output } from '../model.js';

const gzipped = promisify(gzip);
const gunzipped = promisify(gunzip);

/**
 * Room for a whole result in one piece: zlib's 16 KB default hands a PDF back to the main thread
 * in dozens of pieces, a thread pool round trip and a copy each (a sixth of the time it took).
 */
const room = (bytes: number) => ({ chunkSize: Math.max(16 * 1024, bytes + 1024) });
// Changes with how files are compressed, so that kept bodies follow.
const deflateVersion = 'deflate-v2';

/** A file as a zip entry holds it: its body (deflated, or stored as it is) and the checks a zip writes beside it. */
export interface PackedFile {
  body: Uint8Array;
  /** 8: deflated; 0: stored. */
  compression: 0 | 8;
  crc: number;
  size: number;
}

/**
 * Compressed file contents, shared by the zips of one build: the trainer's pack holds every
 * student file too. Node's zlib compresses them off the main thread, several at once, each as
 * soon as it is made; a file made before comes compressed from the cache (a rebuild after an
 * edit would otherwise compress them all again, and hold up the cache's reads behind it).
 */
export class Deflated {
  private readonly packed = new Map<Output, Promise<PackedFile>>();

  constructor(private readonly cache = new Cache(undefined)) {}

  /** Starts compressing a file, once; a failure surfaces when its zip is made. */
  start(output: Output): void {
    if (this.packed.has(output)) return;
    const packed = packFile(output.bytes, output.path.endsWith('.woff2') ? 'stored' : 'deflated', this.cache);
    packed.catch(() => undefined);
    this.packed.set(output, packed);
  }

  file(output: Output): Promise<PackedFile> {
    this.start(output);
    return this.packed.get(output)!;
  }
}

/**
 * A gzip member is the deflated body between a 10-byte header and a trailer holding the CRC-32
 * and the size: zlib counts the CRC while it compresses, in its thread pool, which spares the
 * main thread a pass over every byte of both packs. Fonts, compressed already, are stored as
 * they are (zlib at level 0 only counts their CRC).
 */
async function packFile(bytes: Uint8Array, how: 'deflated' | 'stored', cache: Cache): Promise<PackedFile> {
  if (how === 'stored') return { body: bytes, compression: 0, crc: crcOf(await gzipped(bytes, { level: 0, ...room(bytes.length) })), size: bytes.length };
  const key = Cache.key(deflateVersion, Cache.bytesKey(bytes));
  const kept = await cache.get('deflated', key);
  // The leak guard skips a zip entry whose body is that of a file it read: a kept body serves
  // only once it is seen to inflate to the very bytes of the file.
  if (kept && (await inflatesTo(kept, bytes))) return deflatedFile(kept, bytes.length);
  const member = await gzipped(bytes, { level: 6, ...room(bytes.length) });
  cache.later(cache.put('deflated', key, member));
  return deflatedFile(member, bytes.length);
}

function deflatedFile(member: Uint8Array, size: number): PackedFile {
  return { body: member.subarray(10, member.length - 8), compression: 8, crc: crcOf(member), size };
}

function inflatesTo(member: Uint8Array, bytes: Uint8Array): Promise<boolean> {
  return gunzipped(member, room(bytes.length)).then((inflated) => Buffer.compare(inflated, bytes) === 0, () => false);
}

function crcOf(member: Uint8Array): number {
  return new DataView(member.buffer, member.byteOffset, member.byteLength).getUint32(member.length - 8, true);
}

/** A zip whose bytes depend only on its files and the given date (entries sorted, one mtime). */
export async function zipOutputs(outputs: Output[], date: Date, prefix: string, deflated = new Deflated()): Promise<Uint8Array> {
  const sorted = [...outputs].sort((a, b) => a.path.localeCompare(b.path));
  const files = await Promise.all(sorted.map((output) => deflated.file(output)));
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  sorted.forEach((output, i) => {
    const { body, compression, crc, size } = files[i]!;
    // fflate's documented input: a file whose size and CRC are known, its body handed over whole.
    const entry: ZipInputFile = { filename: `${prefix}/${output.path}`, mtime: date, compression, crc, size };
    zip.add(entry);
    entry.ondata!(null, body as Uint8Array<ArrayBuffer>, true);
  });
  zip.end();
  return Buffer.concat(chunks);
}
