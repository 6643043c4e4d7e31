import { parseDocument, stringify } from 'yaml';
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
 * A new case that already passes `npm run check`, in the course's language and of no field in
 * particular: metadata with placeholders, a statement's items, and an answer key with a diagram
 * to start from.
 */
export function caseMarkdown(input: ScaffoldInput): string {
  const d = dictionary(input.lang);
  const s = d.workflow.scaffold;
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
    item(s.context),
    item(s.needs),
    item(s.constraints),
    item(s.expected),
    '',
    ':::solution',
    `## ${s.solution}`,
    '',
    `**${s.diagram}**`,
    '',
    '```mermaid',
    'flowchart TD',
    `  A["${format(s.step, { n: 1 })}"] --> B["${format(s.step, { n: 2 })}"]`,
    '```',
    '',
    ...part(s.keyChoices),
    ...part(s.pitfalls).slice(0, -1),
    ':::',
    '',
  ].join('\n');
}

/**
 * The course's own scaffold (`templates/case.md` in its folder) made into the next case: its
 * front matter gets the case's number, id and name; the rest is the trainer's.
 */
export function caseFromScaffold(scaffold: string, input: Pick<ScaffoldInput, 'number' | 'id' | 'organisation'>): string | undefined {
  const match = /^---\n([\s\S]*?\n)?---(\n|$)/.exec(scaffold.replace(/\r\n?/g, '\n'));
  if (!match) return undefined;
  const doc = parseDocument(match[1] ?? '');
  if (doc.errors.length > 0) return undefined;
  doc.set('number', input.number);
  doc.set('id', input.id);
  doc.set('organisation', input.organisation);
  return `---\n${doc.toString()}---\n${scaffold.replace(/\r\n?/g, '\n').slice(match[0].length)}`;
}
