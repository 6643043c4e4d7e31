import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { ContentError } from '../errors.js';
import { format, labels, messages } from '../i18n/index.js';
import { linkTarget, resolveLocal } from '../parse/content-boundary.js';
import { parseInline } from '../parse/markdown.js';
import type { Diagram } from '../model.js';
import { preformattedLanguages } from './preformatted.js';
import rehypeCodeBlocks from './rehype-code-blocks.js';
import rehypePrintFootnotes from './rehype-print-footnotes.js';
import rehypePrintLinks from './rehype-print-links.js';
import remarkAlerts from './remark-alerts.js';
import remarkFigures from './remark-figures.js';
import remarkInlineHtml from './remark-inline-html.js';
import remarkLeadIn from './remark-lead-in.js';
import rehypeFormulas from './rehype-formulas.js';
import remarkPrintMarkup from './remark-print-markup.js';
import { contentSchema } from './sanitize-schema.js';
import rehypeTypography from './typography.js';

export interface HtmlFragment {
  html: string;
  diagrams: Diagram[];
}

export interface RenderOptions {
  lang: string;
  /** The Markdown file the tree comes from (messages, relative images). */
  file: string;
  contentDir: string;
  /**
   * Put before the ids the fragment makes (headings, footnotes, and the links to them), unique in
   * a pack: a case's "Checklist" must not take the id of the document's own checklist, nor of another case's.
   */
  idPrefix?: string;
}

const imageTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/**
 * An edition's Markdown tree as an HTML fragment, sanitized (see sanitize-schema.ts); raw HTML in
 * the content is never passed on.
 */
export function markdownToHtml(tree: Root, options: RenderOptions): HtmlFragment {
  const diagrams: Diagram[] = [];
  const l = labels(options.lang);
  const idPrefix = options.idPrefix || 'user-content-';
  const processor = unified()
    .use(remarkInlineHtml)
    .use(remarkAlerts, { labels: l.alerts })
    .use(remarkFigures, { label: l.figure })
    .use(remarkLeadIn)
    .use(remarkPrintMarkup, {
      file: options.file,
      trainerNoteLabel: l.trainerNote,
      onDiagram: (d) => diagrams.push(d),
      idPrefix: options.idPrefix ?? '',
    })
    .use(remarkRehype, {
      clobberPrefix: idPrefix,
      footnoteLabel: l.footnotes,
      footnoteLabelTagName: 'h3',
      footnoteLabelProperties: { className: ['footnotes-label'] },
    })
    .use(rehypeFormulas)
    .use(highlightCode)
    .use(rehypeCodeBlocks)
    .use(rehypePrintFootnotes, { idPrefix })
    .use(rehypePrintLinks)
    // Last of what makes the fragment's markup: whatever the plugins above were handed, nothing active passes.
    .use(rehypeSanitize, contentSchema)
    .use(rehypeInlineImages, options)
    .use(rehypeSlug, { prefix: options.idPrefix ?? '' })
    .use(rehypeTypography, { lang: options.lang })
    .use(rehypeStringify);
  try {
    const hast = processor.runSync(structuredClone(tree));
    return { html: processor.stringify(hast), diagrams };
  } catch (error) {
    if (error instanceof ContentError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError([{ place: { file: options.file }, message: format(messages(options.lang).parserFailed, { reason }) }]);
  }
}

// rehype-highlight and its 37 grammars take a tenth of a second to load: loaded for a course with
// code blocks only, and attached once per process (it registers its grammars each time).
let highlighter: ((tree: HastRoot, file: VFile) => void) | undefined;

/** Loads the highlighter, once, if one of the trees has a code block (a diagram is not one); without trees, anyway. */
export async function loadHighlighter(trees?: Root[]): Promise<void> {
  if (highlighter || (trees && !trees.some(hasCodeBlock))) return;
  const { default: rehypeHighlight } = await import('rehype-highlight');
  highlighter = rehypeHighlight({ plainText: [...preformattedLanguages] });
}

function hasCodeBlock(tree: Root): boolean {
  let found = false;
  visit(tree, 'code', (node) => {
    found ||= node.lang !== 'mermaid';
  });
  return found;
}

function highlightCode() {
  return (tree: HastRoot, file: VFile) => {
    if (highlighter) return highlighter(tree, file);
    visit(tree, 'element', (node, _, parent) => {
      if (node.tagName === 'code' && parent?.type === 'element' && parent.tagName === 'pre') throw new Error('a code block is rendered before loadHighlighter()');
    });
  };
}

const inlineCache = new Map<string, string>();

/**
 * Inline Markdown from course metadata as HTML, without the surrounding paragraph. Each distinct
 * text is rendered once per process: the same labels and criteria recur in every edition.
 */
export function inlineHtml(text: string, lang: string): string {
  const key = `${lang}\0${text}`;
  let html = inlineCache.get(key);
  if (html === undefined) {
    html = markdownToHtml(parseInline(text), { lang, file: '', contentDir: '' }).html.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
    inlineCache.set(key, html);
  }
  return html;
}

/**
 * Local images as data: URIs, after sanitizing (pages load nothing from the disk themselves, and
 * no data: URI written in a case gets through). Read only inside the course folder.
 */
function rehypeInlineImages(options: RenderOptions) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      const src = node.properties.src;
      if (node.tagName !== 'img' || typeof src !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(src)) return;
      const target = resolveLocal(options.contentDir, options.file, linkTarget(src));
      const place = { file: options.file, line: node.position?.start.line };
      if (!target.ok) throw new ContentError([{ place, message: format(messages(options.lang).outsideCourse, { url: src }) }]);
      try {
        node.properties.src = dataUri(target.path);
      } catch (error) {
        throw new ContentError([{ place, message: format(messages(options.lang).unreadableImage, { url: src, reason: (error as Error).message }) }]);
      }
    });
  };
}

function dataUri(path: string): string {
  const type = imageTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return `data:${type};base64,${readFileSync(path).toString('base64')}`;
}
