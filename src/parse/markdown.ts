import type { Root } from 'mdast';
import remarkCasebookDirectives from './remark-casebook-directives.js';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Problem } from '../errors.js';
import remarkSafeContent, { type Options as SafeOptions } from './remark-safe-content.js';
import remarkTrainerOnly from './remark-trainer-only.js';

export interface ParsedMarkdown {
  tree: Root;
  errors: Problem[];
  warnings: Problem[];
}

/** Parses a case body (GFM + directives), marking trainer-only blocks and checking links. */
export function parseMarkdown(file: string, text: string, options: SafeOptions): ParsedMarkdown {
  const vfile = new VFile({ path: file, value: text });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkCasebookDirectives)
    .use(remarkTrainerOnly, { lang: options.lang })
    .use(remarkSafeContent, options);
  const tree = processor.runSync(processor.parse(vfile), vfile) as Root;
  const problems = vfile.messages.map((msg) => ({
    fatal: msg.fatal === true,
    problem: { place: { file, line: msg.line ?? undefined, column: msg.column ?? undefined }, message: msg.reason },
  }));
  return {
    tree,
    errors: problems.filter((p) => p.fatal).map((p) => p.problem),
    warnings: problems.filter((p) => !p.fatal).map((p) => p.problem),
  };
}

const inlineParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Inline Markdown of course metadata (bold, code) as a tree, for the frame's texts. */
export function parseInline(text: string): Root {
  return inlineParser.parse(text) as Root;
}
