import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../src/print/browser-session.js';
import { projectDir } from '../src/project.js';
import { bundledFontFamilies, fontFaceCss, fontFiles, fontNeededBy, fontStacks, fontsVersion, fontsVersionOf } from '../src/render/fonts.js';
import { buildCss, fontAssets, fontBaseUrl } from '../src/render/styles.js';

/** Every special character casebook prints, with the spaces and soft hyphen typography adds. */
const symbols = ['≤', '≥', '→', '←', '↓', '↑', '«', '»', '—', '–', '’', '…', '•', '✓', '☐', '🚀', '✅', '📊'];
const sample = `Latence ≤\u00A01.5\u00A0s → Kafka ↓ «\u202Fguillemets\u202F» — l’apostrophe ☐ ✓ ← ↑ ≥ – … • anony\u00ADmisation 🚀 ✅ 📊`;
const samples = ['body', 'heading', 'mono'] as const;

function page(css: string): string {
  const block = (kind: (typeof samples)[number]) =>
    `<p id="${kind}" style="font-family: ${fontStacks[kind]}">${sample} <strong id="${kind}-bold">${sample}</strong> <em id="${kind}-italic">${sample}</em></p>`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${css}</style></head><body>${samples.map(block).join('')}</body></html>`;
}

interface PdfFont {
  name: string;
  embedded: boolean;
}

/** `pdffonts` rows: name, type (may hold a space), encoding, emb, sub, uni, object, generation. */
function pdfFonts(path: string): PdfFont[] {
  const rows = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return rows.map((row) => {
    const m = /^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(row);
    if (!m?.[1]) throw new Error(`unexpected pdffonts row: ${row}`);
    return { name: m[1], embedded: m[2] === 'yes' };
  });
}

/** "ABCDEF+Inter-SemiBold" → "Inter". */
function familyOf(pdfName: string): string {
  return pdfName.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, '');
}

describe('bundled fonts in a printed PDF', () => {
  let dir: string;
  let pdf: string;
  /** Per sample element: the fonts Chromium drew it with. */
  const drawnWith = new Map<string, { familyName: string; isCustomFont: boolean }[]>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casebook-fonts-'));
    pdf = join(dir, 'fonts.pdf');
    // Served as the build serves them: from memory, at the address the font rules name.
    const fonts = await fontFiles();
    const session = new BrowserSession([fontAssets(fonts)]);
    try {
      await session.withPage({ javaScript: true }, async (tab) => {
        await tab.setContent(page(fontFaceCss((name) => fontBaseUrl + name)), { waitUntil: 'load' });
        await tab.evaluate(() => document.fonts.ready);
        const cdp = await tab.createCDPSession();
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument');
        for (const id of samples.flatMap((kind) => [kind, `${kind}-bold`, `${kind}-italic`])) {
          const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${id}` });
          drawnWith.set(id, (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts);
        }
        await tab.pdf({ path: pdf, format: 'A4', printBackground: true });
      });
    } finally {
      await session.close();
    }
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('draws every character with a bundled font, never a system one', () => {
    expect(drawnWith.size).toBe(9);
    for (const [id, fonts] of drawnWith) {
      // A system font of the same name (Debian has Noto Sans Math) would not be a custom font.
      expect(fonts.filter((f) => !f.isCustomFont), id).toEqual([]);
      expect(fonts.map((f) => f.familyName).sort(), id).toEqual(expect.arrayContaining(['Noto Sans Math', 'Noto Sans Symbols 2', 'Noto Emoji']));
    }
  });

  it('embeds only the bundled families, all of them embedded', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !bundledFontFamilies.includes(familyOf(f.name))).map((f) => f.name)).toEqual([]);
    expect(fonts.filter((f) => !f.embedded).map((f) => f.name)).toEqual([]);
    // KaTeX's fonts print only where there is a formula (tests/formulas.test.ts).
    expect(new Set(fonts.map((f) => familyOf(f.name)))).toEqual(new Set(bundledFontFamilies.filter((f) => !f.startsWith('KaTeX_'))));
  }, 60_000);

  it('gives the symbols back as text', () => {
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const symbol of symbols) expect(text, symbol).toContain(symbol);
    expect(text).toContain('Latence');
    expect(text.replace(/\u00AD/g, '')).toContain('anonymisation');
  }, 60_000);
});

describe('the fonts beside an HTML edition', () => {
  it('take a family kept to some characters only when the page has one of them', async () => {
    const names = (await fontFiles()).map((f) => f.name);
    const emoji = names.find((n) => n.startsWith('noto-emoji-'))!;
    const math = names.find((n) => n.startsWith('noto-sans-math-'))!;
    const serif = names.find((n) => n.startsWith('source-serif-4-'))!;
    expect(fontNeededBy(emoji, '<p>Objectif : 5 €</p>')).toBe(false);
    expect(fontNeededBy(emoji, '<p>Objectif 🚀</p>')).toBe(true);
    expect(fontNeededBy(math, '<p>Kafka → Spark</p>')).toBe(true);
    expect(fontNeededBy(math, '<p>Kafka puis Spark</p>')).toBe(false);
    // Both ends of a range, and past its end, beyond the 16-bit characters.
    expect(fontNeededBy(emoji, '<p>\u{1F000}</p>')).toBe(true);
    expect(fontNeededBy(emoji, '<p>\u{1FAFF}</p>')).toBe(true);
    expect(fontNeededBy(emoji, '<p>\u{1FB00}</p>')).toBe(false);
    // A text family, always.
    expect(fontNeededBy(serif, '')).toBe(true);
  });
});

describe('fontFaceCss', () => {
  it('names one woff2 file per face, each of them bundled', async () => {
    const css = fontFaceCss((name) => `https://fonts.test/${name}`);
    const urls = [...css.matchAll(/url\(([^)]+)\) format\('woff2'\)/g)].map((m) => m[1]);
    expect(css.match(/@font-face/g)).toHaveLength(12);
    expect(urls).toHaveLength(12);
    const names = new Set((await fontFiles()).map((f) => `https://fonts.test/${f.name}`));
    for (const url of urls) expect(names.has(url!), url).toBe(true);
  });

  it('loads every font, KaTeX’s too, from an address that changes with any font package’s version', async () => {
    // The pages' HTML is the print cache's key: prints made with older font files then miss.
    const css = await buildCss(join(projectDir, 'styles'));
    const urls = [...css.matchAll(/@font-face\s*{[^}]*}/g)].flatMap(([rule]) => [...rule.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!));
    expect(urls.length).toBeGreaterThan(12);
    for (const url of urls) expect(url.startsWith(fontBaseUrl), url).toBe(true);
    expect(fontBaseUrl).toContain(`/${fontsVersion}/`);
    const versions = { '@fontsource/inter': '5.3.0', '@fontsource/source-serif-4': '5.3.1', katex: '0.16.47' };
    const version = fontsVersionOf(versions);
    expect(fontsVersionOf({ ...versions })).toBe(version);
    for (const pkg of Object.keys(versions)) expect(fontsVersionOf({ ...versions, [pkg]: '9.9.9' }), pkg).not.toBe(version);
  });

  it('names only bundled families in the stacks, a generic keyword last', () => {
    for (const stack of Object.values(fontStacks)) {
      const names = stack.split(', ');
      expect(names.slice(-1)[0]).toMatch(/^(serif|sans-serif|monospace)$/);
      expect(names.slice(1, -1)).toEqual(["'Noto Sans Math'", "'Noto Sans Symbols 2'", "'Noto Emoji'"]);
    }
  });
});
