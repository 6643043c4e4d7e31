import { availableParallelism } from 'node:os';
import type { Page } from 'puppeteer';
import { Cache } from '../cache/cache.js';
import type { Document } from '../model.js';
import type { BrowserSession } from './browser-session.js';
import { htmlText } from '../render/html-text.js';
import type { PDFDocument } from 'pdf-lib';
import { finalizePdf, type PdfMetadata } from './finalize-pdf.js';
import { loadPdf, pdfOutline, replacePages } from './read-pdf.js';
import { withRetry } from './retry.js';

export interface PrintOptions {
  session: BrowserSession;
  cache: Cache;
  /** What each PDF says of itself (title, language, bookmarks…), from its document and HTML. */
  metadata: (doc: Document, html: string) => PdfMetadata;
  /** Called after each document, for progress. */
  onPrinted?: (doc: Document, fromCache: boolean) => void;
  /**
   * Other work in a page of its own (Mermaid drawing): one document fewer prints at a time until
   * it is done, so that the browser never holds more pages (processes, memory) than print slots.
   */
  aside?: Promise<unknown>;
}

/** A finished PDF: printed, with its metadata, clean bookmarks and fixed dates. */
export interface Printed {
  doc: Document;
  pdf: Uint8Array;
  pages: number;
  /** The HTML as printed, with its table of contents filled. */
  html: string;
}

/** A document to print, once its HTML is complete (its diagrams drawn). */
export interface PrintJob {
  doc: Document;
  html: Promise<string>;
}

const printVersion = 'print-v4';
const pageTimeout = 60_000;

/**
 * Prints documents as soon as their HTML is ready, a few at a time (bounded by the machine's
 * cores), and finishes each PDF; unchanged ones come from the cache. One promise per document,
 * so that each PDF can be checked while the next ones print.
 */
export function printDocuments(jobs: PrintJob[], options: PrintOptions): Promise<Printed>[] {
  const slot = limiter(Math.max(2, Math.min(4, availableParallelism())), options.aside);
  return jobs.map(async ({ doc, html: ready }) => {
    const html = await ready;
    const meta = options.metadata(doc, html);
    // Kept twice: the print by its HTML, and the finished PDF by its metadata too, so that a
    // build on another day only dates the same prints again.
    const printKey = Cache.key(printVersion, html);
    const finishedKey = Cache.key(printKey, JSON.stringify(meta));
    const finished = await cached(options.cache, 'pdf', finishedKey);
    if (finished) {
      options.onPrinted?.(doc, true);
      return { doc, pdf: finished.bytes, pages: finished.pages!, html: finished.html };
    }
    let printed: { pdf: Uint8Array | PDFDocument; html: string } | undefined = await cached(options.cache, 'print', printKey).then((p) => p && { pdf: p.bytes, html: p.html });
    const fromCache = printed !== undefined;
    if (!printed) {
      // Documents queue while Chromium starts, so that the longest are printed first: the packs,
      // then by length.
      await options.session.ready();
      const priority = (doc.hasToc ? 1e9 : 0) + html.length;
      const fresh = await slot(priority, () => withRetry(() => printOne(doc, html, options.session, options.cache)));
      if (fresh.printed) await keep(options.cache, 'print', printKey, fresh.printed, { html: fresh.html });
      printed = fresh;
    }
    // Finished once the page is free for the next document.
    const { bytes, pages } = await finalizePdf(printed.pdf, meta);
    await keep(options.cache, 'pdf', finishedKey, bytes, { pages, html: printed.html });
    options.onPrinted?.(doc, fromCache);
    return { doc, pdf: bytes, pages, html: printed.html };
  });
}

/** A PDF from the cache, with what was printed (the HTML, with its contents filled) and, once finished, its page count. */
async function cached(cache: Cache, kind: string, key: string): Promise<{ bytes: Uint8Array; html: string; pages?: number } | undefined> {
  const [bytes, about] = await Promise.all([cache.get(kind, key), cache.get(`${kind}-about`, key)]);
  if (!bytes || !about) return undefined;
  return { bytes: new Uint8Array(bytes), ...(JSON.parse(about.toString('utf8')) as { html: string; pages?: number }) };
}

async function keep(cache: Cache, kind: string, key: string, bytes: Uint8Array, about: { html: string; pages?: number }): Promise<void> {
  await cache.put(kind, key, bytes);
  await cache.put(`${kind}-about`, key, JSON.stringify(about));
}

/**
 * Prints a document; `pdf` may be loaded already (a pack's bookmarks were read). `printed` is the
 * print as Chromium made it, when it was not patched, for the cache.
 */
async function printOne(
  doc: Document,
  source: string,
  session: BrowserSession,
  cache: Cache,
): Promise<{ pdf: Uint8Array | PDFDocument; html: string; printed?: Uint8Array }> {
  let long = false;
  return session.withPage({ javaScript: false }, async (page) => {
    if (!doc.hasToc) {
      const pdf = await printHtml(page, source);
      return { pdf, html: source, printed: pdf };
    }
    // Chromium has no target-counter(): the page of each entry is read from the bookmarks of a
    // first print, with last build's numbers (after a small edit they rarely move). When they
    // moved, only the table of contents is printed again and put in place: it has pages of its
    // own and a fixed width for its numbers, so the numbers change nothing else.
    const key = Cache.key('toc', doc.path);
    const guess = new Map<string, number>(JSON.parse((await cache.get('toc', key))?.toString() ?? '[]'));
    const first = fillToc(source, guess);
    const firstPrint = await printHtml(page, first);
    const printed = await loadPdf(firstPrint);
    long = printed.getPageCount() > longDocument;
    const { pages, range } = tocLayout(first, pdfOutline(printed));
    await cache.put('toc', key, JSON.stringify([...pages]));
    if (sameEntries(pages, guess)) return { pdf: printed, html: first, printed: firstPrint };
    const html = fillToc(source, pages);
    if (range) {
      // What follows the contents is dropped from the page first: laying out the whole pack
      // again would cost as much as its first print.
      await page.evaluate(contentsOnly, Object.fromEntries(pages), printed.getPageCount());
      const toc = await page.pdf({ ...printOptions, pageRanges: `${range.first}-${range.last}` });
      if (await replacePages(printed, range, toc)) return { pdf: printed, html };
    }
    // Should the contents ever take another number of pages, the whole pack is printed again.
    const pdf = await printHtml(page, html);
    return { pdf, html, printed: pdf };
  }, () => !long);
}

