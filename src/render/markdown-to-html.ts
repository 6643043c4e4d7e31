import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { Root } from 'mdast';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { labels } from '../i18n/index.js';
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
    })
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeTypography, { lang: options.lang })
    .use(rehypeStringify);
  const hast = processor.runSync(structuredClone(tree));
  return { html: processor.stringify(hast), diagrams };
}

/** Inline Markdown from course metadata as HTML, without the surrounding paragraph. */
export function inlineHtml(tree: Root, lang: string): string {
  const { html } = markdownToHtml(tree, { lang, file: '', contentDir: '' });
  return html.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

function dataUri(path: string): string {
  const type = imageTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return `data:${type};base64,${readFileSync(path).toString('base64')}`;
}
