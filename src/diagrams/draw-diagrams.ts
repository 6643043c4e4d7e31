import type { Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { Cache } from '../cache/cache.js';
import { ContentError, type Problem } from '../errors.js';
import { format, formatNumber, messages } from '../i18n/index.js';
import type { Diagram, Document } from '../model.js';
import type { Page } from 'puppeteer';
import type { BrowserSession } from '../print/browser-session.js';
import { parseHtml } from '../render/html-tree.js';
import { diagramSchema } from '../render/sanitize-schema.js';
import { landscapeArea, portraitArea } from './print-area.js';
import { mermaidConfig, mermaidVersion, openMermaid, parseDiagram, renderDiagram, smallestText, type ParseResult } from './mermaid-page.js';

export interface DrawOptions {
  session: BrowserSession;
  cache: Cache;
  fontCss: string;
  fontFamily: string;
  lang: string;
}

/** A diagram as Mermaid drew it for print. */
export interface Drawing {
  svg: string;
  /** Its size as Mermaid set it on its root element; none when it sets none. */
  size?: DrawnSize;
  /** The size of its smallest text in the drawing's own units, as laid out; none without text. */
  textSize?: number;
}

/**
 * Draws every distinct diagram once, in one page that keeps Mermaid loaded. A drawing that fails,
 * or that is Mermaid's "Syntax error" picture (drawn without failing), is never printed: every
 * diagram is then parsed, to name each error with its line.
 */
export async function drawDiagrams(diagrams: Diagram[], options: DrawOptions): Promise<Map<string, Drawing>> {
  const unique = distinct(diagrams);
  const config = mermaidConfig({ fontFamily: options.fontFamily });
  const keyOf = (d: Diagram) => Cache.key(drawingVersion, d.source, mermaidVersion, JSON.stringify(config), options.fontCss);
  const drawings = new Map<string, Drawing>();
  const missing: Diagram[] = [];
  const cached = await Promise.all(unique.map((d) => options.cache.get('diagrams', keyOf(d))));
  unique.forEach((d, i) => {
    const found = cached[i];
    if (found) drawings.set(d.id, JSON.parse(found.toString('utf8')) as Drawing);
    else missing.push(d);
  });
  if (missing.length === 0) return drawings;
  await options.session.withPage({ javaScript: true }, async (page) => {
    await openMermaid(page, options.fontCss, config);
    // Drawing parses too: a separate parse of every diagram first would do that work twice.
    const draw = (d: Diagram) =>
      renderDiagram(page, `diagram-${d.id}`, d.source).then(
        (svg) => ({ svg, reason: svg.includes('aria-roledescription="error"') ? 'Syntax error' : undefined }),
        (error: unknown) => ({ svg: '', reason: error instanceof Error ? error.message : String(error) }),
      );
    let next = draw(missing[0]!);
    for (const [i, d] of missing.entries()) {
      const drawn = await next;
      // Mermaid draws the next diagram while this one is sanitized here (a fifth of the time
      // diagrams took): the page measures this one between two steps of that drawing.
      if (i + 1 < missing.length) next = draw(missing[i + 1]!);
      if (drawn.reason !== undefined) {
        await next;
        await parseAll(page, missing, options.lang);
        throw new ContentError([diagramProblem(d, { ok: false, message: drawn.reason }, options.lang)]);
      }
      // Measured as it will print: after the sanitizer, with the print's style sheet; sized from
      // the sanitized tree, not from its markup parsed again.
      const tree = sanitizedDrawing(stableIds(mergeWords(drawn.svg), d.id));
      const svg = toHtml(tree);
      const drawing: Drawing = { svg, size: drawnSize(tree), textSize: await smallestText(page, svg) };
      drawings.set(d.id, drawing);
      // Written while the next one is drawn; the build waits for the cache before its output.
      options.cache.later(options.cache.put('diagrams', keyOf(d), JSON.stringify(drawing)));
    }
  });
  return drawings;
}

/** Changes with what the build does to Mermaid's drawings (below), so that cached ones follow. */
const drawingVersion = 'drawing-v6';

/** A drawing through the diagram schema: whatever a diagram's source made Mermaid write, nothing active reaches a page. */
export function sanitizeDrawing(svg: string): string {
  return toHtml(sanitizedDrawing(svg));
}

function sanitizedDrawing(svg: string): Root {
  return sanitize(parseHtml(svg, { fragment: true }), diagramSchema) as Root;
}

// Mermaid writes each word of a label in a <tspan> of its own. Chromium lays out and prints each
// one apart: on 50 diagrams, ~60 MB more in the page that prints them and a larger PDF.
// Only the shape Mermaid 11 writes (a style, no position) is joined; anything else stays as drawn.
const wordRun = /<tspan (font-style="\w+" class="text-inner-tspan" font-weight="\w+")>[^<]*(?:<\/tspan><tspan \1>[^<]*)+/g;

/** Joins the words of a label that follow each other with the same style into one <tspan>: the same text, drawn the same. */
export function mergeWords(svg: string): string {
  return svg.replace(wordRun, (run, style: string) => run.replaceAll(`</tspan><tspan ${style}>`, ''));
}

// Icons (architecture diagrams) get ids made of the time and a counter: renamed after the diagram.
const iconId = /IconifyId[0-9a-f]+/g;

/** Ids that depend on the diagram only, so that a drawing is the same bytes on every build. */
export function stableIds(svg: string, id: string): string {
  const names = new Map<string, string>();
  return svg.replace(iconId, (found) => {
    if (!names.has(found)) names.set(found, `diagram-${id}-icon-${names.size}`);
    return names.get(found)!;
  });
}

/** Parses every distinct diagram without drawing it, so a check reports the same errors as a build. */
export async function parseDiagrams(diagrams: Diagram[], options: Pick<DrawOptions, 'session' | 'fontFamily' | 'lang'>): Promise<number> {
  const unique = distinct(diagrams);
  if (unique.length === 0) return 0;
  await options.session.withPage({ javaScript: true }, async (page) => {
    // Parsing needs no fonts: only the same Mermaid settings as the drawing.
    await openMermaid(page, '', mermaidConfig({ fontFamily: options.fontFamily }));
    await parseAll(page, unique, options.lang);
  });
  return unique.length;
}

function distinct(diagrams: Diagram[]): Diagram[] {
  return [...new Map(diagrams.map((d) => [d.id, d])).values()];
}

/** Reports every invalid diagram at once, at its line in the Markdown file. */
async function parseAll(page: Page, diagrams: Diagram[], lang: string): Promise<void> {
  const problems: Problem[] = [];
  for (const d of diagrams) {
    const parsed = await parseDiagram(page, d.source);
    if (!parsed.ok) problems.push(diagramProblem(d, parsed, lang));
  }
  if (problems.length > 0) throw new ContentError(problems);
}

function diagramProblem(d: Diagram, parsed: Extract<ParseResult, { ok: false }>, lang: string): Problem {
  // The fence is on the block's first line; the diagram's line 1 is the next one.
  const line = d.place.line !== undefined && parsed.line !== undefined ? d.place.line + parsed.line : d.place.line;
  return { place: { file: d.place.file, line }, message: format(messages(lang).diagramSyntax, { reason: readableReason(parsed.message, lang) }) };
}

// Mermaid says "Parse error on line N:", the text near the error, a caret, then what it expected.
function readableReason(message: string, lang: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^Parse error on line|^-+\^$/.test(l));
  const [near, expected] = lines;
  if (!expected) return near ?? message;
  return format(messages(lang).diagramNear, { near: near ?? '', expected: expected.length > 140 ? `${expected.slice(0, 140)}…` : expected });
}