/**
 * Pages beyond which a document's page is not reused: its renderer keeps the memory of the
 * longest layout it made (a 180-page pack: ~150 MB more until the end of the build).
 */
const longDocument = 60;

function sameEntries(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

const printOptions = {
  preferCSSPageSize: true,
  printBackground: true,
  outline: true,
  tagged: true,
  timeout: pageTimeout,
} as const;

async function printHtml(page: Page, html: string): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load', timeout: pageTimeout });
  return page.pdf(printOptions);
}

const tocPageSpan = /(<span class="toc-page" data-toc-target="([^"]+)">)[^<]*(<\/span>)/g;

/**
 * Where a print put each table-of-contents entry, and the table's own pages. Chromium makes one
 * bookmark per heading, in document order, so the n-th bookmark is the n-th heading (their titles
 * are not reliable to compare). The table's pages run from its title to the page before the next
 * heading. Nothing is known when bookmarks and headings do not match.
 */
export function tocLayout(html: string, outline: { page: number }[]): { pages: Map<string, number>; range?: { first: number; last: number } } {
  const headings = headingsOf(html);
  const pages = new Map<string, number>();
  if (headings.length !== outline.length) return { pages };
  const targets = new Set([...html.matchAll(tocPageSpan)].map((m) => m[2]!));
  headings.forEach((h, i) => {
    if (h.id && targets.has(h.id)) pages.set(h.id, outline[i]!.page);
  });
  const at = headings.findIndex((h) => h.id === tocTitleId);
  if (at < 0 || at + 1 >= outline.length) return { pages };
  const first = outline[at]!.page;
  return { pages, range: { first, last: Math.max(first, outline[at + 1]!.page - 1) } };
}

const tocTitleId = 'toc-title';

export function fillToc(html: string, pages: Map<string, number>): string {
  return html.replace(tocPageSpan, (_, open: string, id: string, close: string) => `${open}${pages.get(id) ?? ''}${close}`);
}

/**
 * In the page already laid out (runs in the browser): fills the contents' numbers, drops what
 * follows the contents, and writes the pack's page count where the footer counted it, so that the
 * contents' pages print as they are in the whole pack.
 */
function contentsOnly(pages: Record<string, number>, total: number): void {
  for (const span of document.querySelectorAll<HTMLElement>('.toc-page[data-toc-target]')) {
    span.textContent = String(pages[span.dataset.tocTarget!] ?? '');
  }
  // Only when the contents end their page (as the stylesheet has them), what follows is on other pages.
  const toc = document.querySelector('.toc');
  const ownPages = toc !== null && ['page', 'left', 'right', 'recto', 'verso'].includes(getComputedStyle(toc).breakAfter);
  for (let node = ownPages ? toc : null; node && node !== document.body; node = node.parentElement) {
    while (node.nextSibling) node.nextSibling.remove();
  }
  for (const style of document.querySelectorAll('style')) style.textContent = style.textContent!.replaceAll('counter(pages)', `"${total}"`);
}

/** The headings of a page in document order, as plain text, for bookmarks. */
export function headingsOf(html: string): { id?: string; text: string }[] {
  return [...html.replace(/<svg[\s\S]*?<\/svg>/g, '').matchAll(/<h[1-6]([^>]*)>([\s\S]*?)<\/h[1-6]>/g)].map((m) => ({
    id: /\bid="([^"]+)"/.exec(m[1]!)?.[1],
    text: plainText(m[2]!),
  }));
}

function plainText(html: string): string {
  return htmlText(html).replace(/\s+/g, ' ').trim();
}

/**
 * Runs at most `limit` tasks at once, one fewer until `aside` settles; a freed slot goes to the
 * waiting task of highest priority. Slots are handed out a moment after they are asked for, so
 * that tasks asking together are ordered: printing the longest documents first keeps every slot
 * busy until the end.
 */
function limiter(limit: number, aside?: Promise<unknown>): <R>(priority: number, task: () => Promise<R>) => Promise<R> {
  let active = 0;
  let scheduled = false;
  let slots = aside ? limit - 1 : limit;
  const waiting: { priority: number; start: () => void }[] = [];
  const dispatch = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      waiting.sort((a, b) => b.priority - a.priority);
      for (; active < slots && waiting.length > 0; active++) waiting.shift()!.start();
    });
  };
  const widen = () => {
    slots = limit;
    dispatch();
  };
  aside?.then(widen, widen);
  return async (priority, task) => {
    await new Promise<void>((start) => {
      waiting.push({ priority, start });
      dispatch();
    });
    try {
      return await task();
    } finally {
      active--;
      dispatch();
    }
  };
}
