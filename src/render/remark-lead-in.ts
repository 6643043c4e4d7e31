import type { Paragraph, Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export type Options = Record<string, never>;

/**
 * Marks a paragraph that introduces what follows: print keeps it with that. It ends with ":", or
 * it is a label alone in bold (`**Architecture**`), which trainers write as a small heading.
 */
export default function remarkLeadIn(_options: Options = {}) {
  return (tree: Root) => {
    visit(tree, 'paragraph', (paragraph) => {
      if (paragraph.data?.hName) return;
      if (!/:\s*$/.test(toPlain(paragraph)) && !isBoldLabel(paragraph)) return;
      paragraph.data = { ...paragraph.data, hProperties: { ...paragraph.data?.hProperties, className: ['lead-in'] } };
    });
  };
}

function isBoldLabel(paragraph: Paragraph): boolean {
  const [only, ...rest] = paragraph.children;
  return rest.length === 0 && only?.type === 'strong' && toPlain(only).trim() !== '';
}
