import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageAssets } from '../src/build.js';
import { BrowserSession } from '../src/print/browser-session.js';
import { fontFiles } from '../src/render/fonts.js';
import { buildCss } from '../src/render/styles.js';
import { defaultDirs } from '../src/project.js';
import { tempDir } from './helpers/course.js';
import { pdfWords } from './helpers/pdf.js';

// Debian packages both; casebook prefers the shell (src/print/find-browser.ts), and Puppeteer's
// own download is a headless shell too. CI installs both (.ci/run).
const shell = '/usr/bin/chromium-headless-shell';
const chromium = '/usr/bin/chromium';

/** Prints a page of text with one browser, named as a trainer would name it. */
async function printWith(executable: string, html: string): Promise<Uint8Array> {
  const previous = process.env.PUPPETEER_EXECUTABLE_PATH;
  process.env.PUPPETEER_EXECUTABLE_PATH = executable;
  const session = new BrowserSession(pageAssets(await fontFiles()));
  try {
    await session.ready();
    return await session.withPage({ javaScript: false }, async (page) => {
      await page.setContent(html);
      return page.pdf({ printBackground: true, tagged: true });
    });
  } finally {
    await session.close();
    if (previous === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
    else process.env.PUPPETEER_EXECUTABLE_PATH = previous;
  }
}

describe.skipIf(!existsSync(shell) || !existsSync(chromium))('the headless shell and Chromium', () => {
  it('place every word at the same point (the shell, hinted, put gaps inside words: "Meas ured")', async () => {
    // casebook's own style sheet and fonts, served as in a build.
    const words = 'Mea\u00ADsured at the 99th per\u00ADcentile, with kerning: AVAWAY Toyota office Waffle. '.repeat(12);
    const html = `<!doctype html><html lang="en"><head><style>${await buildCss(defaultDirs.styles)}</style></head><body><p>${words}</p><h2>${words}</h2><p><code>${words}</code></p></body></html>`;
    const dir = await tempDir();
    const placed: ReturnType<typeof pdfWords>[] = [];
    for (const executable of [shell, chromium]) {
      const path = join(dir, `${executable.split('/').pop()}.pdf`);
      await writeFile(path, await printWith(executable, html));
      placed.push(pdfWords(path));
    }
    expect(placed[0]!.length).toBeGreaterThan(100);
    expect(placed[0]).toEqual(placed[1]);
  });
});
