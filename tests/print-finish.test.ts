import { PDFDict, PDFName, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../src/print/browser-session.js';
import { finalizePdf } from '../src/print/finalize-pdf.js';
import { loadPdf, pdfOutline } from '../src/print/read-pdf.js';

const session = new BrowserSession();
afterAll(() => session.close());

const print = (html: string) =>
  session.withPage({ javaScript: false }, async (page) => {
    await page.setContent(html);
    return page.pdf({ outline: true, tagged: true });
  });

const table = '<table><thead><tr><th>Name</th><th>Points</th></tr></thead><tbody><tr><td>Clarity</td><td>5</td></tr></tbody></table>';
const meta = { title: 'Workshop — Trainer edition', subject: 'Workshop', author: 'Ada', lang: 'en', keywords: ['Trainer edition'], date: new Date(1_700_000_000_000) };

/** The IDs of a tagged PDF's structure elements. */
async function structureIds(bytes: Uint8Array): Promise<string[]> {
  const pdf = await loadPdf(bytes);
  return pdf.context
    .enumerateIndirectObjects()
    .map(([, o]) => (o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('StructElem') ? o.get(PDFName.of('ID')) : undefined))
    .filter((id): id is PDFString => id instanceof PDFString)
    .map((id) => id.asString())
    .sort();
}

describe('finishing a PDF', () => {
  it('says what it is, dated from the build, with the headings’ clean text as bookmarks', async () => {
    const printed = await print('<h1>Cover</h1><h2>Re&shy;co&shy;very</h2>');
    const { bytes, pages } = await finalizePdf(printed, { ...meta, bookmarks: ['Cover', 'Recovery'] });
    const pdf = await loadPdf(bytes);
    expect(pages).toBe(1);
    expect(pdf.getTitle()).toBe(meta.title);
    expect(pdf.getAuthor()).toBe('Ada');
    expect(pdf.getCreationDate()?.getTime()).toBe(meta.date.getTime());
    expect(pdf.getModificationDate()?.getTime()).toBe(meta.date.getTime());
    expect(pdfOutline(pdf).map((e) => e.title)).toEqual(['Cover', 'Recovery']);
  });

  it('leaves Chromium’s bookmarks when the headings do not match them one for one', async () => {
    const { bytes } = await finalizePdf(await print('<h1>Cover</h1><h2>Two</h2>'), { ...meta, bookmarks: ['Only one'] });
    expect(pdfOutline(await loadPdf(bytes)).map((e) => e.title)).toEqual(['Cover', 'Two']);
  });

  it('numbers tagged header cells the same whatever the renderer printed before', async () => {
    const first = await print(table);
    await print(`<div>${'<p>filler</p>'.repeat(200)}</div>${table}`);
    const later = await print(table);
    // Chromium's own ids differ: the test would see a finishing that let them through.
    expect(await structureIds(first)).not.toEqual(await structureIds(later));
    const finish = async (bytes: Uint8Array) => structureIds((await finalizePdf(bytes, { ...meta, bookmarks: [] })).bytes);
    expect(await finish(first)).toEqual(await finish(later));
    expect((await finish(first)).every((id) => /^node\d{8}$/.test(id))).toBe(true);
  });
});
