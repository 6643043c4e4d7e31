import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toString as hastToString } from 'hast-util-to-string';
import type { InlineMath } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { selectEdition } from '../src/edition/select-edition.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { bundledFontFamilies } from '../src/render/fonts.js';
import { formulaText, formulaTree, katexSanitizeSchema } from '../src/render/formulas.js';
import { elementsWithClass, parseHtml } from '../src/render/html-tree.js';
import { markdownToHtml } from '../src/render/markdown-to-html.js';
import type { Output } from '../src/model.js';
import { type Fragment, FragmentFinder, glyphsFragment } from '../src/verify/fragments.js';
import { checkStudentOutputs } from '../src/verify/leak-guard.js';
import { studentSourceTexts, trainerFragments } from '../src/verify/trainer-fragments.js';
import { runCli } from './helpers/cli.js';
import { copyCourse, fixturesDir, tempDir } from './helpers/course.js';
import { flat, pdfText } from './helpers/pdf.js';
import { contentErrors, readCourse } from './helpers/stages.js';

const sheet = join(fixturesDir, 'math-sheet');
const caseFile = 'cases/ex-7-convergence.md';

function parse(text: string) {
  return parseMarkdown('x.md', text, { lang: 'fr', resolve: () => ({ ok: true, path: '' }) });
}

function formulas(text: string): string[] {
  const found: string[] = [];
  visit(parse(text).tree, ['inlineMath', 'math'], (node) => {
    found.push((node as InlineMath).value);
  });
  return found;
}

describe('dollars', () => {
  it('are formulas by Pandoc’s rule, and dollars otherwise', () => {
    expect(formulas('coûte 5 $ par mois et 7 $ par an')).toEqual([]);
    expect(formulas('$HOME et $PATH')).toEqual([]);
    expect(formulas('prices in $ and €')).toEqual([]);
    expect(formulas('ni \\$x\\$ ni \\$5')).toEqual([]);
    expect(formulas('soit $f_n(x) \\le f_{n+1}(x)$ pour tout $n$.')).toEqual(['f_n(x) \\le f_{n+1}(x)', 'n']);
    // A closing dollar needs a non-space before it and no digit after it.
    expect(formulas('entre $x $ et $y$')).toEqual(['x $ et $y']);
    expect(formulas('de $a$5 à $b$')).toEqual(['a$5 à $b']);
    // `$$…$$`, on lines of its own or within a line, and `\$` inside a formula.
    expect(formulas('$$\n\\sum_n a_n\n$$')).toEqual(['\\sum_n a_n']);
    expect(formulas('donc $$ \\mu(N) = 0 $$ et $\\$5$')).toEqual(['\\mu(N) = 0', '\\$5']);
    expect(formulas('`$a$` reste du code')).toEqual([]);
  });

  it('print as typed, formulas as KaTeX, untouched by the typography', () => {
    // What the typography pass would change in prose: quotes, a space before a colon, a number and its unit, a long word.
    const text = String.raw`\text{"convergente" : 2 s} + \mathrm{convergence}`;
    const { tree } = parse(`Le « prix » : 5 $ par mois ; $\\{x : f(x) \\ge 1\\}$ ; $$ \\frac{a}{b} $$ ; $${text}$ ; "convergente" : 2 s`);
    const { html } = markdownToHtml(tree, { lang: 'fr', file: 'x.md', contentDir: '.' });
    expect(html).toContain('5\u00A0$ par mois');
    expect(html.replace(/\u00AD/g, '')).toContain('«\u202Fconvergente\u202F»\u202F: 2\u00A0s');
    // Each formula's text is KaTeX's, to the character (KaTeX's own no-break spaces in \text included).
    const formulas = elementsWithClass(parseHtml(html), ['katex']).map((f) => hastToString(f));
    expect(formulas).toEqual([formulaText('\\{x : f(x) \\ge 1\\}', false), formulaText('\\frac{a}{b}', true), formulaText(text, false)]);
    expect(formulas[2]).toContain('"convergente"');
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('katex-mathml');
  });
});

