import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { format, messages } from '../i18n/index.js';
import { formulaError, formulaHtml } from '../render/formulas.js';

export interface Options {
  lang: string;
}

/**
 * Every formula is parsed as it will be printed; one that does not parse stops the build at its
 * line, with KaTeX's reason framed in the course's language (trainer-only formulas included: the
 * trainer edition prints them).
 */
export default function remarkCheckFormulas(options: Options) {
  const m = messages(options.lang);
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      try {
        formulaHtml(node.value, node.type === 'math');
      } catch (error) {
        const message = file.message(format(m.formulaSyntax, { formula: node.value.trim(), reason: formulaError(error) }), {
          place: node.position,
          source: 'casebook',
        });
        message.fatal = true;
      }
    });
  };
}
