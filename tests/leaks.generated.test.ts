import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { withoutTrainerOnly } from '../src/edition/select-edition.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { markdownToHtml } from '../src/render/markdown-to-html.js';
import { stringify } from '../src/render/render-markdown.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';

// Generated case documents: every trainer-only construct in every Markdown context where
// casebook's directives apply, and code, diagrams, titled links and images inside solutions and
// notes, each carrying a marker of its own. No marker may reach a student output; each must
// reach the trainer's.

const seed = 14;
const runs = 400;
const printed = 2;

/** A one-pixel PNG, for images beside the case. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

type Marker = () => string;

/** A trainer-only construct holding a marker, as inline text. */
const inlineConstructs: ((m: Marker) => string)[] = [
  (m) => `:trainer[${m()} words]`,
  (m) => `:trainer[*${m()}* and \`code\`]`,
  (m) => `:trainer[see[^${m().toLowerCase()}x]]`,
];

/** A trainer-only block holding a marker, with what may go inside it. */
const blockConstructs: ((m: Marker, colons: string) => string)[] = [
  (m, c) => `${c}trainer\nA note ${m()} for the trainer.\n${c}`,
  (m, c) => `${c}trainer\n* a list ${m()}\n  * nested ${m()}\n\n| a | b |\n| - | - |\n| ${m()} | x |\n${c}`,
  (m, c) => `${c}trainer\n\`\`\`\ncode ${m()}\n\`\`\`\n\n[a link](https://example.com "${m()}") ![pic](img.png "${m()}")\n${c}`,
  (m, c) => `${c}trainer\n\`\`\`mermaid\nflowchart LR\n  A["${m()}"] --> B["b"]\n\`\`\`\n${c}`,
  (m, c) => `${c}trainer\nA note with a footnote[^${m().toLowerCase()}y].\n${c}`,
];

/** Markdown contexts: each wraps inline text or a block. */
const inlineContexts: ((text: string) => string)[] = [
  (t) => `A sentence ${t} goes on.`,
  (t) => `* item ${t}\n* other item`,
  (t) => `* item\n  * nested ${t}\n  * more`,
  (t) => `| Column | Other |\n| --- | --- |\n| cell ${t} | x |`,
  (t) => `### Heading ${t}`,
  (t) => `> quoted ${t}`,
  (t) => `[link text ${t}](#statement)`,
  (t) => `![image text ${t}](img.png)`,
  (t) => `**strong ${t}** and _em_`,
];
const blockContexts: ((block: string) => string)[] = [
  (b) => b,
  (b) => `* item\n\n${indent(b, '  ')}`,
  (b) => `* item\n  * nested\n\n${indent(b, '    ')}`,
  (b) => `> quoted\n>\n${indent(b, '> ')}`,
];

const indent = (text: string, by: string) => text.split('\n').map((l) => `${by}${l}`).join('\n');

interface Generated {
  markdown: string;
  markers: string[];
  /** Text written literally in the statement, printed as typed with a warning. */
  literal: boolean;
}

const placement = fc.oneof(
  fc.record({ kind: fc.constant('inline' as const), construct: fc.nat(inlineConstructs.length - 1), context: fc.nat(inlineContexts.length - 1) }),
  fc.record({ kind: fc.constant('block' as const), construct: fc.nat(blockConstructs.length - 1), context: fc.nat(blockContexts.length - 1) }),
);

const documents = fc
  .record({
    placements: fc.array(placement, { minLength: 1, maxLength: 4 }),
    inSolution: fc.array(fc.nat(blockConstructs.length - 1), { maxLength: 2 }),
    inlineInSolution: fc.array(fc.record({ construct: fc.nat(inlineConstructs.length - 1), context: fc.nat(inlineContexts.length - 1) }), { maxLength: 2 }),
    literal: fc.boolean(),
  })
  .map(({ placements, inSolution, inlineInSolution, literal }): Generated => {
    const markers: string[] = [];
    const footnotes: string[] = [];
    const m: Marker = () => {
      const marker = `QZ${String(markers.length).padStart(3, '0')}MARKQZ`;
      markers.push(marker);
      return marker;
    };
    // A footnote written in a trainer-only place is defined at the bottom, with its own marker.
    const withFootnotes = (text: string) => {
      for (const label of text.matchAll(/\[\^([a-z0-9]+)\]/g)) footnotes.push(`[^${label[1]}]: Footnote ${m()} text.`);
      return text;
    };
    const statement = placements.map((p) =>
      withFootnotes(p.kind === 'inline' ? inlineContexts[p.context]!(inlineConstructs[p.construct]!(m)) : blockContexts[p.context]!(blockConstructs[p.construct]!(m, ':::'))),
    );
    const solution = [
      `## Answer key`,
      `The answer ${m()} in prose.`,
      ...inSolution.map((k) => withFootnotes(blockConstructs[k]!(m, ':::'))),
      ...inlineInSolution.map((p) => withFootnotes(inlineContexts[p.context]!(inlineConstructs[p.construct]!(m)))),
      `\`\`\`mermaid\nflowchart LR\n  S["${m()}"] --> T["t"]\n\`\`\``,
      `[ref](https://example.com "${m()}") ![fig](img.png "${m()}")`,
    ];
    const markdown = [
      '## Statement',
      '* **Sources**: logs, metrics.',
      ...(literal ? ['Type `:trainer[x]` to mark words.'] : []),
      ...statement,
      `::::solution\n${solution.join('\n\n')}\n::::`,
      ...footnotes,
    ].join('\n\n');
    return { markdown: `${markdown}\n`, markers, literal };
  });

