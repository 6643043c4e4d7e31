import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { withoutTrainerOnly } from '../edition/select-edition.js';
import { format, messages } from '../i18n/index.js';

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
    // A link in the statement leads to a heading of the student edition: checked against the
    // tree without trainer-only parts, so that its target is never a trainer's words.
    const anchors = { student: headingAnchors(withoutTrainerOnly(tree)), trainer: headingAnchors(tree) };
    const inTrainerOnly = new Set<unknown>();
    visit(tree, (node) => {
      if (node.data?.trainerOnly) visit(node, (inner) => void inTrainerOnly.add(inner));
    });
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
        const target = decodeURIComponent(node.url);
        const headings = inTrainerOnly.has(node) ? anchors.trainer : anchors.student;
        const missing = target.startsWith('#') ? !headings.has(target.slice(1)) : !options.exists(target.split('#')[0]!);
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

/** The ids rehype-slug gives the headings, repeated titles numbered as it numbers them. */
function headingAnchors(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(tree, 'heading', (heading) => {
    anchors.add(slugger.slug(toPlain(heading)));
  });
  return anchors;
}
