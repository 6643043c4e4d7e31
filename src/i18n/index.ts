import { en } from './en.js';
import { fr, type Dictionary } from './fr.js';

export type { Dictionary };

const dictionaries: Record<string, Dictionary> = { fr, en };

/** The language of a course that does not say (casebook's first courses were French). */
export const defaultCourseLang = 'fr';

/** The dictionary of a course language (`fr-CA` uses `fr`); French by default. */
export function dictionary(lang: string): Dictionary {
  return dictionaries[lang.toLowerCase().split('-')[0] ?? 'fr'] ?? fr;
}

export const labels = (lang: string) => dictionary(lang).labels;
export const messages = (lang: string) => dictionary(lang).messages;
export const grading = (lang: string) => dictionary(lang).grading;

/**
 * Fills `{name}` placeholders. `{name|one|other}` is a word that agrees with the number `name`,
 * by `lang`'s plural rules (French: 0 and 1 take the singular; English: 1 only), so that a printed
 * summary says "1 groupe noté", "3 groups graded", never "group(s)".
 */
export function format(template: string, values: Record<string, string | number>, lang?: string): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, key: string, one?: string, other?: string) => {
    if (one === undefined || other === undefined) return String(values[key] ?? whole);
    if (lang === undefined) throw new Error(`format: "${whole}" needs the language for its plural`);
    return new Intl.PluralRules(labels(lang).locale).select(Number(values[key])) === 'one' ? one : other;
  });
}

/** A number as the language writes it, with `digits` decimals (`5,0` in French). */
export function formatNumber(lang: string, n: number, digits: number): string {
  return n.toLocaleString(labels(lang).locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const supportedLanguages = Object.keys(dictionaries);

/**
 * The language of messages printed before any course is read (no content folder, a usage
 * error): the system locale's when casebook speaks it, English otherwise.
 */
export function systemLang(env: NodeJS.ProcessEnv): string {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  const code = locale?.split(/[_.@-]/)[0]?.toLowerCase() ?? '';
  return code in dictionaries ? code : 'en';
}
