import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { withoutTrainerOnly } from '../edition/select-edition.js';
import { format, messages } from '../i18n/index.js';
import { preformattedLayout, isPreformatted, smallestLegiblePt } from '../render/preformatted.js';
import { allowedInlineHtml } from '../render/remark-inline-html.js';
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
    // A link in the statement leads to a heading of the student edition: checked against the
    // tree without trainer-only parts, so that its target is never a trainer's words.
    const anchors = { student: headingAnchors(withoutTrainerOnly(tree)), trainer: headingAnchors(tree) };
    const inTrainerOnly = new Set<unknown>();
    visit(tree, (node) => {
      if (node.data?.trainerOnly) visit(node, (inner) => void inTrainerOnly.add(inner));
    });
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
        const headings = inTrainerOnly.has(node) ? anchors.trainer : anchors.student;
        const reason = problemOf(node.url, headings, options.resolve);
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
  if (target === '') return 'missing';
  if (target.startsWith('#')) return anchors.has(target.slice(1)) ? undefined : 'missing';
  const local = resolve(target.split('#')[0]!);
  return local.ok ? undefined : local.reason;
}

/** The ids rehype-slug gives the headings, repeated titles numbered as it numbers them. */
function headingAnchors(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(tree, 'heading', (heading) => {
    anchors.add(slugger.slug(toPlain(heading)));
  });
  return anchors;
}
