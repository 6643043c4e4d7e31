import type { Heading } from '../model.js';
import { htmlText } from './html-text.js';

/** The headings of a page in document order, as plain text, for bookmarks. */
export function headingsOf(html: string): Heading[] {
  return [...html.replace(/<svg[\s\S]*?<\/svg>/g, '').matchAll(/<h[1-6]([^>]*)>([\s\S]*?)<\/h[1-6]>/g)].map((m) => ({
    id: /\bid="([^"]+)"/.exec(m[1]!)?.[1],
    text: htmlText(m[2]!).replace(/\s+/g, ' ').trim(),
  }));
}
