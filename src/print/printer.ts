import { availableParallelism } from 'node:os';
import type { Cache } from '../cache/cache.js';
import type { Document } from '../model.js';
import type { BrowserSession } from './browser-session.js';
import type { DocumentMetadata, FinishStep } from './finalize-pdf.js';
import { PrintCache, type FinishedPdf } from './print-cache.js';
import { assemble, printDocument } from './print-document.js';
import { PrintQueue } from './queue.js';
import { withRetry } from './retry.js';

/** A finished PDF, and whether it came from the cache. */
export interface Printed extends FinishedPdf {
  fromCache: boolean;
}

/**
 * Prints documents into finished PDFs, a few at a time (bounded by the machine's cores), the
 * same print never twice: unchanged ones come from the cache.
 */
export class Printer {
  readonly queue = new PrintQueue(Math.max(2, Math.min(4, availableParallelism())));
  private readonly cache: PrintCache;

  constructor(
    private readonly session: BrowserSession,
    private readonly store: Cache,
  ) {
    this.cache = new PrintCache(store);
  }

  /** `step`: the document's own finishing (a grid's form), kept in the cache with the PDF. */
  async print(doc: Document, html: string, metadata: DocumentMetadata, step?: FinishStep): Promise<Printed> {
    const printKey = this.cache.printKey(html);
    // The bookmarks follow from the HTML, which the key holds.
    const finishedKey = this.cache.finishedKey(printKey, metadata, step?.key);
    const finished = await this.cache.finished(finishedKey);
    if (finished) return { ...finished, fromCache: true };
    // pdf-lib (half a second to load) and the step's code load while Chromium prints: neither
    // before the build starts Chromium, nor for a build whose PDFs all come from the cache.
    const finishing = Promise.all([import('./finalize-pdf.js'), step?.load()]);
    // Awaited once printed: should the print fail first, a failure here is not left unhandled.
    finishing.catch(() => undefined);
    const raw = await this.cache.print(printKey);
    const fromCache = raw !== undefined;
    let printed;
    if (raw) printed = { raw, pdf: await assemble(raw) };
    else {
      // Documents queue while Chromium starts, so that the longest are printed first: those
      // with contents, then by length.
      await this.session.ready();
      const priority = (doc.hasToc ? 1e9 : 0) + html.length;
      printed = await this.queue.run(priority, () => withRetry(() => printDocument(doc, html, this.session)));
      this.store.later(this.cache.keepPrint(printKey, printed.raw));
    }
    // Finished once the page is free for the next document.
    const [{ finalizePdf }, finish] = await finishing;
    const { bytes, pages } = await finalizePdf(printed.pdf, { ...metadata, bookmarks: printed.raw.headings.map((h) => h.text) }, finish);
    const result = { pdf: bytes, pages, html: printed.raw.html };
    this.store.later(this.cache.keepFinished(finishedKey, result));
    return { ...result, fromCache };
  }
}
