import type { List, ListItem } from 'mdast';
import { leftover, type Leftover } from './blocks.js';
import type { Decision } from './decisions.js';
import type { Section } from './outline.js';
import { inlineOf, lineOf } from './source-text.js';

export interface ClosingData {
  restitution?: { heading: string; steps: { title: string; detail?: string }[] };
  checklist?: { heading: string; items: string[] };
}

export interface ClosingResult {
  data: ClosingData;
  /** What the restitution and checklist sections hold besides their list. */
  leftovers: Leftover[];
  decisions: Decision[];
  /** The sections read whole; any other section is kept as it is. */
  consumed: Set<Section>;
}

/** The restitution model and the checklist: a recognised heading, then a list. */
export function readClosing(text: string, sections: Section[]): ClosingResult {
  const result: ClosingResult = { data: {}, leftovers: [], decisions: [], consumed: new Set() };
  for (const section of sections) {
    const meaning = section.meaning;
    if (!section.heading || (meaning !== 'restitution' && meaning !== 'checklist') || result.data[meaning]) continue;
    const heading = inlineOf(text, section.heading);
    const lists = section.nodes.filter((n): n is List => n.type === 'list');
    const items = lists.flatMap((list) => list.children);
    if (items.length === 0) continue;
    if (meaning === 'restitution') result.data.restitution = { heading, steps: items.map((item) => step(text, item)) };
    else result.data.checklist = { heading, items: items.map((item) => itemText(text, item)) };
    result.decisions.push({ line: lineOf(section.heading), kind: 'mapped', target: `course.yaml ${meaning}` });
    result.leftovers.push(...section.nodes.filter((n) => n.type !== 'list').map((n) => leftover(text, n)));
    result.consumed.add(section);
  }
  return result;
}

function itemText(text: string, item: ListItem): string {
  return item.children.map((child) => ('children' in child ? inlineOf(text, child) : '')).filter((t) => t !== '').join(' ');
}

/** "**Contexte & besoins** (2–3 minutes)", "Schéma — collecte→…", "Risks: …". */
function step(text: string, item: ListItem): { title: string; detail?: string } {
  const line = itemText(text, item);
  const bold = /^\*\*(.+?)\*\*\s*(?:\((.*)\)|[—–:-]\s*(.*))?\s*$/s.exec(line);
  const plain = /^(.+?)\s*(?:\((.*)\)|\s[—–-]\s(.*)|:\s(.*))\s*$/s.exec(line);
  const match = bold ?? plain;
  const title = match?.[1]?.trim() ?? line;
  const detail = (match?.[2] ?? match?.[3] ?? match?.[4])?.trim();
  return detail ? { title, detail } : { title };
}
