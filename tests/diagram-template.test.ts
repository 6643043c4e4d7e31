import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/pipeline/options.js';
import { renderCourse } from '../src/pipeline/render-course.js';
import { Stages } from '../src/pipeline/stages.js';
import { formatProblem } from '../src/errors.js';
import { loadCourse } from '../src/load/load-course.js';
import { copyCourse, fixturesDir } from './helpers/course.js';
import { contentErrors, readCourse } from './helpers/stages.js';

// The blank diagram page is the course's to describe (course.yaml `diagram`, or a case's front
// matter): validated like the rest, neutral when nothing is said.
const course = join(fixturesDir, 'workflow-course');
const caseFile = 'cases/cas-1-gamma.md';

async function courseWith(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await copyCourse(course);
  const path = join(dir, file);
  await writeFile(path, edit(await readFile(path, 'utf8')));
  return dir;
}

const withDiagram = (yaml: string) => (text: string) => `${text}\n${yaml}\n`;

/** The student handout of the course's first case, as HTML. */
async function handoutHtml(dir: string): Promise<string> {
  const { docs } = await renderCourse(await loadCourse(dir), resolveOptions({ contentDir: dir, sourceDateEpoch: 0 }), new Stages());
  return docs.find((d) => d.path === 'student/cas-1-gamma.pdf')!.html.replaceAll('\u00AD', '');
}

