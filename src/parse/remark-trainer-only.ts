import type { FootnoteDefinition, FootnoteReference, Image, Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { format, messages } from '../i18n/index.js';
import remarkCasebookDirectives, { inlineDirective } from './remark-casebook-directives.js';

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
    /** An image's text without its `:trainer[…]` words, for the student edition. */
    studentAlt?: string;
  }
}

/** A line that starts like a block fence, after any blockquote or list marker. */
const fenceLine = /^[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(:{3,})/;
/** casebook's own syntax, where Markdown keeps it as text (code, titles, addresses). */
const directiveLike = /:trainer\[|^[ \t]*:{3,}[ \t]*(?:solution|trainer)\b/m;

/**
 * Marks `:::solution`, `:::trainer`, `::trainer[…]` and `:trainer[…]` as trainer-only. Stops the
 * build on what would print a block in the wrong edition: an unknown block, one left open, one
 * nested with as many colons as the block around it (its end would close both), or a fence line
 * that opens or closes nothing. Warns where casebook's syntax sits in student text that Markdown
 * keeps literal (a code span, a link title…), since it will be printed as typed.
 */
export default function remarkTrainerOnly(options: Options) {
  const m = messages(options.lang);
  return (tree: Root, file: VFile) => {
    const lines = String(file.value).split('\n');
    const fenceLines = new Set<number>();
    const literalLines = new Set<number>();
    const walk = (node: Nodes, blocks: ContainerDirective[], trainer: boolean): void => {
      const span = lineSpan(node.position);
      if (node.type === 'code' || node.type === 'html') span.forEach((l) => literalLines.add(l));
      if (node.type === 'containerDirective' || node.type === 'leafDirective') {
        fenceLines.add(span[0] ?? 0);
        if (!isTrainerBlock(node.name)) {
          fenceLines.add(span.at(-1) ?? 0);
          fail(file, format(m.unknownBlock, { name: node.name }), node.position);
          return;
        }
        node.data = { ...node.data, trainerOnly: node.name };
      }
      if (node.type === 'containerDirective') {
        const colons = fenceColons(node, lines);
        const outer = blocks.find((b) => fenceColons(b, lines) <= colons);
        if (outer) fail(file, format(m.sameFenceNesting, { inner: node.name, outer: outer.name }), node.position);
        else if (isClosed(node, lines, colons)) fenceLines.add(span.at(-1) ?? 0);
        else fail(file, format(m.unclosedBlock, { name: node.name }), node.position);
      }
      if (node.type === 'textDirective') node.data = { ...node.data, trainerOnly: 'trainer' };
      if (node.type === 'image') markStudentAlt(node, String(file.value));
      const inTrainer = trainer || node.data?.trainerOnly !== undefined;
      if (!inTrainer) warnLiteral(node, file, m);
      if ('children' in node) {
        const inside = node.type === 'containerDirective' ? [node, ...blocks] : blocks;
        for (const child of node.children) walk(child, inside, inTrainer);
      }
    };
    walk(tree, [], false);
    markTrainerFootnotes(tree, file, m);
    lines.forEach((line, i) => {
      const fence = fenceLine.exec(line);
      if (fence && !fenceLines.has(i + 1) && !literalLines.has(i + 1)) {
        fail(file, format(m.strayFence, { fence: line.trim() }), { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: line.length + 1 } });
      }
    });
  };
}

/**
 * A footnote whose only references are trainer-only (in a solution, a note, `:trainer[…]` or
 * another such footnote) is trainer-only itself. One defined inside a trainer-only block but
 * referenced from the statement would leave the students a number without its note: an error.
 */
function markTrainerFootnotes(tree: Root, file: VFile, m: Messages): void {
  const definitions = new Map<string, FootnoteDefinition>();
  const definedInTrainer = new Set<string>();
  const references = new Map<string, { node: FootnoteReference; from?: string; trainer: boolean }[]>();
  const walk = (node: Nodes, trainer: boolean, from: string | undefined): void => {
    const inTrainer = trainer || node.data?.trainerOnly !== undefined;
    if (node.type === 'footnoteDefinition' && !definitions.has(node.identifier)) {
      definitions.set(node.identifier, node);
      if (inTrainer) definedInTrainer.add(node.identifier);
    }
    if (node.type === 'footnoteReference') {
      references.set(node.identifier, [...(references.get(node.identifier) ?? []), { node, from, trainer: inTrainer }]);
    }
    const inside = node.type === 'footnoteDefinition' ? node.identifier : from;
    if ('children' in node) for (const child of node.children) walk(child, inTrainer, inside);
  };
  walk(tree, false, undefined);
  const studentSees = new Set<string>();
  let grown = true;
  while (grown) {
    grown = false;
    for (const [id, refs] of references) {
      const seen = refs.some((r) => !r.trainer && (r.from === undefined || studentSees.has(r.from)));
      if (seen && !studentSees.has(id)) {
        studentSees.add(id);
        grown = true;
      }
    }
  }
  for (const [id, definition] of definitions) {
    if (definedInTrainer.has(id) && studentSees.has(id)) {
      fail(file, format(m.trainerFootnote, { label: definition.label ?? id }), references.get(id)!.find((r) => !r.trainer)!.node.position);
    } else if (!studentSees.has(id) && references.has(id)) definition.data = { ...definition.data, trainerOnly: 'trainer' };
  }
}

/**
 * Markdown keeps an image's text as a plain string, `:trainer[…]` words included: its label is read
 * again from the source to know what a student may read of it.
 */
function markStudentAlt(image: Image, source: string): void {
  const start = image.position?.start.offset;
  if (start === undefined || !image.alt?.length) return;
  let depth = 0;
  let end = start + 2;
  for (; end < source.length; end++) {
    const c = source[end];
    if (c === '\\') end++;
    else if (c === '[') depth++;
    else if (c === ']' && depth-- === 0) break;
  }
  const label = source.slice(start + 2, end);
  if (!label.includes(`:${inlineDirective}[`)) return;
  const tree = labelParser.parse(label);
  const kept = (node: Nodes): string =>
    node.type === 'textDirective' ? '' : 'children' in node ? node.children.map(kept).join('') : 'value' in node ? node.value : '';
  image.data = { ...image.data, studentAlt: kept(tree).replace(/\s+/g, ' ').trim() };
}

const labelParser = unified().use(remarkParse).use(remarkCasebookDirectives).freeze();

function isTrainerBlock(name: string): name is TrainerBlock {
  return (trainerBlocks as readonly string[]).includes(name);
}

function lineSpan(position: Position | undefined): number[] {
  if (!position) return [];
  return Array.from({ length: position.end.line - position.start.line + 1 }, (_, i) => position.start.line + i);
}

function fenceColons(node: ContainerDirective, lines: string[]): number {
  const start = node.position?.start;
  if (!start) return 3;
  return /^:*/.exec(lines[start.line - 1]!.slice(start.column - 1))![0].length;
}

// micromark closes an unclosed container at the end of its parent, without a closing fence.
function isClosed(node: ContainerDirective, lines: string[], colons: number): boolean {
  const end = node.position?.end.line;
  const closing = new RegExp(`^[ \\t>]*:{${colons},}[ \\t]*$`);
  return end !== undefined && end !== node.position?.start.line && closing.test(lines[end - 1] ?? '');
}

type Messages = ReturnType<typeof messages>;

function warnLiteral(node: Nodes, file: VFile, m: Messages): void {
  const places: [keyof Messages['literalPlaces'], string | null | undefined][] =
    node.type === 'code' || node.type === 'inlineCode'
      ? [[node.type, node.value]]
      : node.type === 'link' || node.type === 'image'
        ? [['title', node.title], ['url', node.url], ['alt', node.type === 'image' ? node.alt : undefined]]
        : [];
  for (const [where, text] of places) {
    const found = text ? directiveLike.exec(text) : null;
    if (found) file.message(format(m.literalDirective, { text: found[0].trim(), where: m.literalPlaces[where] }), { place: node.position, source: 'casebook' });
  }
}

function fail(file: VFile, reason: string, place: Position | undefined): void {
  const message = file.message(reason, { place, source: 'casebook' });
  message.fatal = true;
}
