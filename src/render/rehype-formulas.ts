import type { ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import { formulaTree } from './formulas.js';

/**
 * Replaces remark-math's placeholders (`code.math-inline`, `pre > code.math-display`) by KaTeX's
 * rendering. Formulas were checked when parsed, so each one renders.
 */
export default function rehypeFormulas() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const inner = node.tagName === 'pre' && node.children.length === 1 ? node.children[0] : node;
      if (inner?.type !== 'element') return undefined;
      const classes = Array.isArray(inner.properties.className) ? inner.properties.className : [];
      const display = classes.includes('math-display');
      if (!display && !classes.includes('math-inline')) return undefined;
      const rendered: ElementContent[] = formulaTree(toText(inner, { whitespace: 'pre' }), display);
      parent.children.splice(index, 1, ...rendered);
      return [SKIP, index + rendered.length];
    });
  };
}
