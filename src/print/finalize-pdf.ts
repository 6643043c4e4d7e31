import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  subject: string;
  author?: string;
  lang: string;
  keywords: string[];
  /** Clean titles for the bookmarks, one per heading in document order. */
  bookmarks: string[];
  /** Creation and modification date: SOURCE_DATE_EPOCH when set, so builds are reproducible. */
  date: Date;
}

/** Sets what a PDF reader shows (title, author, language) and fixes the dates Chromium stamps. */
export async function finalizePdf(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setSubject(meta.subject);
  if (meta.author) pdf.setAuthor(meta.author);
  pdf.setKeywords(meta.keywords);
  pdf.setLanguage(meta.lang);
  pdf.setCreator('casebook');
  pdf.setProducer('casebook (Chromium, pdf-lib)');
  pdf.setCreationDate(meta.date);
  pdf.setModificationDate(meta.date);
  retitleBookmarks(pdf, meta.bookmarks);
  return pdf.save({ useObjectStreams: false });
}

/**
 * Chromium's bookmark titles repeat runs of text and keep soft hyphens (they would show in a
 * reader's side panel); the headings' own text replaces them, in the same document order.
 */
function retitleBookmarks(pdf: PDFDocument, titles: string[]): void {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const items: PDFDict[] = [];
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push(item);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  if (items.length !== titles.length) return;
  items.forEach((item, i) => item.set(PDFName.of('Title'), PDFHexString.fromText(titles[i]!)));
}
