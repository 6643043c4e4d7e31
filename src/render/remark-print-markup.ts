import { createHash } from 'node:crypto';
import type { Code, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { Diagram } from '../model.js';

export interface Options {
  /** Label of a trainer note's callout. */
  trainerNoteLabel: string;
  /** Receives each Mermaid block; its figure is filled once the diagram is drawn. */
  onDiagram: (diagram: Diagram) => void;
  file: string;
  /** The prefix of the fragment's heading ids, for links to them. */
  idPrefix: string;
}

export function diagramId(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

/** A Mermaid block as the diagram stage draws it. */
function diagramOf(node: Code, file: string): Diagram {
  return { id: diagramId(node.value), source: node.value, place: { file, line: node.position?.start.line } };
}

/** The Mermaid blocks of a case's tree, known before its pages are rendered (they can be drawn meanwhile). */
export function treeDiagrams(tree: Root, file: string): Diagram[] {
  const diagrams: Diagram[] = [];
  visit(tree, 'code', (node) => {
    if (node.lang === 'mermaid') diagrams.push(diagramOf(node, file));
  });
  return diagrams;
}

/** The placeholder the diagram stage fills with the drawn SVG. */
export function diagramPlaceholder(id: string): string {
  return `<figure class="diagram" data-diagram="${id}"></figure>`;
}

/**
 * Gives trainer-only blocks their printed markup (a solution section, a note callout), turns
 * Mermaid code blocks into placeholders for their drawings, and points links to headings at their ids.
 */
export default function remarkPrintMarkup(options: Options) {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'code' && node.lang === 'mermaid' && parent && index !== undefined) {
        const diagram = diagramOf(node, options.file);
        options.onDiagram(diagram);
        parent.children.splice(index, 1, {
          type: 'paragraph',
          children: [],
          data: { hName: 'figure', hProperties: { className: ['diagram'], dataDiagram: diagram.id } },
        });
        return SKIP;
      }
      if (node.type === 'link' && node.url.startsWith('#')) node.url = `#${options.idPrefix}${node.url.slice(1)}`;
      if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
        const kind = node.data?.trainerOnly;
        const inline = node.type === 'textDirective';
        node.data = {
          ...node.data,
          hName: kind === 'solution' ? 'section' : inline ? 'span' : 'aside',
          hProperties: { className: kind === 'solution' ? ['solution'] : ['trainer-note'], dataLabel: options.trainerNoteLabel },
        };
      }
      return undefined;
    });
  };
}