describe('a trainer-only formula, for the leak guard', () => {
  it('is found by its glyphs in any order, in one run of the text, and not with one glyph other', () => {
    const formula = glyphsFragment(formulaText(String.raw`\mu(N) \le \sum_{n} \mu(N_n) = 0`, true), '$$…$$');
    const find = (text: string) => new FragmentFinder([formula]).in(text);
    // As pdfjs reads it from Chromium's print: the base line first, then the limits and the subscripts.
    expect(find('Par croissance, la suite converge.\nμ(N ) ≤ μ(N ) =\nn\n∑ n 0\nsuite')).toEqual([formula]);
    expect(find('μ(N ) ≥ μ(N ) =\nn\n∑ n 0')).toEqual([]);
    expect(find('μ(N ) ≤ μ(N ) = x\nn\n∑ n 0')).toEqual([]);
  });
});

describe('KaTeX’s output', () => {
  it('uses only the elements and attributes its sanitizer schema lists', () => {
    const allowed: Record<string, readonly string[]> = katexSanitizeSchema.attributes;
    const tex = ['\\sqrt[3]{x^2}', '\\widehat{abc}', '\\xrightarrow[a]{b}', '\\cancel{x}', '\\boxed{x}', '\\left( \\frac{a}{b} \\right)', '\\begin{pmatrix}a&b\\\\c&d\\end{pmatrix}', '\\mathbb{R}', '\\color{red}{x}', '\\underbrace{a+b}_{c}'];
    const seen: string[] = [];
    for (const formula of tex.flatMap((t) => [...formulaTree(t, false), ...formulaTree(t, true)])) {
      visit(formula, 'element', (node) => {
        seen.push(node.tagName);
        for (const name of Object.keys(node.properties)) expect(allowed[node.tagName], `${node.tagName} ${name}`).toContain(name);
      });
    }
    expect(new Set(seen)).toEqual(new Set(katexSanitizeSchema.tagNames));
  });
});

describe('a formula that does not parse', () => {
  async function brokenSheet(line: string, lang = 'fr'): Promise<string> {
    const content = await copyCourse(sheet);
    const file = join(content, caseFile);
    const text = (await readFile(file, 'utf8')).replace('## Énoncé\n', () => `## Énoncé\n\n${line}\n`);
    await writeFile(file, text);
    if (lang !== 'fr') await writeFile(join(content, 'course.yaml'), (await readFile(join(content, 'course.yaml'), 'utf8')).replace('lang: fr', `lang: ${lang}`));
    return content;
  }
  // The line inserted after "## Énoncé" (line 17 of the case file).
  const line = 19;

  it('stops the build at its line, with KaTeX’s reason in the course’s language', async () => {
    expect(await contentErrors(await brokenSheet('Soit $\\frac{1}{$ un réel.'))).toEqual([
      expect.stringMatching(new RegExp(`^${caseFile}:${line}:6 — formule invalide « \\\\frac\\{1\\}\\{ » ; KaTeX : .*expected '\\}'`)),
    ]);
    expect(await contentErrors(await brokenSheet('Let $\\foo{x}$ be real.', 'en'))).toEqual([
      expect.stringMatching(new RegExp(`^${caseFile}:${line}:5 — invalid formula “\\\\foo\\{x\\}”; KaTeX: Undefined control sequence: \\\\foo`)),
    ]);
  });

  it('is found by npm run check, in a solution too', async () => {
    const content = await copyCourse(sheet);
    const file = join(content, caseFile);
    await writeFile(file, (await readFile(file, 'utf8')).replace('## Correction\n', () => '## Correction\n\n$$\n\\begin{cases} a \\end{matrix}\n$$\n'));
    const run = await runCli('check', ['--content', content]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cases\/ex-7-convergence\.md:\d+:1 — formule invalide « \\begin\{cases\} a \\end\{matrix\} » ; KaTeX : /);
    expect(run.stderr).not.toMatch(/^ {4}at /m);
  });
});

