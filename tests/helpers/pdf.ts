import { execFileSync } from 'node:child_process';

/** Text of each page, as poppler's pdftotext extracts it (independent of casebook's own reader). */
export function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1).map(normalize);
}

export function pdfText(path: string): string {
  return pdfPages(path).join('\n');
}

/** No-break spaces and soft hyphens are typography, not text. */
export function normalize(text: string): string {
  return text.replace(/\u00AD/g, '').replace(/[\u00A0\u202F]/g, ' ');
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}
