import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer';
import type { Asset } from '../print/browser-session.js';
import { portraitArea } from './print-area.js';

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

// What Mermaid 11's own style sheets miss, added inside each drawing (scoped to it by Mermaid): a
// mindmap node whose label its shared shapes draw (circle, square, hexagon) places it for a text
// anchored in its middle; and every text in the bundled fonts, whatever a diagram type or a
// diagram's %%{init}%% names (C4's "Open Sans", d3's axes' sans-serif): a system font would print
// differently on every machine.
const printFixes = (fontFamily: string) =>
  `.mindmap-node > .label[transform^="translate(0,"] text { text-anchor: middle; } text, tspan { font-family: ${fontFamily} !important; }`;

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
    themeVariables: {
      fontFamily: config.fontFamily,
      fontSize: '14px',
      // Mermaid's smallest built-in texts (10 px) would print under 7 pt as soon as a drawing is scaled down.
      commitLabelFontSize: '12px',
      tagLabelFontSize: '12px',
      packet: { byteFontSize: '12px', labelFontSize: '14px' },
      cynefin: { itemFontSize: 14 },
    },
    htmlLabels: false,
    deterministicIds: true,
    flowchart: { htmlLabels: false, useMaxWidth: true, curve: 'basis', padding: 12, nodeSpacing: 30, rankSpacing: 40 },
    // A gantt chart takes the width of the page that draws it: drawn to the column's, it prints at its size.
    gantt: { useWidth: Math.floor(portraitArea.width) },
    'wardley-beta': { labelFontSize: 12, axisFontSize: 14 },
    themeCSS: printFixes(config.fontFamily),
  };
}

/**
 * Every diagram type's own font settings (C4 has some twenty, `personFontFamily`…) set to the
 * print's family, so that Mermaid measures its labels in the font they print in. Run in the page,
 * on the loaded Mermaid's defaults: a new type's keys are covered too.
 */
const withFontFamilies = `function withFontFamilies(config, defaults) {
  const merged = { ...config };
  for (const [section, values] of Object.entries(defaults)) {
    if (!values || typeof values !== 'object') continue;
    const keys = Object.keys(values).filter((key) => key.endsWith('FontFamily'));
    if (keys.length > 0) merged[section] = { ...Object.fromEntries(keys.map((key) => [key, config.fontFamily])), ...config[section] };
  }
  return merged;
}`;

/** Prepares a page that keeps Mermaid loaded, so each diagram costs one render call. */
export async function openMermaid(page: Page, fontCss: string, config: Record<string, unknown>): Promise<void> {
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${fontCss}</style></head><body></body></html>`);
  // A string, not a function: vitest rewrites `import()` inside a function's source.
  // Mermaid measures its labels: the faces of the drawings' family (every text is set in it, see
  // printFixes) must be loaded before the first diagram; the formulas' and others' are not needed.
  await page.evaluate(`${withFontFamilies}
  import(${JSON.stringify(mermaidOrigin + mermaidEntry)}).then(async ({ default: mermaid }) => {
    globalThis.mermaid = mermaid;
    const config = ${JSON.stringify(config)};
    mermaid.initialize(withFontFamilies(config, mermaid.mermaidAPI.defaultConfig));
    const unquoted = (name) => name.trim().replace(/^['"]|['"]$/g, '');
    const families = new Set(config.fontFamily.split(',').map(unquoted));
    const faces = [...document.fonts].filter((face) => families.has(unquoted(face.family)));
    await Promise.all(faces.map((face) => face.load().catch(() => undefined)));
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
      if (!svg.includes('<foreignObject')) return svg;
      // Some diagram types (event modeling) draw their labels in HTML only, which the sanitizer
      // drops: each line of it becomes SVG text, placed where Chromium laid it out.
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      document.body.append(holder);
      try {
        for (const object of [...holder.querySelectorAll('foreignObject')]) {
          const toLocal = object.getScreenCTM()!.inverse();
          const scale = Math.sqrt(Math.abs(toLocal.a * toLocal.d - toLocal.b * toLocal.c));
          const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
          const walker = document.createTreeWalker(object, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
            const style = getComputedStyle(node.parentElement!);
            const lines: { start: number; end: number; left: number; top: number }[] = [];
            for (const word of node.data.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, word.index);
              range.setEnd(node, word.index + word[0].length);
              const box = range.getBoundingClientRect();
              if (box.width === 0) continue;
              const line = lines.at(-1);
              if (line && Math.abs(line.top - box.top) < 1) line.end = word.index + word[0].length;
              else lines.push({ start: word.index, end: word.index + word[0].length, left: box.left, top: box.top });
            }
            for (const line of lines) {
              const at = new DOMPoint(line.left, line.top).matrixTransform(toLocal);
              const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
              const attributes = {
                x: at.x, y: at.y, 'dominant-baseline': 'text-before-edge', 'font-family': style.fontFamily,
                'font-size': parseFloat(style.fontSize) * scale, 'font-weight': style.fontWeight, 'font-style': style.fontStyle, fill: style.color,
              };
              for (const [name, value] of Object.entries(attributes)) text.setAttribute(name, String(value));
              text.textContent = node.data.slice(line.start, line.end);
              group.append(text);
            }
          }
          // In a <switch>, the drawing's text fallback stays undrawn: the HTML replaces the switch.
          (object.parentElement?.localName === 'switch' ? object.parentElement : object).replaceWith(group);
        }
        return holder.innerHTML;
      } finally {
        holder.remove();
      }
    },
    id,
    printable(source),
  );
}

/**
 * The size of a drawing's smallest text, in the drawing's own units (its viewBox), as Chromium
 * lays it out with the print's style sheet: Mermaid's sizes differ by diagram type and by part
 * (CSS in the drawing, attributes, scaled groups), so they are read, not assumed.
 */
export function smallestText(page: Page, svg: string): Promise<number | undefined> {
  return page.evaluate((drawing) => {
    const holder = document.createElement('div');
    holder.innerHTML = drawing;
    document.body.append(holder);
    try {
      const root = holder.querySelector('svg');
      if (!root) return undefined;
      const scaleOf = (m: DOMMatrix | null) => (m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1);
      const rootScale = scaleOf(root.getScreenCTM());
      let smallest: number | undefined;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || !node.textContent?.trim() || element.closest('style, title, desc, defs, marker, clipPath, mask, pattern, symbol')) continue;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0 || box.width === 0) continue;
        const graphic = element.closest('text, tspan, g, svg') as SVGGraphicsElement | null;
        const size = (parseFloat(style.fontSize) * scaleOf(graphic?.getScreenCTM() ?? null)) / rootScale;
        if (size > 0 && (smallest === undefined || size < smallest)) smallest = size;
      }
      return smallest;
    } finally {
      holder.remove();
    }
  }, svg);
}
