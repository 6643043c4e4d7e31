import { parseEntities } from 'parse-entities';

/**
 * The text an HTML fragment shows: tags dropped, character references decoded once (a trainer's
 * literal "&amp;lt;" stays "&lt;"; an invalid one becomes U+FFFD, as in a browser), soft hyphens removed.
 */
export function htmlText(html: string): string {
  const text = html.replace(/<(style|script)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]*>/g, '');
  return parseEntities(text).replace(/\u00AD/g, '');
}
