import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InlineMath } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { selectEdition } from '../src/edition/select-edition.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { bundledFontFamilies } from '../src/render/fonts.js';
import { formulaTree, katexSanitizeSchema } from '../src/render/formulas.js';
import { markdownToHtml } from '../src/render/markdown-to-html.js';
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
    const { tree } = parse('Le « prix » : 5 $ par mois ; $\\{x : f(x) \\ge 1\\}$ ; $$ \\frac{a}{b} $$');
    const { html } = markdownToHtml(tree, { lang: 'fr', file: 'x.md', contentDir: '.' });
    expect(html).toContain('5\u00A0$ par mois');
    const formulas = [...html.matchAll(/<span class="katex">[\s\S]*?<\/span><\/span><\/span>/g)].map((m) => m[0]);
    expect(formulas).toHaveLength(2);
    for (const formula of formulas) expect(formula).not.toMatch(/[\u00A0\u202F\u00AD«»]/);
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('katex-mathml');
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

  it('has the leak guard find a trainer-only formula’s text in a PDF, an HTML file and a Markdown file', async () => {
    const { course } = await readCourse(sheet);
    const fragments = trainerFragments(course, studentSourceTexts(selectEdition(course, 'student')));
    // The trainer's note, as each kind of file gives it back.
    expect(fragments).toContain('Rappeler que μ(N)=0 pour un ensemble N négligeable : Ωsecret\u200B⊊Q.');
    for (const path of ['trainer/cas-7-convergence.pdf', 'trainer/html/pack-formateur.html', 'trainer/md/pack-formateur.md']) {
      // Without the solution's own markup, which the guard finds by itself.
      const bytes = new TextEncoder().encode(new TextDecoder().decode(await readFile(file(path))).replace(/\b(solution|trainer-note)\b/g, 'x'));
      const note = fragments.filter((f) => f.startsWith('Rappeler'));
      await expect(checkStudentOutputs([{ path: path.replace('trainer', 'student'), audience: 'student', bytes: path.endsWith('.pdf') ? await readFile(file(path)) : bytes }], note, 'fr'), path).rejects.toThrow(/contenu réservé au formateur/);
    }
  });

  it('prints the same bytes again', async () => {
    const again = join(await tempDir(), 'dist');
    await build({ contentDir: sheet, outDir: again, sourceDateEpoch: 1_700_000_000, cacheDir: join(again, '..', 'cache') });
    for (const path of ['student/cas-7-convergence.pdf', 'trainer/pack-formateur.pdf', 'student/html/pack-apprenant.html']) {
      expect(Buffer.compare(await readFile(join(again, path)), await readFile(file(path))), path).toBe(0);
    }
  }, 180_000);
});
