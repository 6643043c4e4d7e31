import type { Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export type Options = Record<string, never>;

const external = /^(https?|ftp|mailto):/i;

/**
 * Marks external links whose address is not already their text: the print style sheet writes
 * the address after them on paper (`@media print`), where it cannot be clicked; the HTML edition
 * on a screen shows the link alone.
 */
export default function rehypePrintLinks(_options: Options = {}) {
  return (tree: Root) => {
    visit(tree, 'element', (a) => {
      const href = a.tagName === 'a' ? String(a.properties.href ?? '') : '';
      if (!external.test(href)) return;
      const shown = href.replace(/^mailto:/i, '');
      if (hastToString(a).trim() === shown || hastToString(a).trim() === href) return;
      a.properties.className = ['external'];
      a.properties.dataHref = shown;
    });
  };
}
