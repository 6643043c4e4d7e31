import { importEn } from './import-en.js';
import { importFr, type ImportWords } from './import-fr.js';

export type { ImportWords };

const vocabularies: Record<string, ImportWords> = { fr: importFr, en: importEn };

/** What the importer says, in a document's language (French by default). */
export function importWords(lang: string): ImportWords {
  return vocabularies[lang.toLowerCase().split('-')[0] ?? 'fr'] ?? importFr;
}

/** Every language's words: a French document may well title its solution "Solution". */
export const allImportWords = Object.values(vocabularies);
export const importLanguages = Object.keys(vocabularies);
