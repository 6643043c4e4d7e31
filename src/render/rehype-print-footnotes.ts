import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface Options {
  /** Prefix of the footnotes' heading id (remark-rehype names it "footnote-label" in every case). */
  idPrefix: string;
}

/**
 * Footnotes for paper: remark-rehype puts them at the end of their case; the "↩" links back to
 * the call cannot be followed on a page and are removed. The heading's id is made unique in a pack.
 */
export default function rehypePrintFootnotes(options: Options) {
  const labelId = `${options.idPrefix}footnote-label`;
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.properties.id === 'footnote-label') node.properties.id = labelId;
      if (node.properties.ariaDescribedBy !== undefined) node.properties.ariaDescribedBy = [labelId];
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
