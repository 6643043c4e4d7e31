import { slug } from 'github-slugger';
import type { Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { format, messages } from '../i18n/index.js';
import type { LocalTarget } from './content-boundary.js';

export interface Options {
  lang: string;
  /** Where a path relative to the case file leads (links and images to local files). */
  resolve: (relativePath: string) => LocalTarget;
}

const remote = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Keeps the printed pages to what the trainer wrote: raw HTML and remote images are dropped with
 * a warning (they would run scripts or load from the network); a link to nothing, or to a file
 * outside the course folder, is an error.
 */
export default function remarkSafeContent(options: Options) {
  const m = messages(options.lang);
  return (tree: Root, file: VFile) => {
    const anchors = headingAnchors(tree);
    visit(tree, (node, index, parent) => {
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
        const reason = problemOf(node.url, anchors, options.resolve);
        if (reason) {
          const text = reason === 'outside' ? format(m.outsideCourse, { url: node.url }) : format(m.brokenLink, { url: node.url, reason: m.missingTarget });
          const message = file.message(text, { place: node.position, source: 'casebook' });
          message.fatal = true;
        }
      }
      return undefined;
    });
  };
}

function problemOf(url: string, anchors: Set<string>, resolve: Options['resolve']): 'missing' | 'outside' | undefined {
  let target: string;
  try {
    target = decodeURIComponent(url);
  } catch {
    target = url;
  }
  if (target.startsWith('#')) return anchors.has(target.slice(1)) ? undefined : 'missing';
  const local = resolve(target.split('#')[0]!);
  return local.ok ? undefined : local.reason;
}

function headingAnchors(tree: Root): Set<string> {
  const anchors = new Set<string>();
  visit(tree, 'heading', (heading) => {
    anchors.add(slug(toPlain(heading)));
  });
  return anchors;
}
