import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Cache } from '../src/cache/cache.js';
import type { Output } from '../src/model.js';
import { wordsFragment } from '../src/verify/fragments.js';
import { LeakGuard } from '../src/verify/leak-guard.js';
import { zipEntries } from '../src/verify/zip-entries.js';
import { Deflated, zipOutputs } from '../src/write/zip.js';
import { tempDir } from './helpers/course.js';

const date = new Date('2026-01-15T10:00:00Z');
const file = (path: string, audience: Output['audience'], text: string): Output => ({ path, audience, bytes: new TextEncoder().encode(text) });
const statement = file('student/cas-1.md', 'student', `# Énoncé\n\n${'Une plateforme de paiement en ligne. '.repeat(200)}`);
const solution = file('trainer/cas-1.md', 'trainer', '# Correction\n\nLa proposition PROSESECRETE détaillée.');
const font = file('student/html/fonts/inter.woff2', 'student', 'wOF2 not really a font');
const secret = [wordsFragment('La proposition PROSESECRETE détaillée')];

/** CRC-32 as zip readers count it, written out here so that the packs' CRCs are checked against something else than zlib. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** The CRC each entry's central directory record gives. */
function directoryCrcs(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const crcs: number[] = [];
  for (let at = 0; at + 46 <= zip.length; at++) if (view.getUint32(at, true) === 0x02014b50) crcs.push(view.getUint32(at + 16, true));
  return crcs;
}

describe('the packs (zip)', () => {
  it('hold each file whole, deflated or (fonts) stored, with its CRC and size', async () => {
    const zip = await zipOutputs([statement, font, solution], date, 'pack');
    const entries = zipEntries(zip);
    expect(entries.map((e) => [e.name, e.compression, e.size])).toEqual([
      ['pack/student/cas-1.md', 8, statement.bytes.length],
      ['pack/student/html/fonts/inter.woff2', 0, font.bytes.length],
      ['pack/trainer/cas-1.md', 8, solution.bytes.length],
    ]);
    expect(entries[0]!.body.length).toBeLessThan(statement.bytes.length / 10);
    const unzipped = unzipSync(zip);
    for (const f of [statement, font, solution]) expect(unzipped[`pack/${f.path}`]).toEqual(f.bytes);
    expect(directoryCrcs(zip)).toEqual([statement, font, solution].map((f) => crc32(f.bytes)));
  });

  it('never trust a kept body that does not inflate to the file', async () => {
    const dir = await tempDir();
    const cache = new Cache(dir);
    const first = await zipOutputs([statement], date, 'pack', new Deflated(cache));
    await cache.written();
    const kept = join(dir, 'deflated');
    const names = (await readdir(kept)).filter((name) => !name.startsWith('.'));
    expect(names).toHaveLength(1);
    // A body gone wrong in the cache: another text, compressed the same way.
    await writeFile(join(kept, names[0]!), gzipSync(solution.bytes));
    const again = await zipOutputs([statement], date, 'pack', new Deflated(cache));
    expect(unzipSync(again)['pack/student/cas-1.md']).toEqual(statement.bytes);
    expect(again).toEqual(first);
  });

  it("let the leak guard skip only entries it read as its own edition's files", async () => {
    const deflated = new Deflated();
    const guard = () => new LeakGuard(secret, 'fr');
    const readBack = async (files: Output[]) => {
      const g = guard();
      for (const f of files) await g.check(f, deflated.file(f));
      return g;
    };
    // The trainer's file was handed to the guard (and let through): in a student pack, it is read.
    const leaky = await zipOutputs([statement, solution], date, 'pack', deflated);
    await expect((await readBack([statement, solution])).checkAll([{ path: 'packs/student.zip', audience: 'student', bytes: leaky }])).rejects.toThrow(
      /packs\/student\.zip\/pack\/trainer\/cas-1\.md/,
    );
    const clean = await zipOutputs([statement], date, 'pack', deflated);
    await expect((await readBack([statement])).checkAll([{ path: 'packs/student.zip', audience: 'student', bytes: clean }])).resolves.toBeUndefined();
    // A zip from elsewhere (fflate's own, sizes in the local headers) is read all the same.
    const other = zipSync({ 'pack/trainer/cas-1.md': solution.bytes, 'pack/student/cas-1.md': statement.bytes });
    await expect((await readBack([statement])).checkAll([{ path: 'packs/student.zip', audience: 'student', bytes: other }])).rejects.toThrow(
      /packs\/student\.zip\/pack\/trainer\/cas-1\.md/,
    );
  });
});