interface Outputs {
  student: string;
  trainer: string;
  warnings: string[];
}

/** parse → edition → HTML and Markdown, as the build makes them. */
function render(doc: Generated, dir: string): Outputs {
  const parsed = parseMarkdown('cases/case-1-gen.md', doc.markdown, { lang: 'en', resolve: () => ({ ok: true, path: '' }) });
  if (parsed.errors.length > 0) throw new Error(`${parsed.errors.map((e) => `${e.place.line}: ${e.message}`).join('\n')}\n${doc.markdown}`);
  const output = (tree: typeof parsed.tree) => {
    const fragment = markdownToHtml(tree, { lang: 'en', file: 'cases/case-1-gen.md', contentDir: dir, idPrefix: 'case-1-gen-' });
    return [fragment.html, ...fragment.diagrams.map((d) => d.source), stringify(tree)].join('\n');
  };
  return { student: output(withoutTrainerOnly(parsed.tree)), trainer: output(parsed.tree), warnings: parsed.warnings.map((w) => w.message) };
}

const upper = (text: string) => text.toUpperCase();

describe(`generated case documents (fast-check, seed ${seed})`, () => {
  it(`keep every trainer-only marker out of the student HTML and Markdown, and in the trainer's (${runs} documents)`, async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'cases'));
    await writeFile(join(dir, 'cases/img.png'), png);
    let tried = 0;
    let markers = 0;
    fc.assert(
      fc.property(documents, (doc) => {
        tried++;
        markers += doc.markers.length;
        const out = render(doc, dir);
        const student = upper(out.student);
        const trainer = upper(out.trainer);
        const leaked = doc.markers.filter((m) => student.includes(m));
        const missing = doc.markers.filter((m) => !trainer.includes(m));
        if (leaked.length > 0 || missing.length > 0) throw new Error(`leaked ${leaked} missing ${missing}\n${doc.markdown}`);
        if (doc.literal) {
          expect(out.student).toContain('<code>:trainer[x]</code>');
          expect(out.warnings.some((w) => w.includes(':trainer['))).toBe(true);
        }
      }),
      { seed, numRuns: runs },
    );
    console.log(`generated leak test: ${tried} documents, ${markers} markers, none in a student output`);
    expect(tried).toBe(runs);
  }, 600_000);

  it(`keep them out of every printed student file (${printed} documents through Chromium)`, async () => {
    const samples = fc.sample(documents, { seed, numRuns: printed });
    for (const doc of samples) {
      const content = await copyCourse(join(fixturesDir, 'leaks-k8s'));
      const cases = join(content, 'cases');
      for (const name of await readdir(cases)) await rm(join(cases, name));
      const frontMatter = ['---', 'number: 1', 'id: gen', 'organisation: GenCo', 'sector: Testing', 'goal: "no leak"', 'indicators:', '  diagnosis:', '    - "Indicator QZINDICATORMARKQZ"', '---', ''];
      await writeFile(join(cases, 'case-1-gen.md'), frontMatter.join('\n') + doc.markdown);
      await writeFile(join(cases, 'img.png'), png);
      const out = join(await tempDir(), 'dist');
      await build({ contentDir: content, outDir: out, sourceDateEpoch: 1_700_000_000 });
      const files = (await readdir(out, { recursive: true })).filter((f) => /\.(pdf|html|md)$/.test(f));
      const text = async (f: string) => (f.endsWith('.pdf') ? execFileSync('pdftotext', [join(out, f), '-'], { encoding: 'utf8' }) : await readFile(join(out, f), 'utf8'));
      const student = upper((await Promise.all(files.filter((f) => f.startsWith('student/')).map(text))).join('\n'));
      const trainer = upper((await Promise.all(files.filter((f) => !f.startsWith('student/')).map(text))).join('\n'));
      const all = [...doc.markers, 'QZINDICATORMARKQZ'];
      expect(all.filter((m) => student.includes(m))).toEqual([]);
      expect(all.filter((m) => !trainer.includes(m))).toEqual([]);
    }
    console.log(`generated leak test: ${samples.length} documents printed by Chromium, none leaked`);
  }, 600_000);
});
