import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObjectCopier, PDFRef, PDFString, ParseSpeeds } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** 1-based page number. */
  page: number;
  depth: number;
}

/** A PDF as pdf-lib edits it, loaded without pdf-lib's pauses (they only add waits). */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** The bookmarks with the page each one opens, in document order. */
export function pdfOutline(pdf: PDFDocument): OutlineEntry[] {
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

/**
 * Replaces pages `first`–`last` (1-based) of `doc` by the pages of `replacement`: their contents
 * and the fonts they use. The pages keep everything else (links, tags, bookmarks), so the
 * replacement must be the same pages laid out the same way, printed again. False, and `doc`
 * untouched, when the replacement has another number of pages.
 */
export async function replacePages(doc: PDFDocument, pages: { first: number; last: number }, replacement: Uint8Array): Promise<boolean> {
  const source = await loadPdf(replacement);
  if (source.getPageCount() !== pages.last - pages.first + 1 || pages.last > doc.getPageCount()) return false;
  const copier = PDFObjectCopier.for(source.context, doc.context);
  source.getPages().forEach((page, i) => {
    const target = doc.getPage(pages.first - 1 + i).node;
    // The page's own content stream is dropped with it; its fonts may serve other pages.
    const old = target.get(PDFName.of('Contents'));
    if (old instanceof PDFRef) doc.context.delete(old);
    target.set(PDFName.of('Contents'), copier.copy(page.node.get(PDFName.of('Contents'))!));
    target.set(PDFName.of('Resources'), copier.copy(page.node.Resources()!));
  });
  return true;
}
