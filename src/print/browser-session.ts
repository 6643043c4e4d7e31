import type { Browser, CDPSession, HTTPRequest, Page } from 'puppeteer';
import { BrowserError } from '../errors.js';
import { format } from '../i18n/index.js';
import { findBrowser } from './find-browser.js';

export const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Glyphs placed as the fonts say, not hinted to the pixel grid: the headless shell hints by
  // default, which moves letters inside words ("Meas ured" in a reader's copy-paste) and changes
  // the bytes. With it, the shell prints what the whole of Chromium prints, byte for byte.
  '--font-render-hinting=none',
  // The GPU and network services inside the browser's own process: two processes fewer (140 MB).
  '--in-process-gpu',
  '--enable-features=NetworkServiceInProcess2',
  // No renderer process kept in reserve for a next page (the build opens its pages itself), and
  // none for the address bar's pop-ups, which headless Chromium draws for no one: each would cost
  // half a second of CPU at start and 150 MB.
  '--disable-features=SpareRendererForSitePerProcess,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/** A file a page may load. */
export interface Asset {
  body: Uint8Array;
  contentType: string;
}

/** The build's files by URL (fonts, Mermaid's modules); a page may load nothing else. */
export type AssetSource = (url: string) => Asset | undefined | Promise<Asset | undefined>;

export interface PageOptions {
  /** Mermaid's page runs scripts; printed pages never do. */
  javaScript: boolean;
}

/**
 * The one browser of a build, shared by diagrams and printing. It starts on first use, or earlier
 * when the build asks (`start`, while the course is still being read); a build whose pages all
 * come from the cache never uses it. Print pages are kept and reused: opening one costs about as
 * much as printing a short document, and each page is a process of its own (memory).
 */
export class BrowserSession {
  private browser: Promise<Browser> | undefined;
  private readonly launching = new AbortController();
  /** Whether the browser runs: closing it then must not abort its launch (see shutDown). */
  private running = false;
  /** Print pages ready for the next document; the first one may still be opening. */
  private readonly idle: Promise<Page>[] = [];
  /** Whether the tab Chromium opens at start was taken (by Mermaid's page), rather than one more process. */
  private initialTabTaken = false;
  private closing: Promise<void> | undefined;
  /** Aborts once the session closes: what a page is doing then fails at once, not at its timeout. */
  private readonly closed = new AbortController();
  private pageAsked = false;
  /** Each print page's own DevTools session, to collect its garbage between documents. */
  private readonly devTools = new WeakMap<Page, CDPSession>();

  constructor(private readonly assets: AssetSource[] = []) {}

  /** Whether any page was asked for, i.e. whether the build needed the browser. */
  get used(): boolean {
    return this.pageAsked;
  }

  /** Starts the browser and opens a first print page now, without waiting; a failure surfaces on first use. */
  start(): void {
    if (this.browser) return;
    const page = this.openPage({ javaScript: false });
    page.catch(() => undefined);
    this.idle.push(page);
  }

  /** Resolves once the browser runs (started now if it was not). */
  async ready(): Promise<void> {
    await this.launch();
  }

  private launch(): Promise<Browser> {
    if (this.closing) return Promise.reject(new BrowserError((d) => d.errors.browserClosed));
    if (!this.browser) {
      const browser = findBrowser().then(async (found) => recentEnough(await launchWithRetry(found.path, this.launching.signal), found.path));
      this.browser = browser;
      // A session kept between builds starts a new browser after a crash.
      void browser.then(
        (b) => {
          this.running = true;
          b.once('disconnected', () => {
            if (this.browser !== browser) return;
            this.browser = undefined;
            this.running = false;
            this.initialTabTaken = false;
            this.idle.length = 0;
          });
        },
        () => undefined,
      );
    }
    return this.browser;
  }

  /**
   * Runs `fn` on a page that loads nothing but what the build hands it. A print page is then kept
   * for the next document, unless `reuse` says otherwise; Mermaid's page, used once per build, is
   * closed to free its memory.
   */
  async withPage<T>(options: PageOptions, fn: (page: Page) => Promise<T>, reuse: (result: T) => boolean = () => true): Promise<T> {
    this.pageAsked = true;
    if (this.closing) throw new BrowserError((d) => d.errors.browserClosed);
    const page = await ((!options.javaScript && this.idle.shift()) || this.openPage(options));
    let result: T;
    try {
      // A page whose browser closes under it (Ctrl-C in `npm run dev`) may wait for a load event
      // that never comes, until its timeout: the build stops with the session instead.
      result = await unlessAborted(fn(page), this.closed.signal);
    } catch (error) {
      // A page that failed (crashed, hung) is never reused.
      await page.close().catch(() => undefined);
      throw error;
    }
    if (this.closing || options.javaScript || !reuse(result)) await page.close().catch(() => undefined);
    else this.idle.push(this.collectGarbage(page));
    return result;
  }

