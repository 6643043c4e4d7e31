/**
 * Preformatted text (a fenced block with no language, or `text`, `ascii`, `plain`): ASCII
 * drawings, logs, terminal output. Never wrapped, since wrapping breaks a drawing: a block wider
 * than the column is set in a smaller size so that its longest line fits.
 */
export const preformattedLanguages = new Set(['text', 'txt', 'ascii', 'plain', 'plaintext']);

export function isPreformatted(lang: string | null | undefined): boolean {
  return !lang || preformattedLanguages.has(lang.toLowerCase());
}

/** Text width of the A4 column in mm (styles/print.css: 210 − 2 × 18 margins, pre's padding and border). */
const columnWidthMm = 210 - 36 - 1 - 6 - 1;
/** JetBrains Mono's advance is 0.6 em. */
const advanceEm = 0.6;
const mmPerPt = 25.4 / 72;
/** Code's usual size: 0.88 × 10.5 pt. */
const codeSizePt = 9.2;
/** Below this size a block takes a landscape page; below it on a landscape page, the build warns. */
export const smallestLegiblePt = 6;
const landscapeWidthMm = 297 - 36 - 1 - 6 - 1;

export interface PreformattedLayout {
  columns: number;
  /** Font size in pt that fits the longest line, at most the usual size of code. */
  sizePt: number;
  landscape: boolean;
}

/** Columns of a block: characters of its longest line (tabs count as 8 columns at most). */
export function columnsOf(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let col = 0;
    for (const ch of line) col = ch === '\t' ? col + 8 - (col % 8) : col + 1;
    widest = Math.max(widest, col);
  }
  return widest;
}

export function preformattedLayout(text: string): PreformattedLayout {
  const columns = columnsOf(text);
  const fit = (widthMm: number) => (columns === 0 ? codeSizePt : widthMm / mmPerPt / (columns * advanceEm));
  const portrait = Math.min(codeSizePt, fit(columnWidthMm));
  if (portrait >= smallestLegiblePt) return { columns, sizePt: round(portrait), landscape: false };
  return { columns, sizePt: round(Math.min(codeSizePt, fit(landscapeWidthMm))), landscape: true };
}

const round = (pt: number) => Math.floor(pt * 100) / 100;
