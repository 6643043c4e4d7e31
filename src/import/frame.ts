import type { Heading, List, ListItem, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Problem } from '../errors.js';
import { format } from '../i18n/index.js';
import { importWords } from '../i18n/import.js';
import { slugify } from '../new-case/scaffold.js';
import { leftover, type Leftover } from './blocks.js';
import type { Decision } from './decisions.js';
import { parseCriterion, parseRubricLabel, parseSegment, parseTiming } from './frame-text.js';
import type { Section } from './outline.js';
import { inlineOf, lineOf } from './source-text.js';
import { isRestitutionSegment, labelKind, type LabelKind } from './vocabulary.js';

export interface FrameData {
  heading?: string;
  /** The paragraph right under the title, when there is one. */
  subtitle?: string;
  timing?: { label: string; total: number; segments: { id?: string; minutes: number; label: string }[] };
  deliverables?: { label: string; items: string[] };
  rubric?: { label: string; total: number; criteria: { id: string; label: string; points: number; description?: string }[] };
}

export interface FrameResult {
  data: FrameData;
  leftovers: Leftover[];
  decisions: Decision[];
  problems: Problem[];
}

interface Labelled {
  kind: LabelKind;
  line: number;
  /** The label's inline Markdown and what follows it on its line, as plain text. */
  label: string;
  rest: string;
  /** The list under the label: deliverables, criteria or timing segments. */
  list?: List;
}

/**
 * The frame from what comes before the first case: duration, deliverables and rubric, written as
 * list items or paragraphs with a bold label ("**Durée** : …") or under a heading ("### Barème").
 */
export function readFrame(text: string, file: string, lang: string, sections: Section[]): FrameResult {
  const result: FrameResult = { data: {}, leftovers: [], decisions: [], problems: [] };
  const nodes = sections.flatMap((s) => [...(s.heading && s.meaning !== 'title' ? [s.heading] : []), ...s.nodes]);
  let underHeading: Labelled | undefined;
  // A heading nothing recognised by its words, kept until the frame's items show it heads them.
  let pendingHeading: { node: Heading; leftover: Leftover } | undefined;
  const title = sections.find((s) => s.meaning === 'title');
  const intro = title?.nodes[0];
  for (const node of nodes) {
    // A line under the title reads as its subtitle; a longer introduction stays Markdown.
    if (node === intro && node.type === 'paragraph' && inlineOf(text, node).length <= 200) {
      result.data.subtitle = inlineOf(text, node);
      result.decisions.push({ line: lineOf(node), kind: 'mapped', target: 'course.yaml subtitle' });
      continue;
    }
    const taken = result.decisions.length;
    frameItem(node);
    // The frame's items came under that heading: it is the frame's heading.
    if (pendingHeading && result.data.heading === undefined && result.decisions.length > taken && result.decisions.at(-1)!.kind === 'mapped') {
      result.leftovers.splice(result.leftovers.indexOf(pendingHeading.leftover), 1);
      result.data.heading = inlineOf(text, pendingHeading.node);
      result.decisions.push({ line: lineOf(pendingHeading.node), kind: 'mapped', target: 'course.yaml frame.heading' });
      pendingHeading = undefined;
    }
  }
  return result;

  function frameItem(node: RootContent): void {
    if (node.type === 'heading') {
      const heading = inlineOf(text, node);
      const kind = labelKind(toString(node));
      if (kind) {
        underHeading = { kind, line: lineOf(node), label: heading, rest: '' };
        return;
      }
      if (sections.some((s) => s.heading === node && s.meaning === 'frame') && result.data.heading === undefined) {
        result.data.heading = heading;
        result.decisions.push({ line: lineOf(node), kind: 'mapped', target: 'course.yaml frame.heading' });
        return;
      }
      const kept = leftover(text, node);
      result.leftovers.push(kept);
      pendingHeading = { node, leftover: kept };
      return;
    }
    if (underHeading && (node.type === 'list' || node.type === 'paragraph')) {
      const labelled = node.type === 'list' ? { ...underHeading, list: node } : { ...underHeading, rest: toString(node) };
      underHeading = undefined;
      if (take(labelled, text, file, lang, result)) return;
    }
    underHeading = undefined;
    if (node.type === 'list') {
      const kept = node.children.filter((item) => {
        const labelled = labelledItem(text, item);
        return !(labelled && take(labelled, text, file, lang, result));
      });
      result.leftovers.push(...kept.map((item) => leftover(text, item)));
      return;
    }
    const labelled = node.type === 'paragraph' ? labelledParagraph(text, node) : undefined;
    if (labelled && take(labelled, text, file, lang, result)) return;
    result.leftovers.push(leftover(text, node));
  }
}

function labelledItem(text: string, item: ListItem): Labelled | undefined {
  const [first, second] = item.children;
  if (first?.type !== 'paragraph') return undefined;
  const labelled = labelledParagraph(text, first);
  if (!labelled) return undefined;
  if (second?.type === 'list' && item.children.length === 2) return { ...labelled, list: second };
  return item.children.length === 1 ? labelled : undefined;
}

