import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawingOf, mergeWords, placeDrawing } from '../src/diagrams/draw-diagrams.js';
import { courseDiagrams, renderEditions } from '../src/pipeline/render-course.js';
import { resolveOptions } from '../src/pipeline/options.js';
import { Stages } from '../src/pipeline/stages.js';
import { buildCss } from '../src/render/styles.js';
import { fixturesDir } from './helpers/course.js';
import { readCourse } from './helpers/stages.js';

const word = (text: string, weight = 'normal') => `<tspan font-style="normal" class="text-inner-tspan" font-weight="${weight}">${text}</tspan>`;
const label = (...words: string[]) => `<text y="-10.1"><tspan class="text-outer-tspan row" x="0" dy="1.1em">${words.join('')}</tspan></text>`;

describe('Mermaid drawings', () => {
  it('join the words of a label that share a style, and keep the others apart', () => {
    expect(mergeWords(label(word('Kafka'), word(' Streams'), word(' &amp;'), word(' Flink')))).toBe(label(word('Kafka Streams &amp; Flink')));
    expect(mergeWords(label(word('Gold'), word(' (dbt)', 'bold'), word(' J+1', 'bold'), word(' BI')))).toBe(label(word('Gold'), word(' (dbt) J+1', 'bold'), word(' BI')));
    // Two rows of a label stay two rows; words placed on their own are left as drawn.
    const rows = label(word('Silver')) + label(word('Gold'));
    expect(mergeWords(rows)).toBe(rows);
    const placed = label('<tspan class="text-inner-tspan" dx="4">Gold</tspan><tspan class="text-inner-tspan" dx="4"> BI</tspan>');
    expect(mergeWords(placed)).toBe(placed);
  });

  it('take a landscape page when their text would print under 7 pt in the column, sized from the root <svg>', () => {
    // Labels of 14 px: the column (168 mm, 635 px) holds a drawing up to ~990 px wide at 7 pt.
    const landscape = (svg: string, textSize = 14) => placeDrawing(drawingOf(svg, textSize)).landscape;
    expect(landscape('<svg style="max-width: 1200px; background-color: white;" viewBox="0 0 1200 80"><text>max-width: 1px</text></svg>')).toBe(true);
    expect(landscape('<svg style="max-width: 900px;" viewBox="0 0 900 80"></svg>')).toBe(false);
    expect(landscape('<svg viewBox="-8 -8 1200 80"><g style="max-width: 10px"></g></svg>')).toBe(true);
    expect(landscape('<svg width="100%" viewBox="0 0 1200 80"></svg>')).toBe(true);
    expect(landscape('<svg viewBox="0 0 1200 80"></svg>', 20)).toBe(false);
    // Without text, nothing to keep legible.
    expect(placeDrawing(drawingOf('<svg viewBox="0 0 1200 80"></svg>')).landscape).toBe(false);
    expect(landscape('<svg></svg>')).toBe(false);
  });
});

describe('the diagrams drawn while the pages render', () => {
  it('are those the rendered documents hold, at the same lines, solutions’ included', async () => {
    for (const name of ['markdown-course', 'incident-response']) {
      const dir = join(fixturesDir, name);
      const selected = await readCourse(dir);
      const settings = resolveOptions({ contentDir: dir });
      const { docs } = await renderEditions(selected, await buildCss(settings.stylesDir), settings, new Stages());
      const key = (d: { id: string; place: { file: string; line?: number } }) => `${d.id} ${d.place.file}:${d.place.line}`;
      const rendered = new Set(docs.flatMap((doc) => doc.diagrams).map(key));
      expect(rendered.size, name).toBeGreaterThan(1);
      expect(new Set(courseDiagrams(selected.editions).map(key)), name).toEqual(rendered);
    }
  });
});
