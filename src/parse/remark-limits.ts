import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { format, messages } from '../i18n/index.js';
import { limits } from './limits.js';

export interface Options {
  lang: string;
}

/** Refuses tables and Mermaid diagrams too large to lay out or draw in reasonable time and memory. */
export default function remarkLimits(options: Options) {
  const m = messages(options.lang);
  return (tree: Root, file: VFile) => {
    const refuse = (reason: string, place: unknown) => {
      file.message(reason, { place: place as never, source: 'casebook' }).fatal = true;
    };
    visit(tree, (node) => {
      if (node.type === 'table') {
        const columns = Math.max(0, ...node.children.map((row) => row.children.length));
        if (columns > limits.tableColumns) refuse(format(m.tooManyColumns, { count: columns, limit: limits.tableColumns }), node.position);
      }
      if (node.type === 'code' && node.lang === 'mermaid') {
        const lines = node.value.split('\n').filter((l) => l.trim() !== '').length;
        const edges = node.value.match(/--|==|-\.|~~~/g)?.length ?? 0;
        const over = [
          ['lines', lines, limits.diagramLines],
          ['chars', node.value.length, limits.diagramChars],
          ['edges', edges, limits.diagramEdges],
        ].find(([, count, limit]) => (count as number) > (limit as number));
        if (over) {
          const [unit, count, limit] = over as [string, number, number];
          refuse(format(m.diagramTooLarge, { count, unit: m.diagramUnits[unit] ?? unit, limit }), node.position);
        }
      }
    });
  };
}