function labelledParagraph(text: string, paragraph: Paragraph): Labelled | undefined {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'strong') return undefined;
  const kind = labelKind(toString(first));
  if (!kind) return undefined;
  const after = toString({ type: 'paragraph', children: rest }).replace(/^\s*[:：—–-]?\s*/, '').trim();
  return { kind, line: lineOf(paragraph), label: inlineOf(text, first), rest: after };
}

/** Fills the frame from one labelled item; false when it cannot be read (it is then kept as it is). */
function take(labelled: Labelled, text: string, file: string, lang: string, result: FrameResult): boolean {
  const r = importWords(lang).report;
  const problem = (line: number, message: string) => result.problems.push({ place: { file, line }, message });
  const items = (labelled.list?.children ?? []).map((item) => ({ item, inline: itemInline(text, item) }));
  const mapped = (target: string) => result.decisions.push({ line: labelled.line, kind: 'mapped', target: `course.yaml ${target}` });
  if (labelled.kind === 'duration' && !result.data.timing) {
    // "**Durée** : 1h30 (45’ … + 45’ …)", or the segments as sub-items under "**Timing** : 2h".
    const head = labelled.rest ? parseTiming(labelled.rest) : undefined;
    const listed = items.map((i) => parseSegment(i.inline));
    const unread = (labelled.rest && !head) || listed.some((s) => !s) || (!head && listed.length === 0);
    if (unread) {
      problem(labelled.line, format(r.badDuration, { text: [labelled.rest, ...items.map((i) => i.inline)].join(' ').trim() }));
      return true;
    }
    const timing = { total: head?.total, segments: head?.segments.length ? head.segments : listed.flatMap((s) => (s ? [s] : [])) };
    let segments = timing.segments;
    if (segments.length === 0) {
      segments = [{ minutes: timing.total ?? 0, label: importWords(lang).wholeSession }];
      result.decisions.push({ line: labelled.line, kind: 'guessed', what: 'timing.segments', value: `${timing.total} min ${segments[0]!.label}` });
    }
    const sum = segments.reduce((n, s) => n + s.minutes, 0);
    const total = timing.total ?? sum;
    if (sum !== total) {
      problem(labelled.line, format(r.timingSum, { sum, total, segments: segments.map((s) => `${s.minutes} ${s.label}`).join(' + ') }));
    }
    const restitution = segments.findIndex((s) => isRestitutionSegment(s.label));
    result.data.timing = {
      label: plainLabel(labelled.label),
      total,
      segments: segments.map((s, i) => (i === restitution ? { id: 'restitution', ...s } : s)),
    };
    mapped('timing');
    return true;
  }
  if (labelled.kind === 'deliverables' && !result.data.deliverables) {
    const list = items.length > 0 ? items.map((i) => i.inline) : labelled.rest ? [labelled.rest] : [];
    if (list.length === 0) return false;
    result.data.deliverables = { label: plainLabel(labelled.label), items: list };
    mapped('deliverables');
    return true;
  }
  if (labelled.kind === 'rubric' && !result.data.rubric) {
    const { label, total } = parseRubricLabel(`${plainLabel(labelled.label)} ${labelled.rest}`.trim());
    const criteria = [];
    const ids = new Set<string>();
    for (const { item, inline } of items) {
      const criterion = parseCriterion(inline);
      if (!criterion) {
        problem(lineOf(item), format(r.badCriterion, { text: inline }));
        continue;
      }
      criteria.push({ id: uniqueId(criterion.label, ids), ...criterion });
    }
    if (criteria.length === 0) return items.length > 0;
    const sum = criteria.reduce((n, c) => n + c.points, 0);
    if (total !== undefined && sum !== total) {
      problem(labelled.line, format(r.rubricSum, { sum, total, criteria: criteria.map((c) => `${toPlain(c.label)} ${c.points}`).join(', ') }));
    }
    if (total === undefined) result.decisions.push({ line: labelled.line, kind: 'guessed', what: 'rubric.total', value: String(sum) });
    result.data.rubric = { label, total: total ?? sum, criteria };
    mapped('rubric');
    return true;
  }
  return false;
}

/** A list item's text: its paragraph, and its sub-items joined with "; " (nothing dropped). */
function itemInline(text: string, item: ListItem): string {
  return item.children
    .flatMap((child) => {
      if (child.type === 'paragraph') return [inlineOf(text, child)];
      if (child.type === 'list') return child.children.map((sub) => itemInline(text, sub));
      return [toString(child)];
    })
    .join('; ');
}

/** The label of a bold "**Durée** :" without its bold or colon. */
function plainLabel(inline: string): string {
  return inline.replace(/^\*\*|\*\*$/g, '').replace(/^__|__$/g, '').replace(/\s*[:：]\s*$/, '').trim();
}

function toPlain(inline: string): string {
  return inline.replace(/[*_`]/g, '');
}

/** "Clarté du schéma & flux" → `clarte`: the criterion's first word, as the shipped course names them. */
function uniqueId(label: string, taken: Set<string>): string {
  const base = slugify(toPlain(label)).split('-')[0] || 'critere';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
