import type { Element, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse, parseFragment } from 'parse5';
import { SKIP, visit } from 'unist-util-visit';

// Rendered pages read back as a tree (parse5, as a browser parses them), never with patterns over
// their markup: character references are decoded once, and a tag inside an attribute is not
// taken for an element. Without source positions, which nothing reads: parse5 then takes less
// than half the time (a 50-case course's pages are 11 MB of HTML).

/** A page, or a fragment (a drawing, a formula), as a browser parses it. */
export function parseHtml(html: string, options: { fragment?: boolean } = {}): Root {
  const settings = { scriptingEnabled: false };
  return fromParse5(options.fragment ? parseFragment(html, settings) : parse(html, settings)) as Root;
}

/** Text as a reader gets it: soft hyphens dropped, runs of white space as one space. */
function plain(text: string): string {
  return text.replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
}

/** Every text a page shows, styles and scripts left out; one space between elements' texts. */
export function pageText(tree: Root): string {
  const texts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'element' && (node.tagName === 'style' || node.tagName === 'script')) return SKIP;
    if (node.type === 'text') texts.push(node.value);
    return undefined;
  });
  return plain(texts.join(' '));
}

/** The elements carrying one of `classes`. */
export function elementsWithClass(tree: Root, classes: string[]): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    const own = node.properties.className;
    if (Array.isArray(own) && own.some((c) => classes.includes(String(c)))) found.push(node);
  });
  return found;
}
