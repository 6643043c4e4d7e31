import { stringify } from 'yaml';
import { dictionary, format } from '../i18n/index.js';

export interface ScaffoldInput {
  number: number;
  id: string;
  organisation: string;
  lang: string;
  /** Rubric criterion ids: one indicator placeholder each. */
  criteria: string[];
}

/** `Société Générale d’Œuvres` → `societe-generale-d-oeuvres`: a valid case id. */
export function slugify(name: string): string {
  return name
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** One more than the highest case number in use. */
export function nextNumber(numbers: number[]): number {
  return numbers.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/**
 * A new case that already passes `npm run check`: metadata with placeholders, the statement's
 * four items, and an answer key with a diagram to start from, in the course's language.
 */
export function caseMarkdown(input: ScaffoldInput): string {
  const d = dictionary(input.lang);
  const s = d.workflow.scaffold;
  const layers = d.labels.layers;
  const frontMatter = stringify({
    number: input.number,
    id: input.id,
    organisation: input.organisation,
    sector: s.todo,
    goal: s.todo,
    figures: [],
    tags: [],
    indicators: Object.fromEntries(input.criteria.map((id) => [id, [s.todo]])),
  });
  const item = (label: string) => `* ${format(d.labels.listLabel, { label })} ${s.todo}.`;
  const part = (label: string) => [`**${label}**`, '', `* ${s.todo}.`, ''];
  return [
    '---',
    frontMatter.trimEnd(),
    '---',
    '',
    `## ${s.statement}`,
    '',
    item(s.needs),
    item(s.sources),
    item(s.constraints),
    item(s.expected),
    '',
    ':::solution',
    `## ${s.solution}`,
    '',
    `**${s.architecture}**`,
    '',
    '```mermaid',
    'flowchart LR',
    `  SRC["${layers.sources}"] --> ING["${layers.ingestion}"] --> STO["${layers.storage}"] --> USE["${layers.consumption}"]`,
    '```',
    '',
    ...part(s.keyChoices),
    ...part(s.kpi),
    ...part(s.alternatives).slice(0, -1),
    ':::',
    '',
  ].join('\n');
}
