import { execFileSync } from 'node:child_process';

/** Text of each page, as poppler's pdftotext extracts it (independent of casebook's own reader). */
export function pdfPages(path: string, options: { layout: boolean } = { layout: true }): string[] {
  // -layout keeps table rows on one line; without it, columns are read one after the other.
  const text = execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), path, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1).map(normalize);
}

export function pdfText(path: string): string {
  return pdfPages(path).join('\n');
}

/**
 * No-break spaces and soft hyphens are typography, not text. Where a line broke inside a word,
 * the text holds a soft hyphen and the line break (the printed hyphen is not text).
 */
export function normalize(text: string): string {
  return text.replace(/\u00AD\s*/g, '').replace(/[\u00A0\u202F]/g, ' ');
}

/** The words of a PDF with their boxes, in points, as poppler places them (`pdftotext -bbox`). */
export function pdfWords(path: string): { text: string; xMin: number; xMax: number; yMin: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    text: normalize(m[4]!),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
  }));
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** One line, single spaces: for text that the layout may wrap anywhere. */
export function flat(text: string): string {
  return normalize(text).replace(/\s+/g, ' ');
}
