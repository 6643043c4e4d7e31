import type { ListItem, Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * The list a statement item gives after its bold label — "**Label** : a, b (x, y), c." — so that a
 * box of the diagram page starts from it; undefined when the statement has no such item.
 */
export function statementItem(statement: Root, label: string): string[] | undefined {
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
export function splitTopLevel(text: string): string[] {
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
