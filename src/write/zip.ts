import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import { Zip, ZipPassThrough } from 'fflate';
import type { Output } from '../model.js';

const deflate = promisify(deflateRaw);

/**
 * Compressed file contents, shared by the zips of one build: the trainer's pack holds every
 * student file too. Node's zlib compresses them off the main thread, several at once.
 */
export type Deflated = Map<Output, Promise<Uint8Array | undefined>>;

/** A zip whose bytes depend only on its files and the given date (entries sorted, one mtime). */
export async function zipOutputs(outputs: Output[], date: Date, prefix: string, deflated: Deflated = new Map()): Promise<Uint8Array> {
  const sorted = [...outputs].sort((a, b) => a.path.localeCompare(b.path));
  const bodies = await Promise.all(sorted.map((output) => deflatedBody(output, deflated)));
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

function deflatedBody(output: Output, deflated: Deflated): Promise<Uint8Array | undefined> {
  let body = deflated.get(output);
  if (!body) {
    // Fonts are compressed already: stored as they are.
    body = output.path.endsWith('.woff2') ? Promise.resolve(undefined) : deflate(output.bytes, { level: 6 });
    deflated.set(output, body);
  }
  return body;
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
