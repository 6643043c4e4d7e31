import type { ListItem, Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** Labels of the statement item that lists a case's sources, per language. */
const sourceLabels = ['sources', 'data sources'];

/**
 * Reads the case's sources from its statement item "**Sources** : a, b (x, y), c." so that the
 * student's diagram template starts from them.
 */
export function caseSources(statement: Root): string[] {
  let found: string[] = [];
  visit(statement, 'listItem', (item: ListItem) => {
    const paragraph = item.children[0];
    if (found.length > 0 || paragraph?.type !== 'paragraph') return;
    const first = paragraph.children[0];
    if (first?.type !== 'strong' || !sourceLabels.includes(toPlain(first).trim().toLowerCase())) return;
    const rest = toPlain({ ...paragraph, children: paragraph.children.slice(1) });
    found = splitTopLevel(rest.replace(/^\s*:\s*/, '').replace(/[.\s]+$/, ''));
  });
  return found;
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
