import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Course, Edition } from '../model.js';

/** Letters and digits only, lower case: survives line breaks, hyphenation and typography. */
export function squash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Shorter trainer-only texts ("KPI", "SQL") say nothing about a leak. */
const minimumLength = 12;

/**
 * The texts only a trainer may read (solution prose, list items, table cells, diagram labels,
 * notes, indicators), less those the student edition also says.
 */
export function trainerFragments(course: Course, studentTexts: string[]): string[] {
  const student = squash(studentTexts.join(' '));
  const fragments = new Set<string>();
  for (const c of course.cases) {
    for (const text of [...trainerTexts(c.tree), ...Object.values(c.indicators).flat()]) {
      const squashed = squash(text);
      if (squashed.length >= minimumLength && !student.includes(squashed)) fragments.add(text.trim());
    }
  }
  return [...fragments];
}

/** Every text a student edition of the course may carry, to tell shared words from leaks. */
export function studentSourceTexts(student: Edition): string[] {
  const { course } = student;
  const frame = [
    course.title,
    course.frame.heading,
    ...course.deliverables.items,
    ...course.rubric.criteria.flatMap((c) => [c.label, c.description ?? '']),
    course.restitution.heading,
    ...course.restitution.steps.flatMap((s) => [s.title, s.detail ?? '']),
    course.checklist.heading,
    ...course.checklist.items,
  ];
  return [...frame, ...student.cases.map((c) => toString(c.tree))];
}

function trainerTexts(tree: Root): string[] {
  const texts: string[] = [];
  visit(tree, (node) => {
    // An image's text with trainer words in it: the student edition has it without them.
    if (node.type === 'image' && node.data?.studentAlt !== undefined && node.alt) texts.push(node.alt);
    if (!node.data?.trainerOnly) return;
    collectLeaves(node as RootContent, texts);
  });
  return texts;
}

function collectLeaves(node: RootContent, texts: string[]): void {
  if (node.type === 'code') {
    texts.push(...codeTexts(node.value, node.lang));
    return;
  }
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'textDirective') {
    texts.push(toString(node));
    return;
  }
  if ('children' in node) for (const child of node.children) collectLeaves(child as RootContent, texts);
}

/** A diagram's labels (quoted node and edge texts) or a code block's lines. */
function codeTexts(value: string, lang: string | null | undefined): string[] {
  if (lang !== 'mermaid') return value.split('\n');
  const labels = [...value.matchAll(/"([^"]+)"|\|([^|]+)\|/g)].map((m) => m[1] ?? m[2] ?? '');
  return labels.flatMap((label) => label.split(/<br\s*\/?>/i));
}
