import { PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  subject: string;
  author?: string;
  lang: string;
  keywords: string[];
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
  return pdf.save({ useObjectStreams: false });
}
