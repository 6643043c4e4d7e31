import type { Code, Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { inlineOf, lineOf, sliceOf } from './source-text.js';

/** A piece of the document that no part of the course takes: kept, and said where. */
export interface Leftover {
  line: number;
  markdown: string;
  /** Its first words, for the report. */
  preview: string;
}

/**
 * A block of the document as case Markdown: as typed, except that headings move under the case
 * title (the case's subheadings become `##`) and a fence without a language says `text`, so an
 * ASCII drawing stays a drawing.
 */
export function blockMarkdown(text: string, node: RootContent, caseDepth: number): string {
  if (node.type === 'heading') return headingMarkdown(text, node, caseDepth);
  const start = node.position?.start.offset ?? 0;
  const codes: Code[] = [];
  visit(node, 'code', (code) => {
    if (!code.lang) codes.push(code);
  });
  let markdown = sliceOf(text, node);
  for (const code of codes.reverse()) {
    const at = (code.position?.start.offset ?? 0) - start;
    const fence = /^(`{3,}|~{3,})/.exec(markdown.slice(at));
    markdown = fence
      ? markdown.slice(0, at + fence[0].length) + 'text' + markdown.slice(at + fence[0].length)
      : markdown.slice(0, at) + indentedAsFence(code) + markdown.slice(at + sliceOf(text, code).length);
  }
  return markdown;
}

function headingMarkdown(text: string, node: Heading, caseDepth: number): string {
  const depth = Math.min(6, Math.max(2, node.depth - caseDepth + 1));
  return `${'#'.repeat(depth)} ${inlineOf(text, node)}`;
}

// An indented block (four spaces) becomes a fence longer than any backtick run inside it.
function indentedAsFence(code: Code): string {
  const longest = Math.max(2, ...[...code.value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${code.value}\n${fence}`;
}

export function blocksMarkdown(text: string, nodes: RootContent[], caseDepth: number): string {
  return nodes.map((node) => blockMarkdown(text, node, caseDepth)).join('\n\n');
}

export function leftover(text: string, node: RootContent, caseDepth = 1): Leftover {
  return { line: lineOf(node), markdown: blockMarkdown(text, node, caseDepth), preview: preview(toString(node)) };
}

export function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
