import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer';

const require = createRequire(import.meta.url);

export const mermaidVersion: string = require('mermaid/package.json').version;

/** Mermaid's browser bundle, read once per process. */
let bundle: Promise<string> | undefined;
export function mermaidBundle(): Promise<string> {
  bundle ??= readFile(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');
  return bundle;
}

export interface MermaidConfig {
  fontFamily: string;
}

/**
 * Mermaid's settings for print: SVG text rather than HTML labels (vector, and the text can be
 * read back from the PDF), a grey theme that reads in black and white, no script in labels.
 */
export function mermaidConfig(config: MermaidConfig): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'neutral',
    fontFamily: config.fontFamily,
    themeVariables: { fontFamily: config.fontFamily, fontSize: '14px' },
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true, curve: 'basis', padding: 12, nodeSpacing: 30, rankSpacing: 40 },
  };
}

/** Prepares a page that keeps Mermaid loaded, so each diagram costs one render call. */
export async function openMermaid(page: Page, fontCss: string, config: Record<string, unknown>): Promise<void> {
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${fontCss}</style></head><body></body></html>`);
  await page.addScriptTag({ content: await mermaidBundle() });
  await page.evaluate(async (cfg) => {
    const m = (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid;
    m.initialize(cfg);
    // Mermaid measures its labels: every face must be loaded before the first diagram.
    await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
  }, config);
}

export type ParseResult = { ok: true } | { ok: false; message: string; line?: number };

export function parseDiagram(page: Page, source: string): Promise<ParseResult> {
  return page.evaluate(async (src) => {
    const m = (globalThis as unknown as { mermaid: { parse(s: string): Promise<unknown> } }).mermaid;
    try {
      await m.parse(src);
      return { ok: true as const };
    } catch (error) {
      const e = error as { message?: string; hash?: { loc?: { first_line?: number }; line?: number } };
      const line = e.hash?.loc?.first_line ?? (e.hash?.line !== undefined ? e.hash.line + 1 : undefined);
      return { ok: false as const, message: String(e.message ?? error), line };
    }
  }, source);
}

export function renderDiagram(page: Page, id: string, source: string): Promise<string> {
  return page.evaluate(
    async (svgId, src) => {
      const m = (globalThis as unknown as { mermaid: { render(i: string, s: string): Promise<{ svg: string }> } }).mermaid;
      const { svg } = await m.render(svgId, src);
      return svg;
    },
    id,
    source,
  );
}
