import type { Browser, Page } from 'puppeteer';
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

  /**
   * @param assets what pages may load, by URL (the bundled fonts); everything else is refused.
   */
  constructor(private readonly assets: ReadonlyMap<string, Uint8Array> = new Map()) {}

  get started(): boolean {
    return this.browser !== undefined;
  }

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(new BrowserError('Le navigateur a déjà été fermé.'));
    this.browser ??= findBrowser().then((found) => launchWithRetry(found.path));
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
        const url = request.url();
        const asset = this.assets.get(url);
        // The build's own files and data: URIs (inlined images) are all a page may load.
        // Fonts are fetched in CORS mode: the page's opaque origin must be allowed.
        if (asset) void request.respond({ status: 200, contentType: contentType(url), headers: { 'Access-Control-Allow-Origin': '*' }, body: Buffer.from(asset) });
        else if (url.startsWith('data:')) void request.continue();
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

/** Runs `fn` with a browser session, closed in `finally` and at once when `signal` aborts. */
export async function withBrowserSession<T>(
  options: { assets?: ReadonlyMap<string, Uint8Array>; signal?: AbortSignal },
  fn: (session: BrowserSession) => Promise<T>,
): Promise<T> {
  const session = new BrowserSession(options.assets);
  const abort = () => void session.close();
  options.signal?.addEventListener('abort', abort);
  try {
    return await fn(session);
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await session.close();
  }
}

function contentType(url: string): string {
  return url.endsWith('.woff2') ? 'font/woff2' : 'application/octet-stream';
}

async function launchWithRetry(executablePath: string): Promise<Browser> {
  // Loaded here: a build whose pages all come from the cache never starts a browser.
  const { default: puppeteer } = await import('puppeteer');
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
