import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledFontFamilies, fontFaceCss, fontStacks } from '../src/render/fonts.js';

/** Every special character casebook prints, with the spaces and soft hyphen typography adds. */
const symbols = ['≤', '≥', '→', '←', '↓', '↑', '«', '»', '—', '–', '’', '…', '•', '✓', '☐'];
const sample = `Latence ≤\u00A01.5\u00A0s → Kafka ↓ «\u202Fguillemets\u202F» — l’apostrophe ☐ ✓ ← ↑ ≥ – … • anony\u00ADmisation`;
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
  let browser: Browser;
  let tab: Page;
  let dir: string;
  let pdf: string;

  beforeAll(async () => {
    browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      headless: true,
    });
    dir = await mkdtemp(join(tmpdir(), 'casebook-fonts-'));
    pdf = join(dir, 'fonts.pdf');
    tab = await browser.newPage();
    await tab.setContent(page(await fontFaceCss()), { waitUntil: 'load' });
    await tab.evaluate(() => document.fonts.ready);
    await tab.pdf({ path: pdf, format: 'A4', printBackground: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('draws every character with a bundled font, never a system one', async () => {
    const cdp = await tab.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    for (const kind of samples) {
      for (const id of [kind, `${kind}-bold`, `${kind}-italic`]) {
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${id}` });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        // A system font of the same name (Debian has Noto Sans Math) would not be a custom font.
        expect(fonts.filter((f) => !f.isCustomFont), id).toEqual([]);
        expect(fonts.map((f) => f.familyName).sort(), id).toEqual(
          expect.arrayContaining(['Noto Sans Math', 'Noto Sans Symbols 2']),
        );
      }
    }
  }, 60_000);

  it('embeds only the bundled families, all of them embedded', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !bundledFontFamilies.includes(familyOf(f.name))).map((f) => f.name)).toEqual([]);
    expect(fonts.filter((f) => !f.embedded).map((f) => f.name)).toEqual([]);
    expect(new Set(fonts.map((f) => familyOf(f.name)))).toEqual(new Set(bundledFontFamilies));
  }, 60_000);

  it('gives the symbols back as text', () => {
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const symbol of symbols) expect(text, symbol).toContain(symbol);
    expect(text).toContain('Latence');
    expect(text.replace(/\u00AD/g, '')).toContain('anonymisation');
  }, 60_000);
});

describe('fontFaceCss', () => {
  it('inlines woff2 only, once per process', async () => {
    const css = await fontFaceCss();
    expect(css).not.toMatch(/url\((?!data:font\/woff2;base64,)/);
    expect(css.match(/@font-face/g)).toHaveLength(11);
    expect(await fontFaceCss()).toBe(css);
  });

  it('names only bundled families in the stacks, a generic keyword last', () => {
    for (const stack of Object.values(fontStacks)) {
      const names = stack.split(', ');
      expect(names.slice(-1)[0]).toMatch(/^(serif|sans-serif|monospace)$/);
      expect(names.slice(1, -1)).toEqual(["'Noto Sans Math'", "'Noto Sans Symbols 2'"]);
    }
  });
});
