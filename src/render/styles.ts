import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssetSource } from '../print/browser-session.js';
import { fontFaceCss, fontStacks, fontsVersion, type FontFile } from './fonts.js';
import { katexCss } from './formulas.js';

/** Where pages load the bundled fonts from (no such host exists: the build answers). */
export const fontOrigin = 'https://fonts.casebook.invalid';

/**
 * The address pages load the bundled fonts from; the build answers it, nothing else does. It
 * names the fonts' version (see `fontsVersion`).
 */
export const fontBaseUrl = `${fontOrigin}/${fontsVersion}/`;

/** The font rules, the font stacks as variables, KaTeX's rules, then `styles/*.css`. */
export async function buildCss(stylesDir: string): Promise<string> {
  const names = (await readdir(stylesDir)).filter((n) => n.endsWith('.css')).sort();
  const sheets = await Promise.all(names.map((n) => readFile(join(stylesDir, n), 'utf8')));
  const variables = `:root { --font-body: ${fontStacks.body}; --font-heading: ${fontStacks.heading}; --font-mono: ${fontStacks.mono}; }`;
  return [fontFaceCss((name) => fontBaseUrl + name), variables, katexCss((name) => fontBaseUrl + name, fontStacks.body), ...sheets].join('\n');
}

/** The bundled fonts, served to pages at the URL the style sheet gives them. */
export function fontAssets(fonts: FontFile[]): AssetSource {
  const byUrl = new Map(fonts.map((f) => [fontBaseUrl + f.name, f.bytes]));
  return (url) => {
    const body = byUrl.get(url);
    return body && { body, contentType: 'font/woff2' };
  };
}
