import puppeteer, { type Browser, type Page } from 'puppeteer';
import { BrowserError } from '../errors.js';
import { findBrowser } from './find-browser.js';

export const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export interface PageOptions {
  /** Mermaid's page runs scripts; printed pages never do. */
  javaScript: boolean;
}

/**
 * The one browser of a build, shared by diagrams and printing. It is launched on first use (a
 * build whose pages all come from the cache never starts it) and closed once, by its owner.
 */
export class BrowserSession {
  private browser: Promise<Browser> | undefined;
  private closed = false;

  constructor(private readonly executablePath?: string) {}

  get started(): boolean {
    return this.browser !== undefined;
  }

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(new BrowserError('Le navigateur a déjà été fermé.'));
    this.browser ??= launchWithRetry(this.executablePath ?? findBrowser().path);
    return this.browser;
  }

  /** Runs `fn` on a fresh page that loads nothing but what the build hands it. */
  async withPage<T>(options: PageOptions, fn: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.launch();
    const page = await browser.newPage();
    try {
      await page.setJavaScriptEnabled(options.javaScript);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        // data: URIs (inlined fonts and images) are all a page may load.
        if (request.url().startsWith('data:')) void request.continue();
        else void request.abort('blockedbyclient');
      });
      return await fn(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  /** Safe to call twice, and from a signal handler. */
  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    if (!browser) return;
    const b = await browser.catch(() => undefined);
    if (!b) return;
    await b.close().catch(() => b.process()?.kill('SIGKILL'));
  }
}

async function launchWithRetry(executablePath: string): Promise<Browser> {
  const launch = () =>
    puppeteer.launch({
      executablePath,
      headless: true,
      args: launchArgs,
      timeout: 30_000,
      // The CLI handles signals: it must also remove its temporary output.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  try {
    return await launch();
  } catch {
    try {
      return await launch();
    } catch (error) {
      throw new BrowserError(
        `Le navigateur « ${executablePath} » n’a pas pu démarrer : ${firstLine(error)}\nVérifiez qu’il s’ouvre, ou indiquez-en un autre avec PUPPETEER_EXECUTABLE_PATH.`,
      );
    }
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
