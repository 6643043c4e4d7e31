import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** Read once per process. */
let font: Promise<Uint8Array> | undefined;

/**
 * The font of the grids' form fields: the body's sans-serif (Inter), whole, so that a reader can
 * write any Latin letter with it, embedded like every font casebook prints. @fontsource ships web
 * fonts only; pdf-lib embeds TrueType.
 */
export function formFont(): Promise<Uint8Array> {
  font ??= readFile(require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff')).then((woff) => woffToSfnt(new Uint8Array(woff)));
  return font;
}

/**
 * A WOFF 1.0 file as the TrueType/OpenType font it wraps (W3C WOFF 1.0, §4–5): its tables,
 * inflated where they were compressed, behind an sfnt table directory.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font');
  const numTables = view.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((k) => view.getUint32(at + k)) as [number, number, number, number, number];
    const stored = woff.subarray(offset, offset + compLength);
    return { tag, checksum, data: compLength < origLength ? new Uint8Array(inflateSync(stored)) : stored };
  });
  const headerLength = 12 + 16 * numTables;
  const size = tables.reduce((n, t) => n + align4(t.data.length), headerLength);
  const sfnt = new Uint8Array(size);
  const out = new DataView(sfnt.buffer);
  const power = 2 ** Math.floor(Math.log2(numTables));
  out.setUint32(0, view.getUint32(4));
  out.setUint16(4, numTables);
  out.setUint16(6, power * 16);
  out.setUint16(8, Math.log2(power));
  out.setUint16(10, numTables * 16 - power * 16);
  let offset = headerLength;
  tables.forEach((t, i) => {
    out.setUint32(12 + i * 16, t.tag);
    out.setUint32(16 + i * 16, t.checksum);
    out.setUint32(20 + i * 16, offset);
    out.setUint32(24 + i * 16, t.data.length);
    sfnt.set(t.data, offset);
    offset += align4(t.data.length);
  });
  return sfnt;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
