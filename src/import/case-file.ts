import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { stringify } from 'yaml';
import type { Problem } from '../errors.js';
import { dictionary, format, labels } from '../i18n/index.js';
import { importWords } from '../i18n/import.js';
import { casesDirName } from '../load/load-course.js';
import { slugify } from '../new-case/scaffold.js';
import { blocksMarkdown, type Leftover } from './blocks.js';
import type { Decision } from './decisions.js';
import type { CaseOutline } from './outline.js';
import { inlineOf, lineOf } from './source-text.js';

export interface CaseFile {
  path: string;
  text: string;
  decisions: Decision[];
  problems: Problem[];
}

export interface CaseInput {
  outline: CaseOutline;
  /** Unrecognised parts placed before this case's solution: they open its statement. */
  carried: Leftover[];
  /** Unrecognised parts after the last solution: kept, for the trainer only. */
  trainerNotes: Leftover[];
  /** Ids already given to earlier cases. */
  takenIds: Set<string>;
}

/** One case file: its metadata from the case heading, its statement, its solution in `:::solution`. */
export function caseFile(text: string, file: string, lang: string, input: CaseInput): CaseFile {
  const r = importWords(lang).report;
  const c = input.outline;
  const line = lineOf(c.heading);
  const problems: Problem[] = [];
  const meta = caseHeading(text, c.heading, c.number);
  let id = slugify(meta.organisation) || String(c.number);
  if (input.takenIds.has(id)) id = `${id}-${c.number}`;
  input.takenIds.add(id);
  const path = `${casesDirName}/${labels(lang).files.casePrefix}-${c.number}-${id}.md`;
  const decisions: Decision[] = [{ line, kind: 'mapped', target: `${path} (number, id, organisation, sector, goal)` }];
  if (meta.guessed) decisions.push({ line, kind: 'guessed', what: 'organisation, sector', value: `${meta.organisation}, ${meta.sector}` });

  const depth = c.heading.depth;
  if (!c.statement.some((n) => n.type !== 'heading')) problems.push({ place: { file, line }, message: format(r.noStatement, { number: c.number }) });
  if (!c.solutionHeading) problems.push({ place: { file, line }, message: format(r.noSolution, { number: c.number }) });
  if (c.statement[0]) decisions.push({ line: lineOf(c.statement[0]), kind: 'mapped', target: `${path} (${dictionary(lang).workflow.scaffold.statement})` });
  if (c.solutionHeading) decisions.push({ line: lineOf(c.solutionHeading), kind: 'mapped', target: `${path} :::solution` });
  for (const node of [...c.statement, ...c.solution].filter((n) => n.type === 'code' && !n.lang)) {
    decisions.push({ line: lineOf(node), kind: 'mapped', target: `${path} \`\`\`text` });
  }
  decisions.push(...input.carried.map((l): Decision => ({ line: l.line, kind: 'kept', text: l.preview, target: path })));
  decisions.push(...input.trainerNotes.map((l): Decision => ({ line: l.line, kind: 'keptTrainer', text: l.preview, target: `${path} :::trainer` })));

  const frontMatter = stringify({ number: c.number, id, organisation: meta.organisation, sector: meta.sector, goal: meta.goal }, { lineWidth: 0 });
  const statement = [...input.carried.map((l) => l.markdown), blocksMarkdown(text, c.statement, depth)].filter((t) => t !== '');
  const body = [
    `---\n${frontMatter}---`,
    ...statement,
    trainerBlock('solution', blocksMarkdown(text, c.solution, depth)),
    ...(input.trainerNotes.length > 0 ? [trainerBlock('trainer', input.trainerNotes.map((l) => l.markdown).join('\n\n'))] : []),
  ];
  return { path, text: `${body.join('\n\n')}\n`, decisions, problems };
}

/**
 * A trainer-only block whose fence is longer than any colon run that starts a line inside it:
 * no line of the solution can close it early and spill the rest into the student's edition.
 */
function trainerBlock(name: string, markdown: string): string {
  const longest = Math.max(2, ...[...markdown.matchAll(/^\s*(:+)/gm)].map((m) => m[1]!.length));
  const fence = ':'.repeat(longest + 1);
  return `${fence}${name}\n${markdown}\n${fence}`;
}

interface CaseMeta {
  organisation: string;
  sector: string;
  goal: string;
  /** No bold name in the heading: organisation and sector read from its words. */
  guessed: boolean;
}

/** "Cas 1 — Banque **FinTrust** : détection de fraude < 2 s" → sector, organisation (in bold), goal. */
export function caseHeading(text: string, heading: Heading, number: number): CaseMeta {
  const inline = inlineOf(text, heading);
  // The words before the number are matched on the plain text; the rest is kept as typed.
  const prefix = new RegExp(`^[^\\d]*?${number}(?![\\d])\\s*[—–:.)-]?\\s*`, 'u').exec(inline);
  const rest = prefix ? inline.slice(prefix[0].length) : inline;
  const split = /\s*[:：]\s+|\s+[—–-]\s+/u.exec(rest);
  const who = split ? rest.slice(0, split.index) : rest;
  const goal = split ? rest.slice(split.index + split[0].length).trim() : '';
  const bold = /\*\*(.+?)\*\*|__(.+?)__/u.exec(who);
  if (bold) {
    const organisation = (bold[1] ?? bold[2]!).trim();
    const sector = (who.slice(0, bold.index) + who.slice(bold.index + bold[0].length)).replace(/\s+/g, ' ').trim();
    return { organisation, sector: sector || organisation, goal: goal || organisation, guessed: sector === '' };
  }
  const words = toString({ type: 'paragraph', children: [{ type: 'text', value: who }] }).trim().split(/\s+/);
  const organisation = words.length > 1 ? words.at(-1)! : words[0] || String(number);
  const sector = words.length > 1 ? words.slice(0, -1).join(' ') : organisation;
  return { organisation, sector, goal: goal || who.trim() || organisation, guessed: true };
}
