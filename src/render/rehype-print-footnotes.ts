import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export type Options = Record<string, never>;

/**
 * Footnotes for paper: remark-rehype puts them at the end of their case; the "↩" links back to
 * the call cannot be followed on a page and are removed.
 */
export default function rehypePrintFootnotes(_options: Options = {}) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined && parent && index !== undefined) {
        parent.children.splice(index, 1);
        const before = parent.children[index - 1];
        if (before?.type === 'text') before.value = before.value.replace(/\s+$/, '');
        return [SKIP, index];
      }
      return undefined;
    });
  };
}
