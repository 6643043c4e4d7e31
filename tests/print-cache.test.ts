import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Cache } from '../src/cache/cache.js';
import { finalizePdf } from '../src/print/finalize-pdf.js';
import { PrintCache, type RawPrint } from '../src/print/print-cache.js';
import { assemble } from '../src/print/print-document.js';
import { loadPdf, replacePages } from '../src/print/read-pdf.js';
import { tempDir } from './helpers/course.js';

async function pdfWith(texts: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of texts) doc.addPage([200, 200]).drawText(text, { x: 20, y: 100, size: 12, font });
  return doc.save();
}

const meta = { title: 'T', subject: 'S', lang: 'en', keywords: [], bookmarks: [], date: new Date(1_700_000_000_000) };

describe('the print cache', () => {
  it('gives back a print with its contents printed apart, and the finished PDF, as kept', async () => {
    const cache = new PrintCache(new Cache(await tempDir()));
    const key = cache.printKey('<html>a</html>');
    expect(cache.printKey('<html>b</html>')).not.toBe(key);
    const print: RawPrint = { pdf: await pdfWith(['ONE', 'TWO']), contents: { range: { first: 2, last: 2 }, pdf: await pdfWith(['TOC']) }, headings: [{ id: 'toc-title', text: 'Contents' }, { text: 'One' }], html: '<html>a 2</html>' };
    expect(await cache.print(key)).toBeUndefined();
    await cache.keepPrint(key, print);
    expect(await cache.print(key)).toEqual(print);

    const finishedKey = cache.finishedKey(key, meta);
    expect(cache.finishedKey(key, { ...meta, date: new Date(0) })).not.toBe(finishedKey);
    // A document's own finishing (a grid's form) is kept with it, under its own key.
    expect(cache.finishedKey(key, meta, 'form')).not.toBe(finishedKey);
    expect(cache.finishedKey(key, meta, 'form')).not.toBe(cache.finishedKey(key, meta, 'other form'));
    await cache.keepFinished(finishedKey, { pdf: print.pdf, pages: 2, html: print.html });
    expect(await cache.finished(finishedKey)).toEqual({ pdf: print.pdf, pages: 2, html: print.html });
  });

  it('misses an entry whose parts are not all there', async () => {
    const dir = await tempDir();
    const cache = new PrintCache(new Cache(dir));
    const key = cache.printKey('x');
    await new Cache(dir).put('print', key, await pdfWith(['ONE']));
    expect(await cache.print(key)).toBeUndefined();
    await new Cache(dir).put('print-about', key, JSON.stringify({ html: 'x', range: { first: 1, last: 1 } }));
    // The contents printed apart are missing.
    expect(await cache.print(key)).toBeUndefined();
  });

  it('keeps nothing with --no-cache', async () => {
    const cache = new PrintCache(new Cache(undefined));
    const key = cache.printKey('x');
    await cache.keepPrint(key, { pdf: await pdfWith(['ONE']), headings: [], html: 'x' });
    expect(await cache.print(key)).toBeUndefined();
  });

  it('finishes a print from the cache to the same bytes as the fresh one', async () => {
    const print: RawPrint = { pdf: await pdfWith(['COVER', 'OLD CONTENTS', 'BODY']), contents: { range: { first: 2, last: 2 }, pdf: await pdfWith(['CONTENTS 3']) }, headings: [], html: '' };
    // What a fresh print finishes: the first print, loaded, with the contents put in place.
    const fresh = await loadPdf(print.pdf);
    expect(await replacePages(fresh, print.contents!.range, print.contents!.pdf)).toBe(true);
    const fromFresh = await finalizePdf(fresh, meta);
    const fromCache = await finalizePdf(await assemble(print), meta);
    expect(Buffer.compare(Buffer.from(fromCache.bytes), Buffer.from(fromFresh.bytes))).toBe(0);
  });
});
