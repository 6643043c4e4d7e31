import type { Heading } from '../model.js';

// Chromium has no target-counter(): the page of each contents entry is read from the bookmarks
// of a first print whose contents show no numbers, then the contents' own pages are printed again
// with the numbers and put in place (they have pages of their own and a fixed width for their
// numbers, so the numbers move nothing else). Every step depends on the HTML alone, never on an
// earlier build: a warm build and a `--no-cache` build give the same bytes.

/** Where a print put each contents entry (by target id), and the contents' own pages. */
export interface ContentsLayout {
  pages: Map<string, number>;
  range?: PageRange;
}

export interface PageRange {
  first: number;
  last: number;
}

// The number's place, as templates/partials/toc.hbs writes it: a placeholder of our own markup,
// filled like a diagram's (a print's HTML is a string; parsing and writing it again would print
// other bytes). Content cannot write it: raw HTML in a case never reaches a page, and the
// sanitizer keeps no data-toc-target on a span (tests/hostile.test.ts, "placeholders").
const contentsPage = /(<span class="toc-page" data-toc-target="([^"]+)">)[^<]*(<\/span>)/g;
const contentsTitleId = 'toc-title';

/** The HTML with each contents entry's page number written in (blank when unknown). */
export function fillContents(html: string, pages: Map<string, number>): string {
  return html.replace(contentsPage, (_, open: string, id: string, close: string) => `${open}${pages.get(id) ?? ''}${close}`);
}

/**
 * Chromium makes one bookmark per heading, in document order, so the n-th bookmark is the n-th
 * heading (their titles are not reliable to compare). The contents' pages run from its title to
 * the page before the next heading. Nothing is known when bookmarks and headings do not match.
 */
export function contentsLayout(headings: Heading[], targets: Set<string>, outline: { page: number }[]): ContentsLayout {
  const pages = new Map<string, number>();
  if (headings.length !== outline.length) return { pages };
  headings.forEach((h, i) => {
    if (h.id && targets.has(h.id)) pages.set(h.id, outline[i]!.page);
  });
  const at = headings.findIndex((h) => h.id === contentsTitleId);
  if (at < 0 || at + 1 >= outline.length) return { pages };
  const first = outline[at]!.page;
  return { pages, range: { first, last: Math.max(first, outline[at + 1]!.page - 1) } };
}

/**
 * In the page already laid out (runs in the browser): fills the contents' numbers, drops what
 * follows the contents, and writes the document's page count where the footer counted it, so
 * that the contents' pages print as they are in the whole document.
 */
export function contentsOnly(pages: Record<string, number>, total: number): void {
  for (const span of document.querySelectorAll<HTMLElement>('.toc-page[data-toc-target]')) {
    span.textContent = String(pages[span.dataset.tocTarget!] ?? '');
  }
  // Only when the contents end their page (as the stylesheet has them), what follows is on other pages.
  const toc = document.querySelector('.toc');
  const ownPages = toc !== null && ['page', 'left', 'right', 'recto', 'verso'].includes(getComputedStyle(toc).breakAfter);
  for (let node = ownPages ? toc : null; node && node !== document.body; node = node.parentElement) {
    while (node.nextSibling) node.nextSibling.remove();
  }
  for (const style of document.querySelectorAll('style')) style.textContent = style.textContent!.replaceAll('counter(pages)', `"${total}"`);
}