  /**
   * A page whose scripts are off rarely collects its garbage: each document set in it kept its
   * predecessors' memory (a page that printed 30 grids: 60 → 290 MB). Collected while the
   * document just printed is finished; the next one waits for it.
   */
  private async collectGarbage(page: Page): Promise<Page> {
    await this.devTools.get(page)?.send('HeapProfiler.collectGarbage').catch(() => undefined);
    return page;
  }

  private async openPage(options: PageOptions): Promise<Page> {
    const browser = await this.launch();
    // Print pages are background tabs, hidden: Chromium paints and composites nothing of them for
    // a screen (a tenth of a handout's print time), and still lays them out, which loads their
    // fonts before printing (chrome-headless-shell ignores this and shows them, as before).
    // Mermaid measures its labels in the visible tab opened at start.
    const initial = options.javaScript && !this.initialTabTaken ? ((this.initialTabTaken = true), (await browser.pages())[0]) : undefined;
    const page = initial ?? (await browser.newPage({ background: !options.javaScript }));
    await page.setJavaScriptEnabled(options.javaScript);
    // Styled for print from the start: otherwise Chromium lays each document out for the screen,
    // then again for print (a fifth of the time a handout takes to print).
    if (!options.javaScript) {
      await page.emulateMediaType('print');
      this.devTools.set(page, await page.createCDPSession());
    }
    await page.setRequestInterception(true);
    page.on('request', (request) => void this.answer(request));
    return page;
  }

  private async answer(request: HTTPRequest): Promise<void> {
    const url = request.url();
    try {
      // Inlined images are data: URIs.
      if (url.startsWith('data:')) return await request.continue();
      for (const source of this.assets) {
        const asset = await source(url);
        // The page's origin is opaque (setContent): fonts and modules are fetched in CORS mode.
        if (asset) return await request.respond({ status: 200, contentType: asset.contentType, headers: { 'Access-Control-Allow-Origin': '*' }, body: Buffer.from(asset.body.buffer, asset.body.byteOffset, asset.body.byteLength) });
      }
      await request.abort('blockedbyclient');
    } catch {
      // The page closed meanwhile.
    }
  }

  /** Safe to call twice, and from a signal handler; a browser still starting is stopped. */
  close(): Promise<void> {
    this.closed.abort(new BrowserError((d) => d.errors.browserClosed));
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    // Puppeteer kills a browser whose launch signal aborts, for as long as it runs, and a killed
    // Chromium leaves its singleton folder in the temporary folder: only a launch under way is
    // aborted; a running browser closes itself (some 0.2 s more, while the build writes its files).
    if (!this.running) this.launching.abort();
    const browser = await this.browser?.catch(() => undefined);
    if (!browser) return;
    await closeBrowser(browser);
  }
}

/** Closes a running browser, which then removes its own temporary folder; kills one that will not close. */
async function closeBrowser(browser: Browser): Promise<void> {
  await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
}

/**
 * `work`'s outcome, or the signal's reason as soon as it aborts. Not a race with a promise that
 * lives as long as the session: each race would leave it a reaction holding its result (every
 * printed PDF and its HTML, until the end of the build).
 */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** Runs `fn` with a browser session, closed in `finally` and at once when `signal` aborts. */
export async function withBrowserSession<T>(
  options: { assets?: AssetSource[]; signal?: AbortSignal },
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

async function launchWithRetry(executablePath: string, signal: AbortSignal): Promise<Browser> {
  // Loaded here: a build whose pages all come from the cache never starts a browser.
  const { default: puppeteer } = await import('puppeteer');
  const launch = () =>
    puppeteer.launch({
      executablePath,
      headless: true,
      args: launchArgs,
      // CDP over a pipe: a WebSocket client masks every frame it sends, in JavaScript, and
      // the documents sent are large.
      pipe: true,
      timeout: 30_000,
      signal,
      // The CLI handles signals: it must also remove its temporary output.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  try {
    return await launch();
  } catch {
    if (signal.aborted) throw new BrowserError((d) => d.errors.browserClosedEarly);
    try {
      return await launch();
    } catch (error) {
      throw new BrowserError((d) => format(d.errors.browserFailed, { path: executablePath, reason: firstLine(error) }));
    }
  }
}

/**
 * Page margin boxes (the running header, page numbers, the trainer's mark on every page) came with
 * Chromium 131: an older one prints none of them, without a word.
 */
export const minimumBrowserMajor = 131;

/** The major version in what `Browser.version()` says ("HeadlessChrome/150.0.7871.100"). */
export function browserMajor(version: string): number | undefined {
  const major = /(\d+)\.\d+\.\d+\.\d+/.exec(version)?.[1];
  return major === undefined ? undefined : Number(major);
}

/** The browser, if it is recent enough; otherwise closed, and said so. */
export async function recentEnough(browser: Browser, path: string, minimum = minimumBrowserMajor): Promise<Browser> {
  const version = await browser.version();
  const major = browserMajor(version);
  if (major === undefined || major >= minimum) return browser;
  await closeBrowser(browser);
  throw new BrowserError((d) => format(d.errors.browserTooOld, { path, version, minimum }));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
