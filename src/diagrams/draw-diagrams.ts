import { Cache } from '../cache/cache.js';
import { ContentError, type Problem } from '../errors.js';
import { format, messages } from '../i18n/index.js';
import type { Diagram } from '../model.js';
import type { BrowserSession } from '../print/browser-session.js';
import { mermaidConfig, mermaidVersion, openMermaid, parseDiagram, renderDiagram, type ParseResult } from './mermaid-page.js';

export interface DrawOptions {
  session: BrowserSession;
  cache: Cache;
  fontCss: string;
  fontFamily: string;
  lang: string;
}

/**
 * Draws every distinct diagram once, in one page that keeps Mermaid loaded. Each block is parsed
 * first: Mermaid can draw a "Syntax error" picture without failing, which must never be printed.
 */
export async function drawDiagrams(diagrams: Diagram[], options: DrawOptions): Promise<Map<string, string>> {
  const unique = [...new Map(diagrams.map((d) => [d.id, d])).values()];
  const config = mermaidConfig({ fontFamily: options.fontFamily });
  const keyOf = (d: Diagram) => Cache.key(d.source, mermaidVersion, JSON.stringify(config), options.fontCss);
  const svgs = new Map<string, string>();
  const missing: Diagram[] = [];
  for (const d of unique) {
    const cached = await options.cache.get('diagrams', keyOf(d));
    if (cached) svgs.set(d.id, cached.toString('utf8'));
    else missing.push(d);
  }
  if (missing.length === 0) return svgs;
  await options.session.withPage({ javaScript: true }, async (page) => {
    await openMermaid(page, options.fontCss, config);
    const problems: Problem[] = [];
    for (const d of missing) {
      const parsed = await parseDiagram(page, d.source);
      if (!parsed.ok) problems.push(diagramProblem(d, parsed, options.lang));
    }
    if (problems.length > 0) throw new ContentError(problems);
    for (const d of missing) {
      const svg = await renderDiagram(page, `diagram-${d.id}`, d.source);
      if (svg.includes('aria-roledescription="error"')) {
        throw new ContentError([diagramProblem(d, { ok: false, message: 'Syntax error' }, options.lang)]);
      }
      svgs.set(d.id, svg);
      await options.cache.put('diagrams', keyOf(d), svg);
    }
  });
  return svgs;
}

function diagramProblem(d: Diagram, parsed: Extract<ParseResult, { ok: false }>, lang: string): Problem {
  // The fence is on the block's first line; the diagram's line 1 is the next one.
  const line = d.place.line !== undefined && parsed.line !== undefined ? d.place.line + parsed.line : d.place.line;
  const reason = parsed.message.split('\n').find((l) => l.trim() !== '' && !/^Parse error on line/.test(l)) ?? parsed.message;
  return { place: { file: d.place.file, line }, message: format(messages(lang).diagramSyntax, { reason: reason.trim() }) };
}

/** Puts each drawing in its placeholder. */
export function fillDiagrams(html: string, svgs: Map<string, string>): string {
  return html.replace(/<figure class="diagram" data-diagram="([0-9a-f]+)"><\/figure>/g, (whole, id: string) => {
    const svg = svgs.get(id);
    return svg ? `<figure class="diagram" data-diagram="${id}">${svg}</figure>` : whole;
  });
}
