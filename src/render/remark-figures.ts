import type { Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface Options {
  /** The caption's number with `{n}`, in the course's language ("Figure {n}."). */
  label: string;
}

/**
 * An image alone in its paragraph becomes a numbered figure (per case, hence per tree) with a
 * caption: its title, else its alt text. The alt text also stays the image's alternative text.
 */
export default function remarkFigures(options: Options) {
  return (tree: Root) => {
    let n = 0;
    visit(tree, 'paragraph', (paragraph) => {
      const content = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
      const image = content.length === 1 && content[0]!.type === 'image' ? (content[0] as Image) : undefined;
      if (!image) return;
      n += 1;
      const caption = image.title || image.alt || '';
      const label = options.label.replace('{n}', String(n));
      paragraph.data = { ...paragraph.data, hName: 'figure', hProperties: { className: ['figure'] } };
      paragraph.children = [
        image,
        {
          type: 'emphasis',
          data: { hName: 'figcaption' },
          children: [
            { type: 'strong', data: { hName: 'span', hProperties: { className: ['figure-number'] } }, children: [{ type: 'text', value: label }] },
            ...(caption ? [{ type: 'text' as const, value: ` ${caption}` }] : []),
          ],
        },
      ];
      // A figure's caption says it; a tooltip would repeat it.
      image.title = null;
    });
  };
}
