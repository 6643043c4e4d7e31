import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { Root } from 'mdast';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { labels } from '../i18n/index.js';
import { parseInline } from '../parse/markdown.js';
import type { Diagram } from '../model.js';
import remarkPrintMarkup from './remark-print-markup.js';
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
   * Put before the ids of the fragment's headings (and the links to them): a case's "Checklist"
   * must not take the id of the document's own checklist, nor of another case's.
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

/** An edition's Markdown tree as an HTML fragment; raw HTML in the content is never passed on. */
export function markdownToHtml(tree: Root, options: RenderOptions): HtmlFragment {
  const diagrams: Diagram[] = [];
  const baseDir = dirname(join(options.contentDir, options.file));
  const processor = unified()
    .use(remarkPrintMarkup, {
      file: options.file,
      trainerNoteLabel: labels(options.lang).trainerNote,
      onDiagram: (d) => diagrams.push(d),
      asset: (path) => dataUri(join(baseDir, decodeURIComponent(path))),
      idPrefix: options.idPrefix ?? '',
    })
    .use(remarkRehype)
    .use(rehypeSlug, { prefix: options.idPrefix ?? '' })
    .use(rehypeTypography, { lang: options.lang })
    .use(rehypeStringify);
  const hast = processor.runSync(structuredClone(tree));
  return { html: processor.stringify(hast), diagrams };
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

function dataUri(path: string): string {
  const type = imageTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return `data:${type};base64,${readFileSync(path).toString('base64')}`;
}
