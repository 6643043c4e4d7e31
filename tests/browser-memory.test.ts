import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../src/print/browser-session.js';

// A 50-case course prints some 200 documents in one session: what each leaves behind adds up.
const session = new BrowserSession();
afterAll(() => session.close());

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const printOnce = (n: number) =>
  session.withPage({ javaScript: false }, async (page) => {
    await page.setContent(`<h1>Document ${n}</h1>${'<p>Some words in a paragraph.</p>'.repeat(2000)}`);
    return { pdf: await page.pdf() };
  });

describe('browser session memory', () => {
  it('lets go of what a page returned once the build has it (not when the session closes)', async () => {
    const printed = new WeakRef(await printOnce(0));
    await new Promise((resolve) => setTimeout(resolve, 10));
    collectGarbage();
    expect(printed.deref()).toBeUndefined();
  });

  it('keeps a reused print page from holding every document it printed', async () => {
    for (let n = 1; n <= 8; n++) await printOnce(n);
    const counters = await session.withPage({ javaScript: false }, async (page) => {
      const devTools = await page.createCDPSession();
      return (await devTools.send('Memory.getDOMCounters')) as { documents: number; nodes: number };
    });
    // The page's current document and its frame's initial one; without collection, one per print.
    expect(counters.documents).toBeLessThanOrEqual(3);
    expect(counters.nodes).toBeLessThan(2 * 2000 * 2);
  });
});
