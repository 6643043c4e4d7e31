import type { Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export type Options = Record<string, never>;

/** Marks a paragraph that introduces what follows (it ends with ":"): print keeps it with that. */
export default function remarkLeadIn(_options: Options = {}) {
  return (tree: Root) => {
    visit(tree, 'paragraph', (paragraph) => {
      if (paragraph.data?.hName) return;
      if (!/:\s*$/.test(toPlain(paragraph))) return;
      paragraph.data = { ...paragraph.data, hProperties: { ...paragraph.data?.hProperties, className: ['lead-in'] } };
    });
  };
}
