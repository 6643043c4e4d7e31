import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { build } from '../src/build.js';
import { selectEdition, withoutTrainerOnly } from '../src/edition/select-edition.js';
import type { Course } from '../src/model.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { loadHighlighter, markdownToHtml } from '../src/render/markdown-to-html.js';
import { pageText, parseHtml } from '../src/render/html-tree.js';
import { stringify } from '../src/render/render-markdown.js';
import { type Fragment, FragmentFinder } from '../src/verify/fragments.js';
import { pdfPageTexts } from '../src/verify/pdf-text.js';
import { studentSourceTexts, trainerFragments } from '../src/verify/trainer-fragments.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';
import { readCourse } from './helpers/stages.js';

// Generated case documents: every trainer-only construct in every Markdown context where
// casebook's directives apply, and code, diagrams, titled links and images inside solutions and
// notes, each carrying a marker of its own. No marker may reach a student output; each must
// reach the trainer's. The leak guard, handed the trainer's output, finds each trainer-only
// formula by its glyphs, and takes nothing of the student's for a leak.

const seed = 14;
const runs = 400;
const printed = 2;

/** A one-pixel PNG, for images beside the case. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

type Marker = () => string;

// Formulas and nothing else around them: the guard finds them by their glyphs alone.
function inlineFormula(m: Marker): string {
  return `:trainer[$\\mathrm{${m()}}_{k} \\le \\frac{1}{2}$]`;
}
function blockFormula(m: Marker, colons: string): string {
  return `${colons}trainer\n$$\n\\sum_{k} \\mathrm{${m()}}_k = \\frac{\\pi^2}{6}\n$$\n${colons}`;
}

/** A trainer-only construct holding a marker, as inline text. */
const inlineConstructs: ((m: Marker) => string)[] = [
  (m) => `:trainer[${m()} words]`,
  (m) => `:trainer[*${m()}* and \`code\`]`,
  (m) => `:trainer[see[^${m().toLowerCase()}x]]`,
  inlineFormula,
];

/** A trainer-only block holding a marker, with what may go inside it. */
const blockConstructs: ((m: Marker, colons: string) => string)[] = [
  (m, c) => `${c}trainer\nA note ${m()} for the trainer.\n${c}`,
  (m, c) => `${c}trainer\n* a list ${m()}\n  * nested ${m()}\n\n| a | b |\n| - | - |\n| ${m()} | x |\n${c}`,
  (m, c) => `${c}trainer\n\`\`\`\ncode ${m()}\n\`\`\`\n\n[a link](https://example.com "${m()}") ![pic](img.png "${m()}")\n${c}`,
  (m, c) => `${c}trainer\n\`\`\`mermaid\nflowchart LR\n  A["${m()}"] --> B["b"]\n\`\`\`\n${c}`,
  (m, c) => `${c}trainer\nA note with a footnote[^${m().toLowerCase()}y].\n${c}`,
  blockFormula,
];

/** Markdown contexts: each wraps inline text or a block. */
/** An image's text is text: a formula in it is its LaTeX. */
function imageText(text: string): string {
  return `![image text ${text}](img.png)`;
}
const inlineContexts: ((text: string) => string)[] = [
  (t) => `A sentence ${t} goes on.`,
  (t) => `* item ${t}\n* other item`,
  (t) => `* item\n  * nested ${t}\n  * more`,
  (t) => `| Column | Other |\n| --- | --- |\n| cell ${t} | x |`,
  (t) => `### Heading ${t}`,
  (t) => `> quoted ${t}`,
  (t) => `[link text ${t}](#statement)`,
  imageText,
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
  /** The markers in trainer-only formulas. */
  formulas: string[];
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
    const formulas: string[] = [];
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
    /** Written by `write`, holding a formula's markers when `formula`. */
    const marked = (formula: boolean, write: () => string) => {
      const from = markers.length;
      const text = withFootnotes(write());
      if (formula) formulas.push(...markers.slice(from));
      return text;
    };
    const inline = (construct: number, context: number) =>
      marked(inlineConstructs[construct] === inlineFormula && inlineContexts[context] !== imageText, () => inlineContexts[context]!(inlineConstructs[construct]!(m)));
    const block = (construct: number, context = 0) => marked(blockConstructs[construct] === blockFormula, () => blockContexts[context]!(blockConstructs[construct]!(m, ':::')));
    const statement = placements.map((p) => (p.kind === 'inline' ? inline(p.construct, p.context) : block(p.construct, p.context)));
    const solution = [
      `## Answer key`,
      `The answer ${m()} in prose.`,
      ...inSolution.map((k) => block(k)),
      ...inlineInSolution.map((p) => inline(p.construct, p.context)),
      marked(true, () => `$$\n\\int_0^1 \\mathrm{${m()}}(x) \\, dx \\le 1\n$$`),
      `\`\`\`mermaid\nflowchart LR\n  S["${m()}"] --> T["t"]\n\`\`\``,
      `[ref](https://example.com "${m()}") ![fig](img.png "${m()}")`,
    ];
    const markdown = [
      '## Statement',
      '* **Sources**: logs, metrics.',
      // The students' own formula, like the trainer's: no leak.
      '$$\n\\sum_{k} a_k = \\frac{\\pi^2}{6}\n$$',
      ...(literal ? ['Type `:trainer[x]` to mark words.'] : []),
      ...statement,
      `::::solution\n${solution.join('\n\n')}\n::::`,
      ...footnotes,
    ].join('\n\n');
    return { markdown: `${markdown}\n`, markers, formulas, literal };
  });

