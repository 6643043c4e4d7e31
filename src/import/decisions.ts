import { format } from '../i18n/index.js';
import { importWords } from '../i18n/import.js';

/** One thing the import did with a line of the document, for the trainer to review. */
export type Decision =
  | { line: number; kind: 'mapped'; target: string }
  | { line: number; kind: 'chat' | 'kept' | 'keptTrainer'; text: string; target?: string }
  | { line: number; kind: 'separator' }
  | { line: number; kind: 'guessed'; what: string; value: string };

export function formatDecision(decision: Decision, file: string, lang: string): string {
  const r = importWords(lang).report;
  const place = `${file}:${decision.line}`;
  switch (decision.kind) {
    case 'mapped':
      return format(r.mapped, { place, target: decision.target });
    case 'separator':
      return format(r.separator, { place });
    case 'guessed':
      return format(r.guessed, { place, what: decision.what, value: decision.value });
    default:
      return format(r[decision.kind], { place, text: decision.text, target: decision.target ?? '' });
  }
}
