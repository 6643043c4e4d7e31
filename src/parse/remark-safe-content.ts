import { slug } from 'github-slugger';
import type { Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { format, messages } from '../i18n/index.js';
import { preformattedLayout, isPreformatted, smallestLegiblePt } from '../render/preformatted.js';
import { allowedInlineHtml } from '../render/remark-inline-html.js';

export interface Options {
  lang: string;
  /** Whether a path relative to the case file exists (links and images to local files). */
  exists: (relativePath: string) => boolean;
}

const remote = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Keeps the printed pages to what the trainer wrote: raw HTML and remote images are dropped with
 * a warning (they would run scripts or load from the network), a link to nothing is an error.
 */
export default function remarkSafeContent(options: Options) {
  const m = messages(options.lang);
  return (tree: Root, file: VFile) => {
    const anchors = headingAnchors(tree);
    visit(tree, (node, index, parent) => {
      if (node.type === 'code' && node.lang !== 'mermaid' && isPreformatted(node.lang)) {
        const layout = preformattedLayout(node.value);
        if (layout.sizePt < smallestLegiblePt) {
          file.message(format(m.preformattedTooSmall, { columns: layout.columns, size: layout.sizePt.toFixed(1) }), { place: node.position, source: 'casebook' });
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
        const target = decodeURIComponent(node.url);
        const missing = target.startsWith('#') ? !anchors.has(target.slice(1)) : !options.exists(target.split('#')[0]!);
        if (target === '' || missing) {
          const message = file.message(format(m.brokenLink, { url: node.url, reason: m.missingTarget }), {
            place: node.position,
            source: 'casebook',
          });
          message.fatal = true;
        }
      }
      return undefined;
    });
  };
}

function headingAnchors(tree: Root): Set<string> {
  const anchors = new Set<string>();
  visit(tree, 'heading', (heading) => {
    anchors.add(slug(toPlain(heading)));
  });
  return anchors;
}
