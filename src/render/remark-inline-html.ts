import type { Html, Parent, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** The raw HTML a trainer may write, for what Markdown cannot say: a line break in a table cell, H₂O, x², Ctrl. */
export const allowedInlineHtml = /^<\/?(br|sub|sup|kbd)\s*\/?>$/i;

export type Options = Record<string, never>;

/**
 * Turns the allowed inline HTML (`<br>`, `<sub>…</sub>`, `<sup>…</sup>`, `<kbd>…</kbd>`) into
 * Markdown nodes of the same meaning; no raw HTML ever reaches the page. The parse stage has
 * already dropped every other piece of HTML, with a warning.
 */
export default function remarkInlineHtml(_options: Options = {}) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node) || !node.children.some((c) => c.type === 'html')) return;
      const parent = node as Parent;
      parent.children = rebuild(parent.children as PhrasingContent[]) as typeof parent.children;
    });
  };
}

function rebuild(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const open: { tag: string; into: PhrasingContent[] }[] = [];
  const target = () => open.at(-1)?.into ?? out;
  for (const child of children) {
    const tag = child.type === 'html' ? tagOf(child) : undefined;
    if (!tag) {
      if (child.type !== 'html') target().push(child);
    } else if (tag.name === 'br') {
      target().push({ type: 'break' });
    } else if (!tag.closing) {
      open.push({ tag: tag.name, into: [] });
    } else if (open.at(-1)?.tag === tag.name) {
      const { tag: name, into } = open.pop()!;
      target().push({ type: 'emphasis', data: { hName: name, hProperties: {} }, children: into });
    }
  }
  // An element never closed: its text stays, unmarked.
  for (const { into } of open) out.push(...into);
  return out;
}

function tagOf(node: Html): { name: string; closing: boolean } | undefined {
  const match = /^<(\/?)(br|sub|sup|kbd)\s*\/?>$/i.exec(node.value.trim());
  return match ? { name: match[2]!.toLowerCase(), closing: match[1] === '/' } : undefined;
}
