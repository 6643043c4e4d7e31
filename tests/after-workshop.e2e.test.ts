import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { ContentError, formatProblem } from '../src/errors.js';
import { gridForm } from '../src/forms/form-step.js';
import { grade } from '../src/grade.js';
import { LeakGuard } from '../src/verify/leak-guard.js';
import { selectEdition } from '../src/edition/select-edition.js';
import { projectDir, runCli } from './helpers/cli.js';
import { fixturesDir, tempDir } from './helpers/course.js';
import { flat, pdfPages, pdfText } from './helpers/pdf.js';
import { readCourse } from './helpers/stages.js';
import { answerKeySourceTexts, trainerFragments } from '../src/verify/trainer-fragments.js';

// After the workshop, on an English course out of 10 with named groups and their members:
// the answer key, fillable grids read back, a scores sheet, feedback, a class summary, results.
const notes = ['OSPREYTRAINERNOTESECRET', 'KESTRELINLINESECRET', 'WRENTRAINERNOTESECRET', 'PUFFINSECRETINDICATOR', 'HARRIERSECRETINDICATOR'];
const solutions = ['SOLUTIONVISIBLEPHISHING', 'SOLUTIONLISTPHISHING', 'SOLUTIONVISIBLERANSOM'];
const header = 'Group,Case,Analysis of the incident (/4),Containment (/3),Communication (/3),Comment';
const epoch = 1_700_000_000;

let root: string;
let content: string;
let grades: string;
let out: string;

/** A fresh course folder beside its grades folder, with `dist/` built once. */
beforeAll(async () => {
  root = await tempDir();
  content = join(root, 'content');
  grades = join(root, 'grades');
  out = join(root, 'dist');
  await cp(join(fixturesDir, 'after-workshop'), content, { recursive: true });
  await build({ contentDir: content, outDir: out, sourceDateEpoch: epoch });
}, 120_000);

async function setGrades(files: Record<string, string | Uint8Array>): Promise<void> {
  await rm(grades, { recursive: true, force: true });
  await mkdir(grades, { recursive: true });
  for (const [name, data] of Object.entries(files)) await writeFile(join(grades, name), data);
}

