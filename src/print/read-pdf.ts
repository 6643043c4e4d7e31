import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** 1-based page number. */
  page: number;
  depth: number;
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;

/** Loaded on first use: a rebuild whose checks all come from the cache never needs it. */
function loadPdfReader(): Promise<Pdfjs> {
  // The worker module, imported first, registers itself: pdfjs then reads in this thread at once.
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.worker.min.mjs').then(() => import('pdfjs-dist/legacy/build/pdf.mjs'));
  return pdfjs;
}

async function open(bytes: Uint8Array) {
  const { getDocument } = await loadPdfReader();
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/** The text of each page, as a reader's copy-paste would give it. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await open(bytes);
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The bookmarks with the page each one opens, in document order (pdf-lib: quick to load). */
export async function pdfOutline(bytes: Uint8Array): Promise<OutlineEntry[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageOf = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const entries: OutlineEntry[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray) ?? item.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('D'), PDFArray);
      const target = dest?.get(0);
      entries.push({
        title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '',
        page: target instanceof PDFRef ? (pageOf.get(target.toString()) ?? 0) : 0,
        depth,
      });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return entries;
}
