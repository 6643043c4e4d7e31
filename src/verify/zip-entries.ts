/** A zip entry as the archive holds it: its body is deflated (`compression` 8) or stored (0). */
export interface ZipEntry {
  name: string;
  compression: number;
  /** Size once inflated. */
  size: number;
  body: Uint8Array;
}

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localHeader = 0x04034b50;

/**
 * The entries of a zip, from its central directory, with their bodies as stored: the leak guard
 * inflates only those it has not read yet (fflate's reader inflates every entry it lists).
 * ZIP64 is not read: the packs stay far below its 4 GB.
 */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = zip.length - 22;
  // The end record is followed only by its comment (at most 65,535 bytes).
  while (end >= 0 && end >= zip.length - 22 - 0xffff && u32(end) !== endOfDirectory) end--;
  if (end < 0 || u32(end) !== endOfDirectory) throw new Error('not a zip file (no central directory)');
  const entries: ZipEntry[] = [];
  let at = u32(end + 16);
  for (let i = 0; i < u16(end + 10); i++) {
    if (u32(at) !== directoryEntry) throw new Error('damaged zip file (central directory)');
    const [flags, compression, compressed, size] = [u16(at + 8), u16(at + 10), u32(at + 20), u32(at + 24)];
    const [nameLength, extraLength, commentLength, offset] = [u16(at + 28), u16(at + 30), u16(at + 32), u32(at + 42)];
    if (u32(offset) !== localHeader) throw new Error('damaged zip file (local header)');
    const nameBytes = zip.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8.
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
    const start = offset + 30 + u16(offset + 26) + u16(offset + 28);
    if (start + compressed > zip.length) throw new Error(`damaged zip file (${name})`);
    entries.push({ name, compression, size, body: zip.subarray(start, start + compressed) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
