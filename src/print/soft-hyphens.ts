import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import { PDFArray, PDFName, PDFRawStream, PDFRef, decodePDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';

const inflated = promisify(inflate);
const deflated = promisify(deflate);

/**
 * Chromium writes each soft hyphen into the text layer (a zero-width glyph whose ActualText is
 * U+00AD), so that "Per­ti­nence" is what search, copy-paste and screen readers get. Where no line
 * breaks, the soft hyphen's text is emptied. Where a line breaks at one, Chromium draws the
 * visible hyphen as a text object of its own just after: that hyphen's text is emptied and the
 * soft hyphen kept, the PDF way of saying "this word goes on at the next line".
 */
export async function cleanSoftHyphens(pdf: PDFDocument): Promise<void> {
  const refs = [...new Set(pdf.getPages().flatMap(contentRefs))];
  // Node's zlib, in its thread pool, every page at once: pdf-lib's own inflates and deflates a
  // pack's pages in seconds, and Node's in the main thread held up the build (1.3 s of 50 cases).
  await Promise.all(refs.map(async (ref) => {
    const stream = pdf.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return;
    const flate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
    const text = Buffer.from(flate ? await inflated(stream.contents) : decodePDFRawStream(stream).decode()).toString('latin1');
    if (!text.includes(softHyphenSpan)) return;
    const cleaned = await deflated(Buffer.from(cleanContent(text), 'latin1'));
    pdf.context.assign(ref, pdf.context.stream(cleaned, { Filter: 'FlateDecode' }));
  }));
}

const softHyphenSpan = '/Span<</ActualText <FEFF00AD> >> BDC';

// A soft hyphen's span, the rest of its text object, then a text object drawing one glyph: the
// hyphen of a broken line.
const brokenLine = new RegExp(
  String.raw`(/Span<</ActualText <FEFF00AD> >> BDC\n(?:(?!EMC\n)[^\n]*\n)*?EMC\n)((?:(?![^\n]*Tj\n)(?!BT\n)[^\n]*\n)*?ET\nBT\n(?:[^\n]*T[fm]\n)*)([^\n]*<[0-9A-Fa-f]+> Tj\n)(ET\n)`,
  'g',
);

/** The content stream with soft hyphens that break no line taken out of the text layer. */
export function cleanContent(text: string): string {
  const kept = '\u0000KEEP\u0000';
  return text
    .replace(brokenLine, (_, shy: string, between: string, hyphen: string, end: string) =>
      `${shy.replace(softHyphenSpan, kept)}${between}/Span<</ActualText () >> BDC\n${hyphen}EMC\n${end}`,
    )
    .replace(/\/ActualText <FEFF((?:[0-9A-Fa-f]{4})*)>/g, (span, hex: string) => {
      // A ligature's text ("f\u00ADf") keeps its letters.
      const units = hex.match(/.{4}/g) ?? [];
      if (!units.some((u) => u.toUpperCase() === '00AD')) return span;
      const rest = units.filter((u) => u.toUpperCase() !== '00AD');
      return rest.length === 0 ? '/ActualText ()' : `/ActualText <FEFF${rest.join('')}>`;
    })
    .replaceAll(kept, softHyphenSpan);
}

function contentRefs(page: PDFPage): PDFRef[] {
  const contents = page.node.get(PDFName.of('Contents'));
  if (contents instanceof PDFRef) {
    const resolved = page.node.context.lookup(contents);
    return resolved instanceof PDFArray ? resolved.asArray().filter((r): r is PDFRef => r instanceof PDFRef) : [contents];
  }
  if (contents instanceof PDFArray) return contents.asArray().filter((r): r is PDFRef => r instanceof PDFRef);
  return [];
}
