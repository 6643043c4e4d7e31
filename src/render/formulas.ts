import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import katex, { type KatexOptions } from 'katex';
import { parseHtml } from './html-tree.js';

/**
 * How every formula is rendered, in the print, the HTML files and the leak guard alike. HTML only,
 * no MathML: its hidden copy would print too, and with it the LaTeX source in its annotation.
 */
const katexOptions: KatexOptions = {
  output: 'html',
  throwOnError: true,
  // Accented letters and other Unicode text inside a formula are fine; KaTeX would warn on the console.
  strict: 'ignore',
  // No \href, \includegraphics, \htmlClass…: a formula draws mathematics, nothing else.
  trust: false,
};

/**
 * Each distinct formula is rendered once per process (a few milliseconds each): it is checked when
 * parsed, then printed in several editions and read by the leak guard.
 */
const rendered = new Map<string, string>();

/** A formula as KaTeX's HTML; throws KaTeX's ParseError if it does not parse. */
export function formulaHtml(tex: string, display: boolean): string {
  const key = `${display ? 'display' : 'inline'}\0${tex}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = katex.renderToString(tex, { ...katexOptions, displayMode: display });
    rendered.set(key, html);
  }
  return html;
}

const trees = new Map<string, ElementContent[]>();

/**
 * A formula as a tree of HTML elements, a fresh copy each time (the pipeline edits its trees);
 * parsed once, as reading KaTeX's HTML again costs more than rendering it.
 */
export function formulaTree(tex: string, display: boolean): ElementContent[] {
  const key = `${display ? 'display' : 'inline'}\0${tex}`;
  let tree = trees.get(key);
  if (tree === undefined) {
    tree = parseHtml(formulaHtml(tex, display), { fragment: true }).children as ElementContent[];
    trees.set(key, tree);
  }
  return structuredClone(tree);
}

/** What a reader gets of a formula ("∑nμ(Nn)=0"), for the leak guard's comparisons. */
export function formulaText(tex: string, display: boolean): string {
  return toString({ type: 'root', children: formulaTree(tex, display) });
}

/** KaTeX's reason without its "KaTeX parse error:" prefix; the course language frames it. */
export function formulaError(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return reason.replace(/^KaTeX parse error:\s*/, '');
}

/**
 * What KaTeX's HTML output needs to pass an HTML sanitizer (rehype-sanitize schema): its elements
 * and attributes, any class name (KaTeX has hundreds, `mord`, `vlist-t`, `sizing reset-size6…`)
 * and the inline style that positions every glyph. Its SVG (radicals, wide accents, arrows) is
 * included.
 */
export const katexSanitizeSchema = {
  tagNames: ['span', 'svg', 'path', 'line'],
  attributes: {
    span: ['className', 'style', 'ariaHidden'],
    svg: ['xmlns', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'style'],
    path: ['d'],
    line: ['x1', 'y1', 'x2', 'y2', 'strokeWidth'],
  },
} as const;

const require = createRequire(import.meta.url);

/** KaTeX's style sheet, its fonts served by `urlOf(file name)` (woff2 only), text falling back to the body stack. */
export function katexCss(urlOf: (name: string) => string, bodyStack: string): string {
  return readFileSync(require.resolve('katex/dist/katex.css'), 'utf8')
    .replace(/src: url\(fonts\/([\w-]+\.woff2)\) format\("woff2"\)[^;]*;/g, (_, name: string) => `src: url(${urlOf(name)}) format('woff2');`)
    .replace(/Times New Roman, serif/g, bodyStack);
}

/** KaTeX's fonts go along with an HTML file only if it has a formula. */
export function isFormulaFont(name: string): boolean {
  return name.startsWith('KaTeX_');
}

export function hasFormula(html: string): boolean {
  return html.includes('<span class="katex">');
}

/** KaTeX's font files (`KaTeX_Main-Regular.woff2`…), by name. */
export function katexFontPaths(): { name: string; path: string }[] {
  const css = readFileSync(require.resolve('katex/dist/katex.css'), 'utf8');
  const names = [...new Set([...css.matchAll(/url\(fonts\/([\w-]+\.woff2)\)/g)].map((m) => m[1]!))];
  return names.map((name) => ({ name, path: require.resolve(`katex/dist/fonts/${name}`) }));
}