/**
 * Puts each of the document's own drawings in its placeholder; one whose text would print too
 * small in the column takes a landscape page. The placeholder is markup casebook writes itself
 * (remark-print-markup.ts, render-results.ts), replaced as the exact string it wrote: a case cannot
 * write it, since raw HTML in content never reaches a page (dropped when parsed, and by
 * remark-rehype), and only the ids of the diagrams the document's own tree holds are filled, so no
 * other document's drawing can be pulled into it.
 */
export function fillDiagrams(doc: Pick<Document, 'html' | 'diagrams'>, drawings: Map<string, Drawing>): string {
  const own = new Set(doc.diagrams.map((d) => d.id));
  return doc.html.replace(/<figure class="diagram" data-diagram="([0-9a-f]+)"><\/figure>/g, (whole, id: string) => {
    const drawing = own.has(id) ? drawings.get(id) : undefined;
    if (!drawing) return whole;
    return `<figure class="diagram${placeDrawing(drawing).landscape ? ' landscape' : ''}" data-diagram="${id}">${drawing.svg}</figure>`;
  });
}

/** A document's HTML with its drawings in place; one without diagrams does not wait for them (it prints while Mermaid draws). */
export async function withDrawings(doc: Pick<Document, 'html' | 'diagrams'>, drawing: Promise<Map<string, Drawing>>): Promise<string> {
  return doc.diagrams.length === 0 ? doc.html : fillDiagrams(doc, await drawing);
}

