import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { katexFontPaths } from './formulas.js';

/** A family bundled from an @fontsource package: only its Latin subset and the faces print uses. */
interface Family {
  /** Name in CSS. */
  css: string;
  /** Start of its PostScript names, as PDFs list them ("Inter-SemiBold"). */
  pdf: string;
  /** @fontsource package, also the prefix of its files. */
  pkg: string;
  subset: string;
  faces: ReadonlyArray<{ weight: number; style: 'normal' | 'italic' }>;
  /**
   * Its one face serves every weight: Chromium would otherwise embolden it, and Skia prints
   * emboldened glyphs as unnamed Type 3 fonts (paths) that no one can trace back to a family.
   */
  anyWeight?: boolean;
  /**
   * The characters it is for. Without one, Chromium decodes every font of a stack while the first
   * is loading (100 to 200 ms a page for the symbol fonts); with one, only a page that uses them.
   */
  range?: string;
}

/** A family of one face serving every weight, for some characters only (symbols, emoji). */
function symbolFamily(css: string, pkg: string, subset: string, range: string): Family {
  return { css, pdf: css.replaceAll(' ', ''), pkg, subset, faces: [{ weight: 400, style: 'normal' }], anyWeight: true, range };
}

const sourceSerif: Family = {
  css: 'Source Serif 4',
  pdf: 'SourceSerif4',
  pkg: 'source-serif-4',
  subset: 'latin',
  faces: [
    { weight: 400, style: 'normal' },
    { weight: 400, style: 'italic' },
    { weight: 700, style: 'normal' },
    { weight: 700, style: 'italic' },
  ],
};

const inter: Family = {
  css: 'Inter',
  pdf: 'Inter',
  pkg: 'inter',
  subset: 'latin',
  faces: [
    { weight: 400, style: 'normal' },
    { weight: 600, style: 'normal' },
    { weight: 700, style: 'normal' },
  ],
};

const jetBrainsMono: Family = {
  css: 'JetBrains Mono',
  pdf: 'JetBrainsMono',
  pkg: 'jetbrains-mono',
  subset: 'latin',
  faces: [
    { weight: 400, style: 'normal' },
    { weight: 700, style: 'normal' },
  ],
};

/**
 * The text families' Latin subsets have ↑ ↓ but no other arrow, nor ≤ ≥: Noto Sans Math has all the
 * arrows and operators, and Greek (λ). Italics are slanted by Chromium. (The narrow no-break space
 * needs no font: Chromium draws it from the text font's space, half as wide.)
 */
const notoMath = symbolFamily('Noto Sans Math', 'noto-sans-math', 'latin', 'U+0370-03FF, U+2190-23FF, U+27C0-27FF, U+2900-2AFF');

/** Shapes, ☐ ✓ ✗ ⚠ and other pictographs. */
const notoSymbols = symbolFamily('Noto Sans Symbols 2', 'noto-sans-symbols-2', 'symbols', 'U+25A0-27BF, U+2B00-2BFF');

/**
 * Emoji (🚀 ✅ 📊), which trainers put in statements and checklists: in black, as a printer prints
 * them, with their text in the PDF. Without it they printed as empty boxes, and left the text layer.
 * Last, so that ✓ ☐ and the arrows keep the symbol families' shapes; one file, loaded by the pages
 * that use one.
 */
const notoEmoji = symbolFamily(
  'Noto Emoji',
  'noto-emoji',
  'emoji',
  'U+200D, U+20E3, U+2139, U+2194-21AA, U+231A-23FF, U+24C2, U+25AA-27BF, U+2934-2935, U+2B05-2B55, U+3030, U+303D, U+3297-3299, U+FE0F, U+1F000-1FAFF',
);

const families = [sourceSerif, inter, jetBrainsMono, notoMath, notoSymbols, notoEmoji];

/**
 * Chromium takes each character from the first family that has it, so the symbol families follow
 * every text family. The generic keyword only matters if a font failed to load.
 */
function stack(main: Family, generic: string): string {
  return [main, notoMath, notoSymbols, notoEmoji].map((f) => `'${f.css}'`).concat(generic).join(', ');
}

export const fontStacks: { body: string; heading: string; mono: string } = {
  body: stack(sourceSerif, 'serif'),
  heading: stack(inter, 'sans-serif'),
  mono: stack(jetBrainsMono, 'monospace'),
};