async function gradeErrors(): Promise<string[]> {
  try {
    await grade({ contentDir: content, outDir: out, sourceDateEpoch: epoch });
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

function fieldDict(pdf: PDFDocument, name: string): PDFDict {
  return pdf.getForm().getField(name).acroField.dict;
}

describe('the answer key', () => {
  it('gives each case its statement and reference solution, without trainer notes, inline words or indicators', async () => {
    expect((await readdir(join(out, 'answer-key'))).sort()).toEqual(['case-1-phishing.pdf', 'case-2-ransomware.pdf']);
    const text = flat(pdfText(join(out, 'answer-key/case-1-phishing.pdf'))) + flat(pdfText(join(out, 'answer-key/case-2-ransomware.pdf')));
    for (const s of [...solutions, 'STATEMENTVISIBLE']) expect(text).toContain(s);
    for (const s of notes) expect(text).not.toContain(s);
    expect(text).toContain('Keep an eye on the clock while you work');
    expect(text).not.toContain('trainer only');
    expect(text).not.toContain('Your answers');
  });

  it('is a pack of its own, never in the students’ pack', async () => {
    const key = Object.keys(unzipSync(await readFile(join(out, 'packs/answer-key.zip'))));
    expect(key.sort()).toEqual(['answer-key/answer-key/case-1-phishing.pdf', 'answer-key/answer-key/case-2-ransomware.pdf']);
    const student = Object.keys(unzipSync(await readFile(join(out, 'packs/student.zip'))));
    expect(student.some((p) => p.includes('answer-key'))).toBe(false);
  });

  it('is read back by a leak guard that refuses trainer notes and indicators but lets solutions through', async () => {
    const { course } = await readCourse(content);
    const guard = () => new LeakGuard(trainerFragments(course, answerKeySourceTexts(selectEdition(course, 'student'), selectEdition(course, 'answers')), ['solution']), 'en', undefined, 'answers');
    const file = (path: string, text: string) => ({ path, audience: 'answers' as const, bytes: new TextEncoder().encode(text) });
    await expect(guard().checkAll([file('answer-key/a.md', 'The attacker used a consent phishing page; the SOLUTIONVISIBLEPHISHING forwarding rule copied every payroll mail.')])).resolves.toBeUndefined();
    await expect(guard().checkAll([file('answer-key/a.md', 'Groups often forget the OSPREYTRAINERNOTESECRET mailbox rules; hint at it after 10 minutes.')])).rejects.toThrow(/answer-key\/a\.md/);
    await expect(guard().checkAll([file('answer-key/b.md', 'Spots the forwarding rule PUFFINSECRETINDICATOR on the mailbox')])).rejects.toThrow(ContentError);
    await expect(guard().checkAll([file('answer-key/c.html', '<aside class="trainer-note">x</aside>')])).rejects.toThrow(ContentError);
  });

  it('is built only when the course asks for it', async () => {
    const other = join(await tempDir(), 'content');
    await cp(content, other, { recursive: true });
    const yaml = join(other, 'course.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('answerKey: true\n', ''));
    const report = await build({ contentDir: other, outDir: join(other, '../dist'), sourceDateEpoch: epoch });
    expect(report.outputs.some((o) => o.path.startsWith('answer-key/') || o.path === 'packs/answer-key.zip')).toBe(false);
  }, 120_000);
});

describe('the grids as PDF forms', () => {
  it('have stable field names for each group sheet, points, comments, evaluator, date and total', async () => {
    const pdf = await PDFDocument.load(await readFile(join(out, 'grids/case-1-phishing.pdf')));
    const names = pdf.getForm().getFields().map((f) => f.getName());
    for (const group of ['owls', 'herons']) {
      for (const criterion of ['analysis', 'containment', 'communication']) {
        expect(names).toContain(`phishing.${group}.${criterion}.points`);
        expect(names).toContain(`phishing.${group}.${criterion}.comment`);
      }
      for (const field of ['evaluator', 'date', 'total']) expect(names).toContain(`phishing.${group}.${field}`);
    }
    // No link is left where a field was marked.
    const links = pdf.getPages().flatMap((p) => p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []).map((a) => pdf.context.lookup(a) as PDFDict);
    expect(links.filter((a) => a.get(PDFName.of('Subtype')) === PDFName.of('Link'))).toEqual([]);
  });

  it('compute the total with the standard calculation, and check each criterion’s points', async () => {
    const pdf = await PDFDocument.load(await readFile(join(out, 'grids/case-1-phishing.pdf')));
    const script = (name: string, key: string) => (fieldDict(pdf, name).lookup(PDFName.of('AA'), PDFDict).lookup(PDFName.of(key), PDFDict).lookup(PDFName.of('JS')) as unknown as { decodeText(): string }).decodeText();
    expect(script('phishing.owls.total', 'C')).toBe('AFSimple_Calculate("SUM", new Array("phishing.owls.analysis.points", "phishing.owls.containment.points", "phishing.owls.communication.points"));');
    expect(script('phishing.owls.containment.points', 'V')).toContain('v > 3');
    const co = pdf.getForm().acroForm.dict.lookup(PDFName.of('CO'), PDFArray).asArray();
    expect(co).toContain(pdf.getForm().getField('phishing.owls.total').ref);
    expect(pdf.getForm().getField('phishing.owls.total').isReadOnly()).toBe(true);
  });

  it('print exactly as a grid without fields', async () => {
    // The same templates, the field links turned into the spans they mark: the pages must not differ by a pixel.
    const templates = join(await tempDir(), 'templates');
    await cp(join(projectDir, 'templates'), templates, { recursive: true });
    const sheet = join(templates, 'partials/grid-sheet.hbs');
    await writeFile(sheet, (await readFile(sheet, 'utf8')).replace(/<a class="([^"]+)" href="\{\{[^}]+\}\}"><\/a>/g, '<span class="$1"></span>'));
    const plain = join(root, 'plain');
    await build({ contentDir: content, outDir: plain, templatesDir: templates, gradesDir: join(root, 'none'), sourceDateEpoch: epoch });
    const plainPdf = await PDFDocument.load(await readFile(join(plain, 'grids/case-1-phishing.pdf')));
    expect(plainPdf.getForm().getFields()).toEqual([]);
    const raster = (pdf: string) => {
      const dir = join(root, 'raster', pdf.replace(/\W/g, '-'));
      execFileSync('mkdir', ['-p', dir]);
      execFileSync('pdftoppm', ['-r', '72', '-gray', pdf, join(dir, 'p')]);
      return readdirSync(dir).sort().map((name) => readFileSync(join(dir, name)));
    };
    const withFields = raster(join(out, 'grids/case-1-phishing.pdf'));
    const without = raster(join(plain, 'grids/case-1-phishing.pdf'));
    expect(withFields.length).toBe(2);
    expect(without.length).toBe(2);
    withFields.forEach((page, i) => expect(Buffer.compare(page, without[i]!), `page ${i + 1}`).toBe(0));
  }, 120_000);

  it('are kept in the cache under what their form’s scripts say: the rubric, in the course’s language', async () => {
    const { course } = await readCourse(content);
    const key = gridForm(course).key;
    expect(gridForm({ ...course }).key).toBe(key);
    expect(gridForm({ ...course, lang: 'fr' }).key).not.toBe(key);
    const [first, ...rest] = course.rubric.criteria;
    const withFirst = (criterion: Partial<typeof first>) => gridForm({ ...course, rubric: { ...course.rubric, criteria: [{ ...first!, ...criterion }, ...rest] } }).key;
    expect(withFirst({ points: first!.points + 1 })).not.toBe(key);
    expect(withFirst({ label: 'Another label' })).not.toBe(key);
  });

  it('come from the cache with their form: a rebuild gives the same grids, fields and all', async () => {
    const cacheDir = await tempDir();
    const rebuild = async (dir: string) => {
      const fromCache = new Map<string, boolean>();
      await build({ contentDir: content, outDir: join(root, dir), cacheDir, gradesDir: join(root, 'none'), sourceDateEpoch: epoch, onPrinted: (path, cached) => fromCache.set(path, cached) });
      return fromCache;
    };
    await rebuild('cached-first');
    // Without the raw prints, a document comes from the cache only finished: for a grid, with its form.
    for (const kind of ['print', 'print-about', 'print-contents']) await rm(join(cacheDir, kind), { recursive: true, force: true });
    const fromCache = await rebuild('cached-again');
    const grids = ['grids/case-1-phishing.pdf', 'grids/case-2-ransomware.pdf'];
    for (const grid of grids) {
      expect(fromCache.get(grid), grid).toBe(true);
      // The same bytes as the build without cache, whose fields the other tests read.
      expect(Buffer.compare(await readFile(join(root, 'cached-again', grid)), await readFile(join(out, grid))), grid).toBe(0);
    }
    const pdf = await PDFDocument.load(await readFile(join(root, 'cached-again', grids[0]!)));
    expect(pdf.getForm().getFields().map((f) => f.getName())).toContain('phishing.owls.total');
  }, 120_000);

  it('place each field on its printed cell, on the page of its group', async () => {
    const path = join(out, 'grids/case-1-phishing.pdf');
    const pdf = await PDFDocument.load(await readFile(path));
    const pages = pdfPages(path);
    const herons = pages.findIndex((p) => /Group: Herons/.test(p));
    const widget = pdf.getForm().getField('phishing.herons.total').acroField.getWidgets()[0]!;
    expect(pdf.getPages().findIndex((p) => p.ref === widget.P())).toBe(herons);
    const owls = pdf.getForm().getField('phishing.owls.analysis.points').acroField.getWidgets()[0]!.getRectangle();
    // The score box: 11 mm × 9 mm, in the right half of the A4 page.
    expect(owls.width).toBeCloseTo((11 * 72) / 25.4, 0);
    expect(owls.height).toBeCloseTo((9 * 72) / 25.4, 0);
    expect(owls.x).toBeGreaterThan(595 / 2);
  });
});

describe('grading', () => {
  it('writes a blank scores sheet beside the grids: BOM, one row per group and case, a column per criterion and comments', async () => {
    const bytes = await readFile(join(out, 'grids/scores-sheet.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([header, 'Owls,case-1-phishing,,,,', 'Herons,case-1-phishing,,,,', 'Foxes,case-2-ransomware,,,,', '']);
  });

  it('reads a filled grid PDF and a scores sheet back: totals, feedback, class summary, results per member', async () => {
    const pdf = await PDFDocument.load(await readFile(join(out, 'grids/case-1-phishing.pdf')));
    const form = pdf.getForm();
    const fill = (name: string, value: string) => form.getTextField(name).setText(value);
    fill('phishing.owls.analysis.points', '3,5');
    fill('phishing.owls.containment.points', '2');
    fill('phishing.owls.communication.points', '2.5');
    fill('phishing.owls.analysis.comment', 'Clear timeline from the sign-in logs.');
    fill('phishing.owls.evaluator', 'J. Smith');
    fill('phishing.herons.analysis.points', '4');
    fill('phishing.herons.containment.points', '1');
    fill('phishing.herons.communication.points', '0');
    await setGrades({
      'case-1-phishing.pdf': await pdf.save(),
      'scores.csv': `\uFEFF${header}\r\nFoxes,case-2-ransomware,2,3,,Solid plan\r\n`,
    });
    const report = await grade({ contentDir: content, outDir: out, sourceDateEpoch: epoch });
    expect(report.warnings.map(formatProblem)).toEqual([
      'grades/scores.csv:2 — incomplete grades for group “Foxes”, case “case-2-ransomware”: Communication missing; its results say “incomplete”.',
    ]);
    // results/ is replaced whole by the next `npm run grade`: it carries casebook's mark too.
    expect((await readdir(join(out, 'results'))).sort()).toEqual([
      '.casebook-output',
      'class-summary.pdf',
      'feedback-case-1-phishing-herons.pdf',
      'feedback-case-1-phishing-owls.pdf',
      'feedback-case-2-ransomware-foxes.pdf',
      'results.csv',
    ]);
    const csv = (await readFile(join(out, 'results/results.csv'), 'utf8')).slice(1).split('\r\n');
    expect(csv).toEqual([
      'Member,Group,Case,Analysis of the incident (/4),Containment (/3),Communication (/3),Total (/10),Status',
      'Ada Lovelace,Owls,case-1-phishing,3.5,2,2.5,8,complete',
      'Alan Turing,Owls,case-1-phishing,3.5,2,2.5,8,complete',
      'Ken Thompson,Herons,case-1-phishing,4,1,0,5,complete',
      'Grace Hopper,Foxes,case-2-ransomware,2,3,,5,incomplete',
      'Edsger Dijkstra,Foxes,case-2-ransomware,2,3,,5,incomplete',
      'Barbara Liskov,Foxes,case-2-ransomware,2,3,,5,incomplete',
      '',
    ]);
    const owls = flat(pdfText(join(out, 'results/feedback-case-1-phishing-owls.pdf')));
    expect(owls).toMatch(/Analysis of the incident 3\.5 \/ 4 Clear timeline from the sign-in logs\. what happened, in order/);
    expect(owls).toContain('Total 8 / 10');
    expect(owls).toContain('Evaluator: J. Smith');
    for (const s of [...notes, ...solutions]) expect(owls).not.toContain(s);
    const foxes = flat(pdfText(join(out, 'results/feedback-case-2-ransomware-foxes.pdf')));
    expect(foxes).toContain('Status: incomplete');
    expect(foxes).toContain('Solid plan');
    const summary = flat(pdfText(join(out, 'results/class-summary.pdf')));
    expect(summary).toContain('3 groups graded, 1 incomplete');
    expect(summary).toMatch(/Mean 3\.17 2 1\.25 6/);
    expect(summary).toMatch(/Range 2 ?– ?4 1 ?– ?3 0 ?– ?2\.5 5 ?– ?8/);
    expect(summary).not.toContain('Answer key');
    // One bar chart per criterion, drawn by Mermaid (its title and axis labels are text).
    for (const title of ['Analysis of the incident (out of 4)', 'Containment (out of 3)', 'Communication (out of 3)']) expect(summary).toContain(title);
  }, 120_000);

  it('stops on every kind of bad value, with file, row and column, and writes nothing', async () => {
    const results = () => readFile(join(out, 'results/results.csv')).catch(() => 'none');
    const before = await results();
    await setGrades({
      'scores.csv': [
        header,
        'Owls,case-1-phishing,7,2,1,',
        'Herons,case-1-phishing,-1,2,1,',
        'Owls,case-2-ransomware,1,1,1,',
        'Foxes,case-2-ransomware,abc,2.25,1,',
        'Pelicans,case-1-phishing,1,1,1,',
        'Foxes,case-9-nowhere,1,1,1,',
        'Herons,case-1-phishing,1,1,1,Good, but late',
      ].join('\n'),
      'missing.csv': 'Group,Case,Analysis of the incident (/4),Comment\nOwls,case-1-phishing,1,\n',
    });
    expect(await gradeErrors()).toEqual([
      'grades/missing.csv:1 — column “Containment (/3)” is missing (expected columns: Group, Case, Analysis of the incident (/4), Containment (/3), Communication (/3), Comment).',
      'grades/missing.csv:1 — column “Communication (/3)” is missing (expected columns: Group, Case, Analysis of the incident (/4), Containment (/3), Communication (/3), Comment).',
      'grades/scores.csv:2 — column “Analysis of the incident (/4)”: 7 points on “Analysis of the incident”, which is out of 4.',
      'grades/scores.csv:3 — column “Analysis of the incident (/4)”: -1 points; a score cannot be negative.',
      'grades/scores.csv:4 — group “Owls” does not work on case “case-2-ransomware”.',
      'grades/scores.csv:5 — column “Analysis of the incident (/4)”: “abc” is not a number of points.',
      'grades/scores.csv:5 — column “Containment (/3)”: 2.25 points; only whole or half points are accepted (e.g. 2.5).',
      'grades/scores.csv:6 — group “Pelicans” is not in the course (Owls, Foxes, Herons).',
      'grades/scores.csv:7 — case “case-9-nowhere” is not in the course (case-1-phishing, case-2-ransomware).',
      'grades/scores.csv:8 — the row has 7 columns, the header 6: a comment that holds the separator must be in quotes.',
    ]);
    expect(await results()).toEqual(before);
  }, 60_000);

  it('names the page and field of a bad value in a filled grid', async () => {
    const pdf = await PDFDocument.load(await readFile(join(out, 'grids/case-1-phishing.pdf')));
    pdf.getForm().getTextField('phishing.herons.containment.points').setText('7');
    await setGrades({ 'grid.pdf': await pdf.save() });
    const herons = pdfPages(join(out, 'grids/case-1-phishing.pdf')).findIndex((p) => /Group: Herons/.test(p)) + 1;
    expect(await gradeErrors()).toEqual([
      `grades/grid.pdf — page ${herons}, field “phishing.herons.containment.points”: 7 points on “Containment”, which is out of 3.`,
    ]);
  }, 60_000);

  it('warns, naming the row, when a comment quotes trainer-only text, and still writes the feedback', async () => {
    const quote = 'Revoke the OAuth grant and sign-in sessions SOLUTIONLISTPHISHING.';
    await setGrades({ 'scores.csv': `${header}\nOwls,case-1-phishing,4,3,3,"Well done. ${quote}"\n` });
    const report = await grade({ contentDir: content, outDir: out, sourceDateEpoch: epoch });
    expect(report.warnings.map(formatProblem)).toContain(
      `grades/scores.csv:2 — the comment in column “Comment” quotes trainer-only content (“${quote}”): it will appear as it is in the group’s feedback sheet.`,
    );
    expect(flat(pdfText(join(out, 'results/feedback-case-1-phishing-owls.pdf')))).toContain('SOLUTIONLISTPHISHING');
  }, 60_000);

  it('fails on the command line with the place, exit 1 and no stack trace', async () => {
    await setGrades({ 'scores.csv': `${header}\nOwls,case-1-phishing,3;5,2,1,\n` });
    const result = await runCli('grade', ['--content', content, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('grades/scores.csv:2 — column “Analysis of the incident (/4)”: “3;5” is not a number of points.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('is checked by npm run check too', async () => {
    await setGrades({ 'scores.csv': `${header}\nOwls,phishing,9,1,1,\n` });
    const result = await runCli('check', ['--content', content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('grades/scores.csv:2 — column “Analysis of the incident (/4)”: 9 points on “Analysis of the incident”, which is out of 4.');
  }, 60_000);

  it('is part of every build, which leaves grades/ untouched', async () => {
    await setGrades({ 'scores.csv': `${header}\nHerons,case-1-phishing,1,1,1,Fine\n` });
    const hash = async () => createHash('sha256').update(await readFile(join(grades, 'scores.csv'))).digest('hex');
    const before = await hash();
    const report = await build({ contentDir: content, outDir: out, sourceDateEpoch: epoch });
    expect(await hash()).toBe(before);
    expect(await readdir(grades)).toEqual(['scores.csv']);
    expect(report.outputs.map((o) => o.path)).toContain('results/feedback-case-1-phishing-herons.pdf');
    expect(flat(pdfText(join(out, 'results/feedback-case-1-phishing-herons.pdf')))).toContain('Total 3 / 10');
  }, 120_000);
});
