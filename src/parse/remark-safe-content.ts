import { statSync } from 'node:fs';
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { format, formatNumber, messages } from '../i18n/index.js';
import { preformattedLayout, isPreformatted, smallestLegiblePt } from '../render/preformatted.js';
import { allowedInlineHtml } from '../render/remark-inline-html.js';
import { linkTarget, type LocalTarget } from './content-boundary.js';

/**
 * An image heavier than this is worth a warning: every PDF and HTML page that shows it carries all
 * of it (Chromium prints a JPEG as it is), and a phone's photo makes each handout ten megabytes and
 * the build several times slower; 2,000 pixels across print the column sharp at 300 dpi.
 */
const heavyImageBytes = 2 * 1024 * 1024;

export interface Options {
  lang: string;
  /** Where a path relative to the case file leads (links and images to local files). */
  resolve: (relativePath: string) => LocalTarget;
}

const remote = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Keeps the printed pages to what the trainer wrote: raw HTML and remote images are dropped with
 * a warning (they would run scripts or load from the network); a link to nothing, or to a file
 * outside the course folder, is an error. A link to a heading is checked on the editions
 * (`src/edition/link-targets.ts`): whether it leads somewhere depends on who reads it.
 */
export default function remarkSafeContent(options: Options) {
  const m = messages(options.lang);
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'code' && node.lang !== 'mermaid' && isPreformatted(node.lang)) {
        const layout = preformattedLayout(node.value);
        if (layout.sizePt < smallestLegiblePt) {
          file.message(format(m.preformattedTooSmall, { columns: layout.columns, size: formatNumber(options.lang, layout.sizePt, 1) }), { place: node.position, source: 'casebook' });
        }
      }
      if (node.type === 'html' && allowedInlineHtml.test(node.value.trim())) return undefined;
      if ((node.type === 'html') && parent && index !== undefined) {
        file.message(format(m.rawHtml, { html: node.value.slice(0, 60) }), { place: node.position, source: 'casebook' });
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.type === 'image' && parent && index !== undefined && remote.test(node.url)) {
        file.message(format(m.brokenLink, { url: node.url, reason: m.remoteResource }), { place: node.position, source: 'casebook' });
        parent.children.splice(index, 1, { type: 'text', value: node.alt ?? '' });
        return [SKIP, index];
      }
      if ((node.type === 'link' || node.type === 'image') && !remote.test(node.url)) {
        const local = localTarget(node.url, options.resolve);
        if (local && !local.ok) {
          const text = local.reason === 'outside' ? format(m.outsideCourse, { url: node.url }) : format(m.brokenLink, { url: node.url, reason: m.missingTarget });
          const message = file.message(text, { place: node.position, source: 'casebook' });
          message.fatal = true;
        } else if (node.type === 'image' && local) {
          const bytes = statSync(local.path, { throwIfNoEntry: false })?.size ?? 0;
          if (bytes > heavyImageBytes) {
            file.message(format(m.heavyImage, { url: node.url, size: formatNumber(options.lang, bytes / 1024 / 1024, 1) }), { place: node.position, source: 'casebook' });
          }
        }
      }
      return undefined;
    });
  };
}

/** The local file a link or an image leads to, resolved once; none for a link to a heading. */
function localTarget(url: string, resolve: Options['resolve']): LocalTarget | undefined {
  const target = linkTarget(url);
  if (target === '') return { ok: false, reason: 'missing' };
  if (target.startsWith('#')) return undefined; // a heading: see brokenHeadingLinks
  return resolve(target.split('#')[0]!);
}
