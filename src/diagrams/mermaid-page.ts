import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer';
import type { Asset } from '../print/browser-session.js';

const require = createRequire(import.meta.url);

export const mermaidVersion: string = require('mermaid/package.json').version;

// Mermaid's ES module build: a page imports the entry and then only the chunks its diagrams
// need (a flowchart: 27 files, 0.9 MB), which loads in a third of the time of the 3.5 MB bundle.
const mermaidDist = dirname(require.resolve('mermaid/dist/mermaid.esm.min.mjs'));
const mermaidOrigin = 'https://mermaid.casebook.invalid/';
const mermaidEntry = 'mermaid.esm.min.mjs';
const modules = new Map<string, Promise<Asset | undefined>>();

/** Serves Mermaid's entry and chunks to the page that draws, each read once per process. */
export function mermaidModules(url: string): Promise<Asset | undefined> | undefined {
  if (!url.startsWith(mermaidOrigin)) return undefined;
  const path = url.slice(mermaidOrigin.length);
  // Chunk names carry a hash: matched by their shape, never by name.
  if (path !== mermaidEntry && !/^chunks\/mermaid\.esm\.min\/[\w-]+\.mjs$/.test(path)) return undefined;
  let module = modules.get(path);
  if (!module) {
    // Module scripts are refused unless their type is JavaScript.
    module = readFile(join(mermaidDist, path)).then((body) => ({ body, contentType: 'text/javascript; charset=utf-8' }), () => undefined);
    modules.set(path, module);
  }
  return module;
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
    // What a diagram's %%{init}%% may not change: Mermaid's own list, and HTML labels (they would
    // be HTML inside the SVG, which the sanitizer drops with their text).
    secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges', 'htmlLabels'],
    theme: 'neutral',
    fontFamily: config.fontFamily,
    themeVariables: { fontFamily: config.fontFamily, fontSize: '14px' },
    htmlLabels: false,
    deterministicIds: true,
    flowchart: { htmlLabels: false, useMaxWidth: true, curve: 'basis', padding: 12, nodeSpacing: 30, rankSpacing: 40 },
  };
}

/** Prepares a page that keeps Mermaid loaded, so each diagram costs one render call. */
export async function openMermaid(page: Page, fontCss: string, config: Record<string, unknown>): Promise<void> {
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${fontCss}</style></head><body></body></html>`);
  // A string, not a function: vitest rewrites `import()` inside a function's source.
  // Mermaid measures its labels: every face must be loaded before the first diagram.
  await page.evaluate(`import(${JSON.stringify(mermaidOrigin + mermaidEntry)}).then(async ({ default: mermaid }) => {
    globalThis.mermaid = mermaid;
    mermaid.initialize(${JSON.stringify(config)});
    await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
  })`);
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

/** A gantt chart's "today" line would date the printed page and change every day: off unless the author set it. */
export function printable(source: string): string {
  return /^\s*gantt\b/.test(source) && !/^\s*todayMarker\b/m.test(source) ? `${source.replace(/\s*$/, '')}\n  todayMarker off\n` : source;
}

export function renderDiagram(page: Page, id: string, source: string): Promise<string> {
  return page.evaluate(
    async (svgId, src) => {
      const m = (globalThis as unknown as { mermaid: { render(i: string, s: string): Promise<{ svg: string }> } }).mermaid;
      // Drawings are reproducible: gitGraph's commit ids and other random choices come from a
      // generator seeded by the diagram's id, not from Math.random.
      let seed = parseInt(svgId.replace(/\W/g, '').slice(-8), 36) >>> 0;
      Math.random = () => {
        seed = (seed + 0x6d2b79f5) >>> 0;
        let t = seed;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const { svg } = await m.render(svgId, src);
      return svg;
    },
    id,
    printable(source),
  );
}
