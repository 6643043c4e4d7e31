import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fontFaceCss, fontStacks } from './fonts.js';

/** Fonts (inlined: pages load nothing from the disk), the font stacks as variables, then `styles/*.css`. */
export async function buildCss(stylesDir: string): Promise<string> {
  const names = (await readdir(stylesDir)).filter((n) => n.endsWith('.css')).sort();
  const sheets = await Promise.all(names.map((n) => readFile(join(stylesDir, n), 'utf8')));
  const variables = `:root { --font-body: ${fontStacks.body}; --font-heading: ${fontStacks.heading}; --font-mono: ${fontStacks.mono}; }`;
  return [await fontFaceCss(), variables, ...sheets].join('\n');
}
