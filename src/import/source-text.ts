import type { Node, Parent } from 'unist';

/** The document's own text of a node: what the trainer typed, escapes and all. */
export function sliceOf(text: string, node: Node): string {
  return text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

/** The inline Markdown of a heading or paragraph, without its `#` or list marker, on one line. */
export function inlineOf(text: string, node: Parent): string {
  const first = node.children[0];
  const last = node.children.at(-1);
  if (!first || !last) return '';
  return text
    .slice(first.position?.start.offset ?? 0, last.position?.end.offset ?? 0)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

export function lineOf(node: Node): number {
  return node.position?.start.line ?? 1;
}
