import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { TrainerBlock } from '../parse/remark-trainer-only.js';
import type { Course, Edition } from '../model.js';
import { formulaText } from '../render/formulas.js';
import { type Fragment, FragmentFinder, fragmentLength, glyphsFragment, wordsFragment } from './fragments.js';

/** Shorter trainer-only texts ("KPI", "SQL", "x = 0") say nothing about a leak. */
const minimumLength = 12;

/**
 * What only a trainer may read (solution prose, list items, table cells, diagram labels, notes,
 * indicators, and each formula by its glyphs, rendered and written), less what the student
 * edition also says. `kept` names the trainer-only blocks the edition may show (the answer key
 * shows the solutions).
 */
export function trainerFragments(course: Course, studentTexts: string[], kept: readonly TrainerBlock[] = []): Fragment[] {
  const candidates = new Map<string, Fragment>();
  for (const c of course.cases) {
    const { texts, formulas } = trainerOnly(c.tree, kept);
    const words = [...texts, ...Object.values(c.indicators).flat()].map((t) => wordsFragment(t.trim()));
    for (const f of [...words, ...formulas.flatMap(formulaFragments)]) if (fragmentLength(f) >= minimumLength) candidates.set(`${f.kind}\0${f.key}`, f);
  }
  const shared = new Set(new FragmentFinder([...candidates.values()]).in(studentTexts.join('\n')));
  return [...candidates.values()].filter((f) => !shared.has(f));
}

/**
 * A formula is also looked for on its own, so that one with no words around it is found: by its
 * glyphs as KaTeX renders them (PDF, HTML) and as its LaTeX is written (Markdown). The message
 * quotes it as written.
 */
function formulaFragments(formula: Formula): Fragment[] {
  const written = formula.type === 'math' ? `$$${formula.value}$$` : `$${formula.value}$`;
  return [glyphsFragment(formulaText(formula.value, isDisplayed(formula)), written), glyphsFragment(formula.value, written)];
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
  return [...frame, ...student.cases.flatMap((c) => readings(c.tree))];
}

/** What the answer key may carry: the student edition's texts and the solutions. */
export function answerKeySourceTexts(student: Edition, answers: Edition): string[] {
  return [...studentSourceTexts(student), ...answers.cases.flatMap((c) => readings(c.tree))];
}

/** The texts and formulas of a case's trainer-only parts. */
function trainerOnly(tree: Root, kept: readonly TrainerBlock[]): { texts: string[]; formulas: Formula[] } {
  const texts: string[] = [];
  const formulas: Formula[] = [];
  visit(tree, (node) => {
    // An image's text with trainer words in it: the student edition has it without them.
    if (node.type === 'image' && node.data?.studentAlt !== undefined && node.alt) texts.push(node.alt);
    if (!node.data?.trainerOnly || kept.includes(node.data.trainerOnly)) return;
    collectLeaves(node as RootContent, texts);
    visit(node, ['math', 'inlineMath'], (formula) => void formulas.push(formula as Formula));
  });
  return { texts, formulas };
}

function collectLeaves(node: RootContent, texts: string[]): void {
  if (node.type === 'code') {
    texts.push(...codeTexts(node.value, node.lang));
    return;
  }
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'textDirective' || node.type === 'math') {
    texts.push(...readings(node));
    return;
  }
  if ('children' in node) for (const child of node.children) collectLeaves(child as RootContent, texts);
}

/**
 * The texts a reader may get of a node. With formulas: the HTML's (their symbols in place:
 * "∑nμ(Nn)", not "\\sum_{n} \\mu(N_n)"), the Markdown's (their LaTeX), and the PDF's, where
 * Chromium paints a formula after the text around it (KaTeX positions its glyphs), so that the
 * prose reads on without it.
 */
function readings(node: Nodes): string[] {
  if (!hasFormula(node)) return [toString(node)];
  return [textWith(node, (f) => formulaText(f.value, isDisplayed(f))), toString(node), textWith(node, () => ' ')];
}

type Formula = Extract<Nodes, { type: 'math' | 'inlineMath' }>;

function textWith(node: Nodes, formula: (node: Formula) => string): string {
  if (node.type === 'math' || node.type === 'inlineMath') return formula(node);
  if ('children' in node) return node.children.map((child) => textWith(child, formula)).join('');
  return toString(node);
}

function hasFormula(node: Nodes): boolean {
  let found = false;
  visit(node, ['math', 'inlineMath'], () => {
    found = true;
  });
  return found;
}

function isDisplayed(node: Formula): boolean {
  const classes = node.data?.hProperties?.className;
  return node.type === 'math' || (Array.isArray(classes) && classes.includes('math-display'));
}

/** A diagram's labels (quoted node and edge texts) or a code block's lines. */
function codeTexts(value: string, lang: string | null | undefined): string[] {
  if (lang !== 'mermaid') return value.split('\n');
  const labels = [...value.matchAll(/"([^"]+)"|\|([^|]+)\|/g)].map((m) => m[1] ?? m[2] ?? '');
  return labels.flatMap((label) => label.split(/<br\s*\/?>/i));
}