/**
 * How the bundled fonts are named in a PDF, before their style ("ABCDEF+Inter-SemiBold"); KaTeX's
 * ("KaTeX_Main-Regular") come last, printed only where there is a formula.
 */
export const bundledFontFamilies: string[] = [
  ...families.map((f) => f.pdf),
  ...new Set(katexFontPaths().map((f) => f.name.replace(/-.*$/, ''))),
];

const require = createRequire(import.meta.url);

/** The packages the pages' fonts come from: KaTeX's too. */
const fontPackages = [...families.map((f) => `@fontsource/${f.pkg}`), 'katex'];

/** A short name for these packages at these versions. */
export function fontsVersionOf(versions: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const pkg of Object.keys(versions).sort()) hash.update(`${pkg}@${versions[pkg]}\0`);
  return hash.digest('hex').slice(0, 12);
}

/**
 * The installed fonts' version, part of the address pages load them from: a print or a drawing
 * is kept by its page, so once a font package is upgraded, those made with the old files miss.
 */
export const fontsVersion: string = fontsVersionOf(
  Object.fromEntries(fontPackages.map((pkg) => [pkg, (require(`${pkg}/package.json`) as { version: string }).version])),
);

/** A font file the pages load, by name (`inter-latin-400-normal.woff2`). */
export interface FontFile {
  name: string;
  bytes: Uint8Array;
}

/** Read once per process. */
let files: Promise<FontFile[]> | undefined;

export function fontFiles(): Promise<FontFile[]> {
  files ??= Promise.all([
    ...families.flatMap((f) =>
      f.faces.map(async (face) => {
        const name = fileName(f, face);
        return { name, bytes: new Uint8Array(await readFile(require.resolve(`@fontsource/${f.pkg}/files/${name}`))) };
      }),
    ),
    // The formulas' fonts, which KaTeX's style sheet names.
    ...katexFontPaths().map(async ({ name, path }) => ({ name, bytes: new Uint8Array(await readFile(path)) })),
  ]);
  return files;
}

/** The characters each ranged family's file is for, by file name, as one character class. */
const characterClassByFile = new Map(
  families
    .filter((f) => f.range)
    .flatMap((f) => f.faces.map((face) => [fileName(f, face), characterClass(f.range!)] as const)),
);

/**
 * Whether a page needs a font file beside it (an HTML edition): a family kept to some characters
 * only when the page has one of them, so that an edition without emoji does not carry their font.
 */
export function fontNeededBy(fileName: string, html: string): boolean {
  return characterClassByFile.get(fileName)?.test(html) ?? true;
}

/**
 * `U+2190-21FF, U+FE0F` as `/[\u{2190}-\u{21FF}\u{FE0F}]/u`: the regular expression engine scans a
 * pack's megabytes at once (a loop over its characters took a third of a second of a 50-case build).
 */
function characterClass(range: string): RegExp {
  const parts = range.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
    return `\\u{${from}}-\\u{${to}}`;
  });
  return new RegExp(`[${parts.join('')}]`, 'u');
}

/**
 * @font-face rules pointing at `urlOf(file name)`: the build hands the files to the browser
 * itself (a page given by `setContent()` loads no file), so that each page carries a few
 * kilobytes of rules instead of a megabyte of inlined fonts, and loads only the faces it uses.
 * The ranges are not @fontsource's: those are Google's subsets, not the files' (Noto Sans Math's
 * leaves out the arrows and ≤ ≥ it has).
 */
export function fontFaceCss(urlOf: (name: string) => string): string {
  return families.flatMap((f) => f.faces.map((face) => fontFace(f, face, urlOf(fileName(f, face))))).join('\n');
}

function fileName(family: Family, face: Family['faces'][number]): string {
  return `${family.pkg}-${family.subset}-${face.weight}-${face.style}.woff2`;
}

function fontFace(family: Family, face: Family['faces'][number], url: string): string {
  const range = family.range ? ` unicode-range: ${family.range};` : '';
  // `block`: a PDF printed before a font is ready must not keep the fallback.
  return `@font-face { font-family: '${family.css}'; font-style: ${face.style}; font-weight: ${family.anyWeight ? '100 900' : face.weight};${range} font-display: block; src: url(${url}) format('woff2'); }`;
}