describe('a course that says nothing of its diagram page', () => {
  it('gets a neutral page: the case’s title, a framed drawing area, a short instruction, no layer', async () => {
    const html = await handoutHtml(course);
    const page = /<section class="diagram-template[\s\S]*?<\/section>/.exec(html)![0];
    expect(page).toContain('Gabarit de schéma — Cas 1 — Gamma');
    expect(page).toContain('<div class="drawing-area"');
    expect(page).toContain('Dessinez ici le schéma de votre groupe.');
    expect(page).not.toMatch(/class="layer|<h3>/);
    const { course: parsed, warnings } = await readCourse(course);
    expect(parsed.cases[0]!.diagram).toMatchObject({ boxes: [], bands: [] });
    expect(warnings).toEqual([]);
  });
});

describe('a course that describes it', () => {
  it('gets its layers, parts and bands, a box pre-filled from the statement item it names', async () => {
    const dir = await courseWith('course.yaml', withDiagram('diagram:\n  heading: "Chaîne de valeur"\n  arrows: true\n  layers:\n    - { label: "Entrées", from: "Sources" }\n    - { label: "Étapes", width: 2, parts: ["Matin", "Soir"] }\n  bands: ["Risques"]'));
    const html = await handoutHtml(dir);
    expect(html).toContain('Chaîne de valeur — Cas 1 — Gamma');
    expect(html).toMatch(/class="layers layers-layers with-arrows" style="--tracks: minmax\(0, 1fr\) minmax\(0, 2fr\); --bands: 1"/);
    expect(html).toMatch(/<h3>Entrées<\/h3>\s*<ul class="prefilled"><li>commandes \(SQL\)<\/li><li>catalogue produits<\/li><\/ul>/);
    expect(html).toMatch(/<div class="zone"><h4>Matin<\/h4><\/div><div class="zone"><h4>Soir<\/h4><\/div>/);
    expect(html).toContain('<div class="band"><h3>Risques</h3></div>');
  });

  it('pre-fills a box from the student edition only: no trainer-only words', async () => {
    const yaml = withDiagram('diagram:\n  columns:\n    - { label: "Entrées", from: "Sources" }');
    const dir = await courseWith(caseFile, (t) =>
      t.replace('catalogue produits.', 'catalogue produits, :trainer[PRIXSECRET tarifs].\n\n:::trainer\n* **Sources** : NOTESECRETE\n:::'),
    );
    await writeFile(join(dir, 'course.yaml'), yaml(await readFile(join(dir, 'course.yaml'), 'utf8')));
    const html = await handoutHtml(dir);
    expect(html).toMatch(/<h3>Entrées<\/h3>\s*<ul class="prefilled"><li>commandes \(SQL\)<\/li><li>catalogue produits<\/li><\/ul>/);
    expect(html).not.toMatch(/PRIXSECRET|NOTESECRETE/);
  });

  it('warns when the statement lacks the item a box starts from', async () => {
    const dir = await courseWith('course.yaml', withDiagram('diagram:\n  columns:\n    - { label: "Acteurs", from: "Parties prenantes" }'));
    const { warnings } = await readCourse(dir);
    expect(warnings.map(formatProblem)).toEqual([
      'cases/cas-1-gamma.md — l’énoncé n’a pas d’élément « **Parties prenantes** : … » ; la case « Acteurs » du gabarit de schéma sera vide.',
    ]);
  });

  it('lets a case have its own, or none', async () => {
    const own = await courseWith(caseFile, (t) => t.replace('tags: [batch]', 'tags: [batch]\ndiagram:\n  columns: ["Avant", "Après"]'));
    expect(await handoutHtml(own)).toMatch(/<h3>Avant<\/h3>[\s\S]*<h3>Après<\/h3>/);
    const none = await courseWith(caseFile, (t) => t.replace('tags: [batch]', 'tags: [batch]\ndiagram: false'));
    const html = await handoutHtml(none);
    expect(html).not.toContain('<section class="diagram-template');
    expect(html).toContain('PREMIERTEXTE');
  });
});

describe('the diagram key is checked like the rest of course.yaml', () => {
  it('names an unknown key, its line and the key meant', async () => {
    const dir = await courseWith('course.yaml', withDiagram('diagram:\n  colums: ["A", "B"]'));
    const line = (await readFile(join(dir, 'course.yaml'), 'utf8')).split('\n').indexOf('  colums: ["A", "B"]') + 1;
    expect(await contentErrors(dir)).toEqual([
      expect.stringMatching(new RegExp(`^course\\.yaml:${line}:3 — clé inconnue « colums » \\(vouliez-vous dire « columns » \\?\\)\\. Clés possibles : heading, hint, columns, layers, arrows, bands\\.$`)),
    ]);
  });

  it('refuses columns and layers together, a wrong type, and an empty list, at their lines', async () => {
    const dir = await courseWith('course.yaml', withDiagram('diagram:\n  arrows: "oui"\n  columns: ["A"]\n  layers: []'));
    const lines = (await readFile(join(dir, 'course.yaml'), 'utf8')).split('\n');
    const at = (text: string) => lines.indexOf(text) + 1;
    expect((await contentErrors(dir)).sort()).toEqual([
      `course.yaml:${at('  arrows: "oui"')}:11 — « diagram.arrows » doit être vrai ou faux.`,
      `course.yaml:${at('  layers: []')}:11 — « diagram.layers » doit contenir au moins 1 élément.`,
    ]);
    const both = await courseWith('course.yaml', withDiagram('diagram:\n  columns: ["A"]\n  layers: ["B"]'));
    const bothLine = (await readFile(join(both, 'course.yaml'), 'utf8')).split('\n').indexOf('  layers: ["B"]') + 1;
    expect(await contentErrors(both)).toEqual([
      `course.yaml:${bothLine}:11 — le gabarit de schéma a des colonnes (columns) ou des couches (layers), pas les deux.`,
    ]);
  });

  it('checks a case’s own template in its front matter, on the file’s lines', async () => {
    const dir = await courseWith(caseFile, (t) => t.replace('tags: [batch]', 'tags: [batch]\ndiagram:\n  columns: [{ label: "A", widht: 2 }]'));
    expect(await contentErrors(dir)).toEqual([expect.stringMatching(/^cases\/cas-1-gamma\.md:11:\d+ — clé inconnue « widht » \(vouliez-vous dire « width » \?\)/)]);
  });
});
