import { Cache } from '../cache/cache.js';
import type { Heading } from '../model.js';
import type { PageRange } from './contents.js';

/**
 * What Chromium printed for one HTML, kept as it came out: the whole print, and for a document
 * with contents, the contents' pages printed again with their numbers. Assembling them is done
 * in the process (`assemble`), so a print from the cache finishes exactly as a fresh one.
 */
export interface RawPrint {
  pdf: Uint8Array;
  contents?: { range: PageRange; pdf: Uint8Array };
  /** The page's headings in document order: one bookmark each. */
  headings: Heading[];
  /** The HTML as printed, with its contents' numbers filled. */
  html: string;
}

/** A finished PDF (metadata, bookmarks, dates, a grid's form), with the HTML it was printed from. */
export interface FinishedPdf {
  pdf: Uint8Array;
  pages: number;
  html: string;
}

// Change whenever what is kept, or how it is made, changes: older entries then simply miss. The
// finishing has its own, so that a change to it (pdf-lib's pass) reprints nothing.
const printVersion = 'print-v7';
const finishVersion = 'finish-v1';

/**
 * The two layers of the print cache: raw prints by their HTML, and finished PDFs by their HTML
 * and metadata too, so that a build on another day only dates the same prints again.
 */
export class PrintCache {
  constructor(private readonly cache: Cache) {}

  printKey(html: string): string {
    return Cache.key(printVersion, html);
  }

  /** `step`: the key of the document's own finishing (`FinishStep`), if it has one. */
  finishedKey(printKey: string, metadata: unknown, step = ''): string {
    return Cache.key(finishVersion, printKey, JSON.stringify(metadata), step);
  }

  async finished(key: string): Promise<FinishedPdf | undefined> {
    const [pdf, about] = await Promise.all([this.cache.get('pdf', key), this.cache.get('pdf-about', key)]);
    if (!pdf || !about) return undefined;
    const { pages, html } = JSON.parse(about.toString('utf8')) as { pages: number; html: string };
    return { pdf: new Uint8Array(pdf), pages, html };
  }

  async keepFinished(key: string, finished: FinishedPdf): Promise<void> {
    await this.cache.put('pdf', key, finished.pdf);
    await this.cache.put('pdf-about', key, JSON.stringify({ pages: finished.pages, html: finished.html }));
  }

  async print(key: string): Promise<RawPrint | undefined> {
    const [pdf, about] = await Promise.all([this.cache.get('print', key), this.cache.get('print-about', key)]);
    if (!pdf || !about) return undefined;
    const { html, headings, range } = JSON.parse(about.toString('utf8')) as { html: string; headings: Heading[]; range?: PageRange };
    if (!range) return { pdf: new Uint8Array(pdf), headings, html };
    const contents = await this.cache.get('print-contents', key);
    return contents ? { pdf: new Uint8Array(pdf), contents: { range, pdf: new Uint8Array(contents) }, headings, html } : undefined;
  }

  async keepPrint(key: string, print: RawPrint): Promise<void> {
    await this.cache.put('print', key, print.pdf);
    if (print.contents) await this.cache.put('print-contents', key, print.contents.pdf);
    // Last: an entry counts only once all its parts are in.
    await this.cache.put('print-about', key, JSON.stringify({ html: print.html, headings: print.headings, range: print.contents?.range }));
  }
}
