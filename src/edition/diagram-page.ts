import type { ListItem, Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Problem } from '../errors.js';
import { format, messages } from '../i18n/index.js';
import type { Case, CaseDiagram, CaseView } from '../model.js';

/**
 * The case's blank diagram page as the student edition prints it, each box pre-filled from the
 * statement item it names: read from the student tree, so that no trainer-only word can fill it.
 */
export function diagramPage(c: Case, statement: Root): CaseDiagram | null {
  return c.diagram && { ...c.diagram, items: c.diagram.boxes.map((b) => (b.from === undefined ? [] : (statementItem(statement, b.from) ?? []))) };
}

/** A box that starts from a statement item and found nothing stays empty: the trainer is told. */
export function emptyBoxWarnings({ case: c, diagram }: CaseView, lang: string): Problem[] {
  if (!diagram) return [];
  return diagram.boxes.flatMap(({ from, label }, i) =>
    from !== undefined && diagram.items[i]!.length === 0 ? [{ place: { file: c.file }, message: format(messages(lang).noStatementItem, { item: from, box: label }) }] : [],
  );
}

/**
 * The list a statement item gives after its bold label — "**Label** : a, b (x, y), c." — so that a
 * box of the diagram page starts from it; undefined when the statement has no such item.
 */
function statementItem(statement: Root, label: string): string[] | undefined {
  const wanted = normalizeLabel(label);
  let found: string[] | undefined;
  visit(statement, 'listItem', (item: ListItem) => {
    const paragraph = item.children[0];
    if (found || paragraph?.type !== 'paragraph') return;
    const first = paragraph.children[0];
    if (first?.type !== 'strong' || normalizeLabel(toPlain(first)) !== wanted) return;
    const rest = toPlain({ ...paragraph, children: paragraph.children.slice(1) });
    found = splitTopLevel(rest.replace(/^\s*:\s*/, '').replace(/[.\s]+$/, ''));
  });
  return found;
}

/** "Signals :" and "signals" name the same item. */
function normalizeLabel(label: string): string {
  return label.replace(/[\s:]+$/, '').trim().toLocaleLowerCase();
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth++;
    if (char === ')' || char === ']') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
