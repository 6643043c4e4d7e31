import type { Page } from 'puppeteer';
import type { PDFDocument } from 'pdf-lib';
import type { Document, Heading } from '../model.js';
import type { BrowserSession } from './browser-session.js';
import { contentsLayout, contentsOnly, fillContents } from './contents.js';
import type { RawPrint } from './print-cache.js';

const pageTimeout = 60_000;

const printOptions = {
  preferCSSPageSize: true,
  printBackground: true,
  outline: true,
  tagged: true,
  timeout: pageTimeout,
} as const;

/**
 * Pages beyond which a document's page is not reused: its renderer keeps the memory of the
 * longest layout it made (a 180-page pack: ~150 MB more until the end of the build).
 */
const longDocument = 60;

/** A fresh print: what the cache keeps, and the PDF it stands for (already loaded when it was read). */
export interface FreshPrint {
  raw: RawPrint;
  pdf: Uint8Array | PDFDocument;
}

// pdf-lib, loaded while the first documents print (see printer.ts).
const readPdf = () => import('./read-pdf.js');

/** Prints one document in a page of the session; a document with contents gets their page numbers (see contents.ts). */
export function printDocument(doc: Document, html: string, session: BrowserSession): Promise<FreshPrint> {
  let long = false;
  const fresh = (raw: RawPrint, pdf: Uint8Array | PDFDocument = raw.pdf): FreshPrint => ({ raw, pdf });
  return session.withPage({ javaScript: false }, async (page) => {
    if (!doc.hasToc) return fresh({ ...(await printHtml(page, html)), html });
    const blank = fillContents(html, new Map());
    const { pdf: first, headings } = await printHtml(page, blank);
    const { loadPdf, pdfOutline, replacePages } = await readPdf();
    const printed = await loadPdf(first);
    long = printed.getPageCount() > longDocument;
    const { pages, range } = contentsLayout(headings, new Set(doc.contents), pdfOutline(printed));
    if (pages.size === 0) return fresh({ pdf: first, headings, html: blank }, printed);
    const filled = fillContents(html, pages);
    if (range) {
      // What follows the contents is dropped from the page first: laying out the whole document
      // again would cost as much as its first print.
      await page.evaluate(contentsOnly, Object.fromEntries(pages), printed.getPageCount());
      const contents = await page.pdf({ ...printOptions, pageRanges: `${range.first}-${range.last}` });
      if (await replacePages(printed, range, contents)) return fresh({ pdf: first, contents: { range, pdf: contents }, headings, html: filled }, printed);
    }
    // Should the contents ever take another number of pages, the whole document is printed again.
    return fresh({ ...(await printHtml(page, filled)), html: filled });
  }, () => !long);
}

/**
 * The PDF a raw print from the cache stands for: the same steps as a fresh print, so that both
 * finish to the same bytes.
 */
export async function assemble(print: RawPrint): Promise<Uint8Array | PDFDocument> {
  if (!print.contents) return print.pdf;
  const { loadPdf, replacePages } = await readPdf();
  const pdf = await loadPdf(print.pdf);
  if (!(await replacePages(pdf, print.contents.range, print.contents.pdf))) {
    throw new Error('the contents printed apart no longer fit their pages');
  }
  return pdf;
}

async function printHtml(page: Page, html: string): Promise<{ pdf: Uint8Array; headings: Heading[] }> {
  await page.setContent(html, { waitUntil: 'load', timeout: pageTimeout });
  const [headings] = await Promise.all([page.evaluate(pageHeadings), page.evaluate(loadMarginFonts)]);
  return { pdf: await page.pdf(printOptions), headings };
}

/**
 * The page's headings in document order, as the PDF's bookmarks will be (one each), drawings left
 * out; their text as a reader gets it. Read in the page, where the HTML is already parsed: parsing
 * it again in Node held up every print (a pack's contents wait for its headings).
 */
function pageHeadings(): Heading[] {
  return Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .filter((heading) => heading.closest('svg') === null)
    .map((heading) => {
      const id = heading.getAttribute('id');
      const text = (heading.textContent ?? '').replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
      return id === null ? { text } : { id, text };
    });
}

/**
 * Loads the faces of the page margins (running header, page numbers) before printing. Only
 * printing lays the margins out: a face no text of the page uses is asked for then, and on a
 * loaded machine it came too late for the first page, whose header and footer were left blank.
 * Runs in the page, through DevTools (the page's own scripts stay off).
 */
async function loadMarginFonts(): Promise<void> {
  const root = getComputedStyle(document.documentElement);
  const substituted = (value: string) => value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => root.getPropertyValue(name).trim());
  const fonts = new Set<string>();
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSPageRule)) continue;
      for (const margin of Array.from((rule as CSSPageRule & { cssRules?: CSSRuleList }).cssRules ?? [])) {
        const style = (margin as CSSStyleRule).style;
        const font = style.getPropertyValue('font');
        if (font) fonts.add(substituted(font));
        else if (style.getPropertyValue('font-family')) fonts.add(`${style.getPropertyValue('font-style')} ${style.getPropertyValue('font-weight')} 10pt ${substituted(style.getPropertyValue('font-family'))}`.trim());
      }
    }
  }
  await Promise.all([...fonts].map((font) => document.fonts.load(font).catch(() => [])));
}
