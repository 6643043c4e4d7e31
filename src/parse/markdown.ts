import type { Root } from 'mdast';
import remarkCasebookDirectives from './remark-casebook-directives.js';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Problem } from '../errors.js';
import remarkCheckFormulas from './remark-check-formulas.js';
import remarkDollarMath from './remark-dollar-math.js';
import { format, messages } from '../i18n/index.js';
import { limits, tooDeep } from './limits.js';
import remarkLimits from './remark-limits.js';
import remarkSafeContent, { type Options as SafeOptions } from './remark-safe-content.js';
import remarkTrainerOnly from './remark-trainer-only.js';

export interface ParsedMarkdown {
  tree: Root;
  errors: Problem[];
  warnings: Problem[];
  /** False when the text was refused before or while parsing (the tree is then empty). */
  complete: boolean;
}

/**
 * Parses a case body (GFM + directives + formulas), marking trainer-only blocks and checking links and sizes.
 * Whatever the parser throws is an error at the file, never a crash.
 */
export function parseMarkdown(file: string, text: string, options: SafeOptions): ParsedMarkdown {
  const m = messages(options.lang);
  const fail = (line: number | undefined, message: string): ParsedMarkdown => ({
    tree: { type: 'root', children: [] },
    errors: [{ place: { file, line }, message }],
    warnings: [],
    complete: false,
  });
  const deep = tooDeep(text);
  if (deep) return fail(deep.line, format(m.tooDeep, { limit: limits.nesting }));
  const vfile = new VFile({ path: file, value: text });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkCasebookDirectives)
    .use(remarkDollarMath)
    .use(remarkTrainerOnly, { lang: options.lang })
    .use(remarkCheckFormulas, { lang: options.lang })
    .use(remarkSafeContent, options)
    .use(remarkLimits, { lang: options.lang });
  let tree: Root;
  try {
    tree = processor.runSync(processor.parse(vfile), vfile) as Root;
  } catch (error) {
    return fail(undefined, format(m.parserFailed, { reason: error instanceof Error ? error.message : String(error) }));
  }
  const problems = vfile.messages.map((msg) => ({
    fatal: msg.fatal === true,
    problem: { place: { file, line: msg.line ?? undefined, column: msg.column ?? undefined }, message: msg.reason },
  }));
  return {
    tree,
    errors: problems.filter((p) => p.fatal).map((p) => p.problem),
    warnings: problems.filter((p) => !p.fatal).map((p) => p.problem),
    complete: true,
  };
}

const inlineParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Inline Markdown of course metadata (bold, code) as a tree, for the frame's texts. */
export function parseInline(text: string): Root {
  return isPlainText(text) ? plainParagraph(text) : parseInlineMarkdown(text);
}

/** The same, always through the parser. */
export function parseInlineMarkdown(text: string): Root {
  return inlineParser.parse(text) as Root;
}

// Most labels and criteria are words and punctuation that no Markdown construct starts with: such
// a text is one paragraph of itself, the tree the parser makes, without its half a millisecond
// (it combines its extensions again for each text; a course has hundreds). No new line, no
// emphasis, code, link, HTML or entity character, and a letter or digit first (no list, heading
// or quote); GFM's literal autolinks are told by their start (an e-mail address needs an @).
const plainText = /^[\p{L}\p{N}][\p{L}\p{N} ,.;:'’()?!%/+=>→←≤≥–—«»"-]*$/u;
const notPlain = /^\d+[.)]|\s$|www\.|https?:/i;

/** Whether `parseInline` may skip the parser for this text. */
export function isPlainText(text: string): boolean {
  return plainText.test(text) && !notPlain.test(text);
}

function plainParagraph(text: string): Root {
  const position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: text.length + 1, offset: text.length } };
  return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text, position }], position }], position };
}