/** Below this size a drawing's text is too small to read: it takes a landscape page, and the build warns when even that is not enough. */
export const smallestLegiblePt = 7;

export interface Placement {
  landscape: boolean;
  /** The printed size in pt of the drawing's smallest text. */
  textPt?: number;
}

/** A landscape page when the drawing's smallest text would print under 7 pt in the column and larger on that page. */
export function placeDrawing(drawing: Drawing): Placement {
  const { size, textSize } = drawing;
  if (!size || textSize === undefined) return { landscape: false };
  // The drawing is never enlarged; it shrinks to the column's width and the page's height.
  const printedPt = (page: { width: number; height: number }) =>
    textSize * Math.min(1, Math.min(size.width, page.width) / size.viewWidth, size.viewHeight > 0 ? page.height / size.viewHeight : 1) * 0.75;
  const upright = printedPt(portraitArea);
  const turned = printedPt(landscapeArea);
  return upright < smallestLegiblePt && turned > upright ? { landscape: true, textPt: turned } : { landscape: false, textPt: upright };
}

/** The diagrams whose text prints under 7 pt even on a landscape page, at their line in the Markdown. */
export function unreadableDiagrams(diagrams: Diagram[], drawings: Map<string, Drawing>, lang: string): Problem[] {
  const problems = new Map<string, Problem>();
  for (const d of diagrams) {
    const drawing = drawings.get(d.id);
    const textPt = drawing && placeDrawing(drawing).textPt;
    if (textPt === undefined || textPt >= smallestLegiblePt) continue;
    problems.set(`${d.place.file}:${d.place.line}`, { place: d.place, message: format(messages(lang).diagramTooSmall, { size: formatNumber(lang, textPt, 1) }) });
  }
  return [...problems.values()];
}

/** The width Mermaid gives a drawing (its max-width, or its width) and the size of its viewBox (0 high when it has none: no limit). */
export interface DrawnSize {
  width: number;
  viewWidth: number;
  viewHeight: number;
}

/** A drawn SVG with its size read from its root element, as Mermaid sized it. */
export function drawingOf(svg: string, textSize?: number): Drawing {
  return { svg, size: drawnSize(parseHtml(svg, { fragment: true })), textSize };
}

function drawnSize(tree: Root): DrawnSize | undefined {
  const root = tree.children.find((n) => n.type === 'element' && n.tagName === 'svg');
  const { style, viewBox, width } = root?.type === 'element' ? root.properties : {};
  const maxWidth = typeof style === 'string' ? /(?:^|;)\s*max-width:\s*([\d.]+)px/.exec(style)?.[1] : undefined;
  const box = typeof viewBox === 'string' ? viewBox.trim().split(/[\s,]+/).map(Number) : [];
  // A width in pixels, else the viewBox's ("100%" says nothing of the drawing).
  const drawnWidth = [maxWidth, width, box[2]].map((w) => Number(String(w).replace(/px$/, ''))).find((w) => Number.isFinite(w));
  return drawnWidth === undefined ? undefined : { width: drawnWidth, viewWidth: box[2] ?? drawnWidth, viewHeight: box[3] ?? 0 };
}
