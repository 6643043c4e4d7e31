import { afterAll, describe, expect, it } from 'vitest';
import { BrowserError } from '../src/errors.js';
import puppeteer from 'puppeteer';
import { browserMajor, BrowserSession, launchArgs, minimumBrowserMajor, recentEnough } from '../src/print/browser-session.js';
import { findBrowser } from '../src/print/find-browser.js';
import { withRetry } from '../src/print/retry.js';

const session = new BrowserSession();
afterAll(() => session.close());

describe('browser faults', () => {
  it('prints again once when the page crashed under it', async () => {
    let attempts = 0;
    const pdf = await withRetry(() =>
      session.withPage({ javaScript: false }, async (page) => {
        attempts++;
        if (attempts === 1) await page.goto('chrome://crash');
        await page.setContent('<p>ok</p>');
        return page.pdf();
      }),
    );
    expect(attempts).toBe(2);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives up with a clear message when it fails again', async () => {
    const crash = () => session.withPage({ javaScript: false }, (page) => page.goto('chrome://crash'));
    const error = await withRetry(crash).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserError);
    // Worded in the language of the course being built, when the command prints it.
    expect((error as BrowserError).messageIn('fr')).toMatch(/^L’impression a échoué deux fois : /);
    expect((error as BrowserError).messageIn('en')).toMatch(/^Printing failed twice: /);
  });

  it('does not retry a mistake of its own', async () => {
    let attempts = 0;
    const fail = () => {
      attempts++;
      return Promise.reject(new TypeError('not a browser problem'));
    };
    await expect(withRetry(fail)).rejects.toThrow(TypeError);
    expect(attempts).toBe(1);
  });

  it('stops what a page is doing when the session closes (Ctrl-C), and takes no more work', async () => {
    const own = new BrowserSession();
    // A page waiting for something that never comes, with a long timeout: it must not be waited for.
    // Closed once the page is waiting, not after a delay: a loaded machine starts Chromium slowly.
    let pageWaits!: () => void;
    const waitingStarted = new Promise<void>((resolve) => (pageWaits = resolve));
    const waiting = own.withPage({ javaScript: false }, async (page) => {
      await page.setContent('<p>never</p>');
      const never = page.waitForSelector('#nothing', { timeout: 120_000 });
      pageWaits();
      await never;
    });
    const outcome = waiting.then(() => 'done', (error: unknown) => error);
    await waitingStarted;
    const started = performance.now();
    await own.close();
    const error = await outcome;
    expect(error).toBeInstanceOf(BrowserError);
    expect((error as BrowserError).messageIn('en')).toBe('The browser has already been closed.');
    expect(performance.now() - started).toBeLessThan(10_000);
    await expect(own.withPage({ javaScript: false }, async () => 'more')).rejects.toBeInstanceOf(BrowserError);
  }, 60_000);
});

describe('a browser too old for page margins', () => {
  it('reads the major version Chromium gives', () => {
    expect(browserMajor('HeadlessChrome/150.0.7871.100')).toBe(150);
    expect(browserMajor('Chrome/120.0.6099.109')).toBe(120);
    expect(browserMajor('chrome-headless-shell/131.0.6778.85')).toBe(131);
    expect(browserMajor('Firefox')).toBeUndefined();
  });

  it('is closed and named, with the version needed and how to get it (a real Chromium, asked for more than it is)', async () => {
    const { path } = await findBrowser();
    const browser = await puppeteer.launch({ executablePath: path, headless: true, args: launchArgs, pipe: true });
    const own = browserMajor(await browser.version())!;
    expect(own).toBeGreaterThanOrEqual(minimumBrowserMajor);
    expect(await recentEnough(browser, path, own)).toBe(browser);
    const error = await recentEnough(browser, path, own + 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserError);
    expect((error as BrowserError).messageIn('fr')).toContain(`casebook demande Chromium/Chrome ${own + 1} ou plus récent`);
    expect((error as BrowserError).messageIn('en')).toMatch(new RegExp(`^The browser “${path}” is \\S+/${own}\\.[\\d.]+: casebook needs Chromium/Chrome ${own + 1} or newer`));
    expect(browser.connected).toBe(false);
  });
});
