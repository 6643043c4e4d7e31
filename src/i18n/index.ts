import { en } from './en.js';
import { fr, type Dictionary } from './fr.js';

const dictionaries: Record<string, Dictionary> = { fr, en };

/** The dictionary of a course language (`fr-CA` uses `fr`); French by default. */
export function dictionary(lang: string): Dictionary {
  return dictionaries[lang.toLowerCase().split('-')[0] ?? 'fr'] ?? fr;
}

export const labels = (lang: string) => dictionary(lang).labels;
export const messages = (lang: string) => dictionary(lang).messages;
export const grading = (lang: string) => dictionary(lang).grading;

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
}

export const supportedLanguages = Object.keys(dictionaries);
