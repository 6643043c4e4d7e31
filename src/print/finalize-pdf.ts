import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { loadPdf } from './read-pdf.js';
import { cleanSoftHyphens } from './soft-hyphens.js';

/** What a PDF says of itself, but for its bookmarks, which follow from its HTML. */
export interface DocumentMetadata {
  title: string;
  subject: string;
  author?: string;
  lang: string;
  keywords: string[];
  /** Creation and modification date: SOURCE_DATE_EPOCH when set, so builds are reproducible. */
  date: Date;
}

export interface PdfMetadata extends DocumentMetadata {
  /** Clean titles for the bookmarks, one per heading in document order. */
  bookmarks: string[];
}

/** A change of a document's own, made in the same pass as the rest of its finishing (a grid's form). */
export type Finish = (pdf: PDFDocument) => void;

/**
 * A document's own finishing. Its code loads only when a PDF is to be finished (not for one from
 * the cache); its key says what it depends on besides the page, and is part of the finished PDF's.
 */
export interface FinishStep {
  key: string;
  load(): Promise<Finish>;
}

/**
 * Sets what a PDF reader shows (title, author, language) and fixes the dates Chromium stamps, then
 * makes the document's own change (`finish`), all before one save. A PDF already loaded (to read
 * its bookmarks) is finished as it is, without parsing it again.
 */
export async function finalizePdf(printed: Uint8Array | PDFDocument, meta: PdfMetadata, finish?: Finish): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = printed instanceof PDFDocument ? printed : await loadPdf(printed);
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
  renumberStructureIds(pdf);
  await cleanSoftHyphens(pdf);
  finish?.(pdf);
  // Without pauses: pdf-lib yields to the event loop every 50 objects by default, which only adds
  // waits. A form's fields come with their appearances (pdf-lib would redo them with Helvetica, not embedded).
  const bytes = await pdf.save({ useObjectStreams: false, objectsPerTick: Infinity, updateFieldAppearances: false });
  return { bytes, pages: pdf.getPageCount() };
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

/**
 * Tagged tables name their header cells after Chromium's DOM node counter, which depends on what
 * the renderer printed before: numbered again in document order, two builds give the same bytes.
 */
function renumberStructureIds(pdf: PDFDocument): void {
  const ids = new Map<string, string>();
  const renamed = (value: unknown) => {
    if (!(value instanceof PDFString)) return value;
    const old = value.asString();
    if (!ids.has(old)) ids.set(old, `node${String(ids.size + 1).padStart(8, '0')}`);
    return PDFString.of(ids.get(old)!);
  };
  const elements = pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('StructElem'));
  for (const element of elements) {
    const id = element.get(PDFName.of('ID'));
    if (id) element.set(PDFName.of('ID'), renamed(id) as PDFString);
  }
  for (const element of elements) {
    const attributes = element.lookup(PDFName.of('A'));
    const list = attributes instanceof PDFArray ? attributes.asArray() : attributes ? [attributes] : [];
    for (const attribute of list) {
      const headers = attribute instanceof PDFDict ? attribute.lookup(PDFName.of('Headers')) : undefined;
      if (headers instanceof PDFArray) headers.asArray().forEach((h, i) => headers.set(i, renamed(h) as PDFString));
    }
  }
  rebuildIdTree(pdf, (id) => ids.get(id) ?? id);
}

/** The structure tree's index of ids, under the new ids, sorted as a name tree must be. */
function rebuildIdTree(pdf: PDFDocument, rename: (id: string) => string): void {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const tree = root?.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (!root || !tree) return;
  const entries: [string, PDFObject][] = [];
  const collect = (node: PDFDict) => {
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? [];
    for (let i = 0; i + 1 < names.length; i += 2) {
      const key = names[i];
      if (key instanceof PDFString || key instanceof PDFHexString) entries.push([rename(key.decodeText()), names[i + 1]!]);
    }
    for (const kid of node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) {
      const dict = pdf.context.lookup(kid);
      if (dict instanceof PDFDict) collect(dict);
      if (kid instanceof PDFRef) pdf.context.delete(kid);
    }
  };
  collect(tree);
  const old = root.get(PDFName.of('IDTree'));
  // The old nodes still hold the old ids: they must not stay in the file.
  if (old instanceof PDFRef) pdf.context.delete(old);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const names = pdf.context.obj(entries.flatMap(([id, ref]) => [PDFString.of(id), ref]));
  root.set(PDFName.of('IDTree'), pdf.context.obj({ Names: names }));
}
