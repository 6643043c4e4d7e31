import type { Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export type Options = Record<string, never>;

/**
 * Marks a paragraph that introduces what follows (it ends with ":", or it is a bold line on its
 * own, written as a heading): print keeps it with that.
 */
export default function remarkLeadIn(_options: Options = {}) {
  return (tree: Root) => {
    visit(tree, 'paragraph', (paragraph) => {
      if (paragraph.data?.hName) return;
      const boldLine = paragraph.children.length === 1 && paragraph.children[0]!.type === 'strong';
      if (!boldLine && !/:\s*$/.test(toPlain(paragraph))) return;
      paragraph.data = { ...paragraph.data, hProperties: { ...paragraph.data?.hProperties, className: ['lead-in'] } };
    });
  };
}
