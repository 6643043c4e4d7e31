import type { Blockquote, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export type AlertKind = 'note' | 'tip' | 'important' | 'warning' | 'caution';

export interface Options {
  /** The printed label of each kind of alert, in the course's language. */
  labels: Record<AlertKind, string>;
}

const marker = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n|$)/i;

/** GitHub alerts (`> [!NOTE]`…) as labelled callouts: the marker is replaced by its label. */
export default function remarkAlerts(options: Options) {
  return (tree: Root) => {
    visit(tree, 'blockquote', (quote: Blockquote) => {
      const first = quote.children[0];
      const text = first?.type === 'paragraph' ? first.children[0] : undefined;
      if (!first || first.type !== 'paragraph' || text?.type !== 'text') return;
      const match = marker.exec(text.value);
      if (!match) return;
      const kind = match[1]!.toLowerCase() as AlertKind;
      text.value = text.value.slice(match[0].length);
      if (!text.value) first.children.shift();
      if (first.children[0]?.type === 'break') first.children.shift();
      if (first.children.length === 0) quote.children.shift();
      quote.data = {
        ...quote.data,
        hName: 'aside',
        hProperties: { className: ['alert', `alert-${kind}`], role: 'note', dataLabel: options.labels[kind] },
      };
    });
  };
}