interface Output {
  /** The HTML, the diagrams' sources and the Markdown. */
  all: string;
  /** What the leak guard reads: the HTML's text and the Markdown. */
  read: string[];
}

interface Outputs {
  tree: Root;
  student: Output;
  trainer: Output;
  warnings: string[];
}

/** parse → edition → HTML and Markdown, as the build makes them. */
function render(doc: Generated, dir: string): Outputs {
  const parsed = parseMarkdown('cases/case-1-gen.md', doc.markdown, { lang: 'en', resolve: () => ({ ok: true, path: '' }) });
  if (parsed.errors.length > 0) throw new Error(`${parsed.errors.map((e) => `${e.place.line}: ${e.message}`).join('\n')}\n${doc.markdown}`);
  const output = (tree: Root): Output => {
    const fragment = markdownToHtml(tree, { lang: 'en', file: 'cases/case-1-gen.md', contentDir: dir, idPrefix: 'case-1-gen-' });
    const markdown = stringify(tree);
    return { all: [fragment.html, ...fragment.diagrams.map((d) => d.source), markdown].join('\n'), read: [pageText(parseHtml(fragment.html)), markdown] };
  };
  return { tree: parsed.tree, student: output(withoutTrainerOnly(parsed.tree)), trainer: output(parsed.tree), warnings: parsed.warnings.map((w) => w.message) };
}

/** The leak guard's fragments for a generated case, put in a course in place of its cases. */
function guardFragments(course: Course, tree: Root): Fragment[] {
  const withCase: Course = { ...course, cases: [{ ...course.cases[0]!, tree, indicators: {} }] };
  return trainerFragments(withCase, studentSourceTexts(selectEdition(withCase, 'student')));
}

/** The markers of the trainer-only formulas the guard finds in `text` by their glyphs. */
function formulasFound(fragments: Fragment[], text: string): (marker: string) => boolean {
  const quoted = new FragmentFinder(fragments.filter((f) => f.kind === 'glyphs')).in(text).map((f) => f.text);
  return (marker) => quoted.some((q) => q.includes(marker));
}

const upper = (text: string) => text.toUpperCase();

beforeAll(() => loadHighlighter());

describe(`generated case documents (fast-check, seed ${seed})`, () => {
  it(`keep every trainer-only marker out of the student HTML and Markdown, and in the trainer's; the guard finds each formula (${runs} documents)`, async () => {
    const { course } = await readCourse(join(fixturesDir, 'leaks-k8s'));
    const dir = await tempDir();
    await mkdir(join(dir, 'cases'));
    await writeFile(join(dir, 'cases/img.png'), png);
    let tried = 0;
    let markers = 0;
    let formulas = 0;
    fc.assert(
      fc.property(documents, (doc) => {
        tried++;
        markers += doc.markers.length;
        const out = render(doc, dir);
        const student = upper(out.student.all);
        const trainer = upper(out.trainer.all);
        const leaked = doc.markers.filter((m) => student.includes(m));
        const missing = doc.markers.filter((m) => !trainer.includes(m));
        if (leaked.length > 0 || missing.length > 0) throw new Error(`leaked ${leaked} missing ${missing}\n${doc.markdown}`);
        // The guard: nothing of the student's taken for a leak; each trainer formula found by its
        // glyphs in the trainer's HTML text (as rendered) and Markdown (as written).
        const fragments = guardFragments(course, out.tree);
        const alarms = new FragmentFinder(fragments).in(out.student.read.join('\n')).map((f) => f.text);
        const unseen = out.trainer.read.flatMap((text) => doc.formulas.filter((m) => !formulasFound(fragments, text)(m)));
        if (alarms.length > 0 || unseen.length > 0) throw new Error(`false alarms ${alarms} formulas not found ${unseen}\n${doc.markdown}`);
        formulas += doc.formulas.length;
        if (doc.literal) {
          expect(out.student.all).toContain('<code>:trainer[x]</code>');
          expect(out.warnings.some((w) => w.includes(':trainer['))).toBe(true);
        }
      }),
      { seed, numRuns: runs },
    );
    console.log(`generated leak test: ${tried} documents, ${markers} markers (${formulas} in formulas), none in a student output`);
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
      // The trainer's sheet read as the guard reads a student PDF: it finds each formula.
      const { course } = await readCourse(content);
      const fragments = trainerFragments(course, studentSourceTexts(selectEdition(course, 'student')));
      const sheet = (await pdfPageTexts(await readFile(join(out, 'trainer/case-1-gen.pdf')))).join('\n');
      expect(doc.formulas.length).toBeGreaterThan(0);
      expect(doc.formulas.filter((m) => !formulasFound(fragments, sheet)(m))).toEqual([]);
    }
    console.log(`generated leak test: ${samples.length} documents printed by Chromium, none leaked`);
  }, 600_000);
});
