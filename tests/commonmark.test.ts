import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutTrainerOnly } from '../src/edition/select-edition.js';
import { isPlainText, parseInline, parseInlineMarkdown, parseMarkdown } from '../src/parse/markdown.js';
import { toString } from 'hast-util-to-string';
import { parseHtml } from '../src/render/html-tree.js';
import { markdownToHtml } from '../src/render/markdown-to-html.js';

interface Example {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Example[] };
const inlineSections = ['Backslash escapes', 'Entity and numeric character references', 'Code spans', 'Emphasis and strong emphasis', 'Links', 'Autolinks', 'Hard line breaks', 'Soft line breaks'];

const parse = (markdown: string) => parseMarkdown('cases/spec.md', markdown, { lang: 'en', resolve: () => ({ ok: true, path: '' }) });

/**
 * The spec's self-contained inline examples: one paragraph, no link reference definition, no raw
 * HTML (casebook does not print it, on purpose), no image (casebook embeds the file, which these lack).
 */
const examples = spec.tests
  .filter((t) => inlineSections.includes(t.section))
  .map((t) => ({ ...t, markdown: t.markdown.replace(/→/g, '\t'), html: t.html.replace(/→/g, '\t') }))
  .filter((t) => /^<p>[\s\S]*<\/p>\n$/.test(t.html) && !/<\/p>\n<p>/.test(t.html))
  .filter((t) => !/^ {0,3}\[[^\]]+\]:/m.test(t.markdown))
  .filter((t) => !/"type":"(html|image)"/.test(JSON.stringify(parse(t.markdown).tree)));

/** The text an HTML fragment shows, read as a browser parses it. */
const htmlText = (html: string) => toString(parseHtml(html)).replace(/\u00AD/g, '');

/** Text as a reader compares it: English typography changes quotes and spaces only. */
const words = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ').trim();

describe('CommonMark’s inline examples', () => {
  it(`each print the spec’s text, none crashes (${examples.length} examples)`, () => {
    console.log(`CommonMark ${spec.tests.length} examples: ${examples.length} self-contained inline ones tried`);
    expect(examples.length).toBeGreaterThan(180);
    const refused: number[] = [];
    const differ = examples.flatMap((t) => {
      const parsed = parse(t.markdown);
      // A link to nothing is a trainer's mistake that casebook reports with its line, on purpose.
      if (parsed.errors.length > 0 && parsed.errors.every((e) => e.message.startsWith('link “” leads nowhere'))) {
        refused.push(t.number);
        return [];
      }
      if (parsed.errors.length > 0) return [`${t.number}: ${parsed.errors[0]!.message}`];
      const html = markdownToHtml(withoutTrainerOnly(parsed.tree), { lang: 'en', file: 'cases/spec.md', contentDir: '.' }).html;
      const [ours, theirs] = [words(htmlText(html)), words(htmlText(t.html))];
      return ours === theirs ? [] : [`${t.number}: ${JSON.stringify(ours)} ≠ ${JSON.stringify(theirs)}`];
    });
    expect(differ).toEqual([]);
    expect(refused).toEqual([485, 486, 487]);
  });

  it('keep example 28 (not a character reference) as text', () => {
    const t = examples.find((e) => e.markdown.includes('&#87654321;'))!;
    const html = markdownToHtml(parse(t.markdown).tree, { lang: 'en', file: 'cases/spec.md', contentDir: '.' }).html;
    expect(htmlText(html)).toContain('&#87654321;');
  });
});

describe('plain labels', () => {
  // Words of letters (one beyond the BMP), digits and the punctuation a plain text may hold, and
  // in half the texts, one piece of Markdown syntax somewhere (at the start too).
  const plain = [...'aZéÉ€5 ,.;:\'’()?!%/+=>→≤–—«»"-', '𝑥'];
  const syntax = ['*x*', '**x**', '_x_', '`c`', '[l](u)', '[^1]', '<a>', '<http://a.b>', '&amp;', '\\*', '~~s~~', 'www.a.bc', 'http://a.bc', 'a@b.co', '1. ', '2) ', '# ', '- ', '+ ', '> ', '    ', '\n', '\t', '\u00A0', '---', '$x$', '|', ':x:'];
  const words = fc.array(fc.constantFrom(...plain), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
  const texts = fc.oneof(
    words,
    fc.tuple(words, fc.constantFrom(...syntax), fc.boolean(), fc.nat()).map(([text, piece, first, at]) => {
      const place = first ? 0 : at % (text.length + 1);
      return text.slice(0, place) + piece + text.slice(place);
    }),
  );
  it('skip the parser only where it would make one paragraph of the same text, positions included', () => {
    let skipped = 0;
    fc.assert(
      fc.property(texts, (text) => {
        if (!isPlainText(text)) return;
        skipped++;
        expect(parseInline(text), JSON.stringify(text)).toEqual(parseInlineMarkdown(text));
      }),
      { seed: 7, numRuns: 6000 },
    );
    expect(skipped).toBeGreaterThan(400);
  });

  it('go through the parser when Markdown could read something in them', () => {
    for (const text of ['1. Intro', '2) Suite', 'voir www.example.org', 'https://example.org', 'mailto:a@b.org', '**gras**', 'fin ', '# Titre', '- point', 'a\nb', 'x &amp; y', 'A_b_', '`code`']) {
      expect(isPlainText(text), text).toBe(false);
    }
    expect(isPlainText('Disponibilité 99.9 % : réplication, reprise')).toBe(true);
  });
});
