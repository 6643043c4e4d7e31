import { allImportWords, importLanguages, importWords, type ImportWords } from '../i18n/import.js';

export type HeadingKind = keyof ImportWords['headings'];
export type LabelKind = keyof ImportWords['labels'];

/** Lowercase, no accents, one kind of apostrophe and space: how headings are compared. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The word of `words` that `text` starts with, as a whole word; the longest when several do. */
export function startsWithWord(text: string, words: readonly string[]): string | undefined {
  const folded = fold(text);
  return words
    .map(fold)
    .filter((w) => folded.startsWith(w) && !/[\p{L}\p{N}]/u.test(folded.charAt(w.length)))
    .sort((a, b) => b.length - a.length)[0];
}

const every = <T>(pick: (w: ImportWords) => readonly T[]): T[] => allImportWords.flatMap(pick);

/** `Cas 1 — …`, `Case 2: …`, `Exercice n°3 …`: the heading's case number, in any language. */
export function caseNumber(text: string): number | undefined {
  const word = startsWithWord(text, every((w) => w.headings.case));
  if (word === undefined) return undefined;
  const rest = fold(text).slice(word.length);
  const match = /^\s*(?:n°|n o|no\.?|#)?\s*(\d+)(?![\p{L}\p{N}])/u.exec(rest);
  return match ? Number(match[1]) : undefined;
}

/** What a heading announces, by its first words in any language; a case only with its number. */
export function headingKind(text: string): HeadingKind | undefined {
  if (caseNumber(text) !== undefined) return 'case';
  const order: HeadingKind[] = ['solution', 'statement', 'restitution', 'checklist', 'frame'];
  return order.find((kind) => startsWithWord(text, every((w) => w.headings[kind])) !== undefined);
}

/** What a frame item's label (`**Durée** :`, `### Barème (20 pts)`) is about. */
export function labelKind(text: string): LabelKind | undefined {
  const order: LabelKind[] = ['duration', 'deliverables', 'rubric'];
  return order.find((kind) => startsWithWord(text, every((w) => w.labels[kind])) !== undefined);
}

export function isChat(text: string): boolean {
  return startsWithWord(text, every((w) => w.chat)) !== undefined;
}

export function isRestitutionSegment(label: string): boolean {
  return startsWithWord(label, every((w) => w.restitutionSegment)) !== undefined;
}

/** Unit words of points and "out of" words, folded, for the rubric's patterns. */
export const pointWords = [...new Set(every((w) => w.points).map(fold))];
export const outOfWords = [...new Set(every((w) => w.outOf).map(fold))];

/** The language whose frequent words the text uses most (French when none). */
export function guessLanguage(text: string): string {
  const words = fold(text).split(/[^\p{L}]+/u);
  const counts = importLanguages.map((lang) => {
    const common = new Set(importWords(lang).common);
    return { lang, count: words.filter((w) => common.has(w)).length };
  });
  return counts.reduce((best, c) => (c.count > best.count ? c : best), { lang: 'fr', count: 0 }).lang;
}

/** Words of a kind in every language, to tell the trainer what was looked for. */
export function wordsOf(kind: HeadingKind | LabelKind, lang: string): string {
  const w = importWords(lang);
  const list = kind in w.headings ? w.headings[kind as HeadingKind] : w.labels[kind as LabelKind];
  return list.slice(0, 4).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(', ');
}
