import type { Element, ElementContent, Root, Text } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { isPreformatted, preformattedLayout } from './preformatted.js';

export type Options = Record<string, never>;

/**
 * Lays out code blocks for print, after highlighting. Code with a language: one element per
 * source line, so that a wrapped line hangs under its own indentation and its continuation is
 * marked by the style sheet (a drawn mark, not a character: it stays out of the text layer).
 * Preformatted text: never wrapped, its size chosen so that the longest line fits the column,
 * or a landscape page when it would be too small.
 */
export default function rehypeCodeBlocks(_options: Options = {}) {
  return (tree: Root) => {
    visit(tree, 'element', (pre) => {
      const code = pre.tagName === 'pre' ? pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code') : undefined;
      if (!code) return;
      const lang = languageOf(code);
      if (isPreformatted(lang)) {
        const layout = preformattedLayout(hastToString(code).replace(/\n$/, ''));
        pre.properties.className = ['preformatted', ...(layout.landscape ? ['landscape'] : [])];
        pre.properties.style = `font-size: ${layout.sizePt}pt`;
        return;
      }
      pre.properties.className = ['code-block'];
      const lines = splitLines(code.children);
      if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
      code.children = lines.map((line) => {
        const indent = leadingColumns(line);
        return {
          type: 'element',
          tagName: 'span',
          properties: { className: ['line'], style: `--indent: ${indent}` },
          children: line.length ? line : [{ type: 'text', value: '\u200B' }],
        } satisfies Element;
      });
    });
  };
}

function languageOf(code: Element): string | undefined {
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : [];
  return list.find((c) => c.startsWith('language-'))?.slice('language-'.length);
}

/** The children of a highlighted block cut at each newline, the spans around a cut repeated on both sides. */
function splitLines(nodes: ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'text') {
      const parts = node.value.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines.at(-1)!.push({ type: 'text', value: part });
      });
    } else if (node.type === 'element') {
      const inner = splitLines(node.children);
      inner.forEach((children, i) => {
        if (i > 0) lines.push([]);
        if (children.length) lines.at(-1)!.push({ ...node, children });
      });
    }
  }
  return lines;
}

/** Width of a line's leading spaces and tabs. */
function leadingColumns(line: ElementContent[]): number {
  const text = line.map((n) => (n.type === 'text' ? (n as Text).value : hastToString(n))).join('');
  let col = 0;
  for (const ch of text) {
    if (ch === ' ') col += 1;
    else if (ch === '\t') col += 8 - (col % 8);
    else break;
  }
  return col;
}
