import { readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache } from '../src/cache/cache.js';
import { tempDir } from './helpers/course.js';

const day = 24 * 60 * 60 * 1000;

/** Dates an entry's last use `days` before `now`. */
async function lastUsed(dir: string, kind: string, key: string, now: number, days: number): Promise<void> {
  const at = new Date(now - days * day);
  await utimes(join(dir, kind, key), at, at);
}

describe('the cache', () => {
  it('deletes what no build used for a month, once a day at most, and counts a read as a use', async () => {
    const dir = await tempDir();
    const cache = new Cache(dir);
    const now = Date.now();
    for (const key of ['old', 'read', 'recent']) await cache.put('print', key, key);
    await cache.put('pdf', 'old', 'old');
    await lastUsed(dir, 'print', 'old', now, 40);
    await lastUsed(dir, 'pdf', 'old', now, 31);
    await lastUsed(dir, 'print', 'read', now, 40);
    await lastUsed(dir, 'print', 'recent', now, 10);
    expect((await cache.get('print', 'read'))?.toString()).toBe('read');

    expect(await cache.prune(now)).toBe(2);
    expect((await readdir(join(dir, 'print'))).sort()).toEqual(['read', 'recent']);
    expect(await readdir(join(dir, 'pdf'))).toEqual([]);

    // Within a day: nothing is looked at, however old.
    await lastUsed(dir, 'print', 'recent', now, 45);
    expect(await cache.prune(now + day / 2)).toBe(0);
    expect(await cache.get('print', 'recent')).toBeDefined();
    await lastUsed(dir, 'print', 'recent', now, 45);
    expect(await cache.prune(now + day)).toBe(1);
    expect(await readdir(join(dir, 'print'))).toEqual(['read']);
  });

  it('keeps nothing and prunes nothing without a folder (--no-cache)', async () => {
    const cache = new Cache(undefined);
    await cache.put('print', 'a', 'a');
    expect(await cache.get('print', 'a')).toBeUndefined();
    expect(await cache.prune()).toBe(0);
  });

  it('writes in the background what it is given later, and says when all of it is written or failed', async () => {
    const dir = await tempDir();
    const cache = new Cache(dir);
    cache.later(cache.put('print', 'a', 'printed'));
    await cache.written();
    expect((await cache.get('print', 'a'))?.toString()).toBe('printed');
    // A folder that cannot be made (a file stands in its place): the failure comes out of written().
    await writeFile(join(dir, 'blocked'), '');
    const blocked = new Cache(join(dir, 'blocked'));
    blocked.later(blocked.put('print', 'b', 'x'));
    await expect(blocked.written()).rejects.toThrow();
    await expect(blocked.written()).resolves.toBeUndefined();
  });
});
