import type { Root } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { format, messages } from '../i18n/index.js';

export interface Options {
  lang: string;
}

/** The containers a case may use; both are trainer-only. */
export const trainerBlocks = ['solution', 'trainer'] as const;
export type TrainerBlock = (typeof trainerBlocks)[number];

declare module 'mdast' {
  interface Data {
    /** Removed from the student edition before anything is rendered. */
    trainerOnly?: TrainerBlock;
  }
}

/**
 * Marks `:::solution`, `:::trainer` and `:trainer[…]` as trainer-only, and reports unknown or
 * unclosed blocks. Other `:name` text directives are ordinary text (a colon in a sentence).
 */
export default function remarkTrainerOnly(options: Options) {
  const m = messages(options.lang);
  return (tree: Root, file: VFile) => {
    const lines = String(file.value).split('\n');
    visit(tree, (node, index, parent) => {
      if (node.type === 'containerDirective' || node.type === 'leafDirective') {
        if (!isTrainerBlock(node.name)) {
          fail(file, format(m.unknownBlock, { name: node.name }), node);
          return SKIP;
        }
        if (node.type === 'containerDirective' && !isClosed(node, lines)) {
          fail(file, format(m.unclosedBlock, { name: node.name }), node);
        }
        node.data = { ...node.data, trainerOnly: node.name };
        return undefined;
      }
      if (node.type === 'textDirective' && parent && index !== undefined) {
        if (node.name === 'trainer') {
          node.data = { ...node.data, trainerOnly: 'trainer' };
          return SKIP;
        }
        parent.children.splice(index, 1, ...asText(node));
        return [SKIP, index];
      }
      return undefined;
    });
  };
}

function isTrainerBlock(name: string): name is TrainerBlock {
  return (trainerBlocks as readonly string[]).includes(name);
}

// micromark closes an unclosed container at the end of the document, without a closing fence.
function isClosed(node: ContainerDirective, lines: string[]): boolean {
  const end = node.position?.end.line;
  return end !== undefined && end !== node.position?.start.line && /^\s*:::\s*$/.test(lines[end - 1] ?? '');
}

function asText(node: TextDirective): TextDirective['children'] {
  return [{ type: 'text', value: `:${node.name}` }, ...node.children];
}

function fail(file: VFile, reason: string, node: { position?: import('unist').Position }): void {
  const message = file.message(reason, { place: node.position, source: 'casebook' });
  message.fatal = true;
}
