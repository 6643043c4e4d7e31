import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { toString as toPlain } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { Problem } from '../errors.js';
import { format, messages } from '../i18n/index.js';
import type { CaseView } from '../model.js';
import { linkTarget } from '../parse/content-boundary.js';

/**
 * A link to a heading leads to a heading of the edition it is read in: a statement's to one of the
 * student edition, so that its target is never a trainer's words; a trainer-only part's to one of
 * the trainer edition. `view` is the case as the student edition gives it.
 */
export function brokenHeadingLinks(view: CaseView, lang: string): Problem[] {
  const m = messages(lang);
  const anchors = { student: headingAnchors(view.tree), trainer: headingAnchors(view.case.tree) };
  const problems: Problem[] = [];
  const check = (node: Nodes, headings: Set<string>): void => {
    if (node.type !== 'link' && node.type !== 'image') return;
    const target = linkTarget(node.url);
    if (!target.startsWith('#') || headings.has(target.slice(1))) return;
    const { line, column } = node.position?.start ?? {};
    problems.push({ place: { file: view.case.file, line, column }, message: format(m.brokenLink, { url: node.url, reason: m.missingTarget }) });
  };
  visit(view.case.tree, (node) => {
    if (!node.data?.trainerOnly) return check(node, anchors.student);
    visit(node, (inner) => check(inner, anchors.trainer));
    return SKIP;
  });
  return problems;
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