describe('a course with formulas, printed', () => {
  let out: string;
  const file = (path: string) => join(out, path);

  beforeAll(async () => {
    out = join(await tempDir(), 'dist');
    await build({ contentDir: sheet, outDir: out, sourceDateEpoch: 1_700_000_000, cacheDir: join(out, '..', 'cache') });
  }, 180_000);

  it('gives the formulas back as text: symbols, not LaTeX', () => {
    const text = flat(pdfText(file('student/cas-7-convergence.pdf')));
    // (KaTeX draws ≠ as = and a slash: the text layer has no ≠.)
    for (const symbol of ['≤', '∑', '∞', 'π', '∈', '∫', 'μ', '→', 'ℓ']) expect(text, symbol).toContain(symbol);
    expect(text).not.toMatch(/\\(le|sum|frac|mathbb|begin)\b/);
    expect(text).not.toMatch(/\$[^$]*\\/);
  });

  it('keeps the dollars that are not formulas', () => {
    const text = flat(pdfText(file('student/cas-7-convergence.pdf')));
    expect(text).toContain('coûte 5 $ par mois et 7 $ par an');
    expect(text).toContain('les variables $HOME et $PATH ne sont pas des formules, ni les prix en $ et en €, ni $x$.');
  });

  it('embeds KaTeX’s fonts from npm and no other font than the bundled ones', () => {
    for (const pdf of ['student/cas-7-convergence.pdf', 'trainer/pack-formateur.pdf']) {
      const rows = execFileSync('pdffonts', [file(pdf)], { encoding: 'utf8' }).trim().split('\n').slice(2);
      const names = rows.map((row) => row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
      expect(rows.filter((row) => !/\syes\s+yes\s+yes\s+\d+\s+\d+$/.test(row)), pdf).toEqual([]);
      expect(names.filter((n) => !bundledFontFamilies.some((family) => n.startsWith(`${family}-`))), pdf).toEqual([]);
      // Main and Math italic for letters and operators, AMS for \mathbb, Size fonts for big operators and delimiters.
      for (const family of ['KaTeX_Main', 'KaTeX_Math', 'KaTeX_AMS', 'KaTeX_Size1']) expect(names.some((n) => n.startsWith(family)), `${family} in ${pdf}`).toBe(true);
    }
    // The HTML edition takes them along (only when it has a formula).
    expect(existsSync(file('student/html/fonts/KaTeX_Main-Regular.woff2'))).toBe(true);
  });

  it('keeps trainer-only formulas out of the student files', () => {
    expect(flat(pdfText(file('trainer/cas-7-convergence.pdf')))).toContain('⊊');
    for (const pdf of ['student/cas-7-convergence.pdf', 'student/pack-apprenant.pdf']) expect(flat(pdfText(file(pdf)))).not.toMatch(/⊊|secret/);
  });

  /** The guard's fragments for the sheet, as the build makes them. */
  async function sheetFragments(): Promise<Fragment[]> {
    const { course } = await readCourse(sheet);
    return trainerFragments(course, studentSourceTexts(selectEdition(course, 'student')));
  }

  /** The trainer's PDF sheet, HTML and Markdown, handed to the guard as student files (a broken selection). */
  const trainerFiles = ['trainer/cas-7-convergence.pdf', 'trainer/html/pack-formateur.html', 'trainer/md/pack-formateur.md'];
  async function asStudentFile(path: string): Promise<Output> {
    const bytes = await readFile(file(path));
    // Without the solution's own markup, which the guard finds by itself.
    const text = () => new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/\b(solution|trainer-note)\b/g, 'x'));
    return { path: path.replace('trainer', 'student'), audience: 'student', bytes: path.endsWith('.pdf') ? bytes : text() };
  }

  it('has the leak guard find a trainer-only formula’s text in a PDF, an HTML file and a Markdown file', async () => {
    const fragments = await sheetFragments();
    // The trainer's note, as each kind of file gives it back.
    expect(fragments.map((f) => f.text)).toContain('Rappeler que μ(N)=0 pour un ensemble N négligeable : Ωsecret\u200B⊊Q.');
    const note = fragments.filter((f) => f.text.startsWith('Rappeler'));
    for (const path of trainerFiles) await expect(checkStudentOutputs([await asStudentFile(path)], note, 'fr'), path).rejects.toThrow(/contenu réservé au formateur/);
  });

  // Trainer-only formulas with no words around them (tests/fixtures/math-sheet): displayed in the
  // solution and in a trainer note, inline in `:trainer[…]`.
  const lone = [
    '$$\\mu(N) \\le \\sum_{n} \\mu(N_n) = 0$$',
    '$$\\lVert f - g \\rVert_1 = \\frac{1}{\\sqrt{2\\pi}} \\int_{\\mathbb{R}} |f - g| \\, d\\lambda$$',
    '$\\sum_{k=1}^{n} (2k - 1) = n^2$',
  ];

  it('has the leak guard find a trainer-only formula with no words around it by its symbols in a PDF and an HTML file, by its LaTeX in a Markdown file', async () => {
    const fragments = await sheetFragments();
    for (const formula of lone) {
      // As KaTeX renders it, and as it is written.
      const [shown, written] = fragments.filter((f) => f.text === formula);
      expect(shown?.key, formula).toMatch(/[∑∫]/);
      expect(written?.key, formula).toMatch(/^\\/);
      const [pdf, html, md] = await Promise.all(trainerFiles.map(asStudentFile));
      for (const output of [pdf!, html!]) {
        await expect(checkStudentOutputs([output], [shown!], 'fr'), `${formula} in ${output.path}`).rejects.toThrow(formula.slice(0, 30));
        await expect(checkStudentOutputs([output], [written!], 'fr'), `${formula} in ${output.path}`).resolves.toBeUndefined();
      }
      await expect(checkStudentOutputs([md!], [written!], 'fr'), `${formula} in ${md!.path}`).rejects.toThrow(formula.slice(0, 30));
    }
  });

  it('leaves them out of the student files, and takes no formula of the statement for a leak', async () => {
    const fragments = await sheetFragments();
    const finder = new FragmentFinder(fragments.filter((f) => lone.includes(f.text)));
    // (poppler's reader finds them in the trainer's sheet too)
    expect(new Set(finder.in(pdfText(file('trainer/cas-7-convergence.pdf'))).map((f) => f.text))).toEqual(new Set(lone));
    for (const path of ['student/cas-7-convergence.pdf', 'student/pack-apprenant.pdf']) expect(finder.in(pdfText(file(path))), path).toEqual([]);
    expect(finder.in(await readFile(file('student/md/pack-apprenant.md'), 'utf8'))).toEqual([]);
    // The solution quotes the statement's formula: not a leak.
    const shared = '$\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}$';
    expect(await readFile(file('trainer/md/pack-formateur.md'), 'utf8')).toContain(shared);
    expect(fragments.filter((f) => f.text === shared)).toEqual([]);
  });

  it('prints the same bytes again', async () => {
    const again = join(await tempDir(), 'dist');
    await build({ contentDir: sheet, outDir: again, sourceDateEpoch: 1_700_000_000, cacheDir: join(again, '..', 'cache') });
    for (const path of ['student/cas-7-convergence.pdf', 'trainer/pack-formateur.pdf', 'student/html/pack-apprenant.html']) {
      expect(Buffer.compare(await readFile(join(again, path)), await readFile(file(path))), path).toBe(0);
    }
  }, 180_000);
});
