import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildReport } from '../src/build.js';
import type { Output } from '../src/model.js';
import { fixturesDir, tempDir } from './helpers/course.js';
import { flat, pdfInfo, pdfPages, pdfText, pdfWords } from './helpers/pdf.js';

// One real build of a small course, printed by real Chromium; every assertion reads the files.
const secrets = ['PROSESECRETE', 'LISTESECRETE', 'TABLEAUSECRET', 'DIAGRAMMESECRET', 'NOTEFORMATEURSECRETE', 'INLINESECRET', 'INDICATEURSECRET', 'BETASECRETE'];

let out: string;
let report: BuildReport;
let previewed: Output[] = [];
const file = (path: string) => join(out, path);

beforeAll(async () => {
  out = join(await tempDir(), 'dist');
  report = await build({ contentDir: join(fixturesDir, 'mini'), outDir: out, sourceDateEpoch: 1_700_000_000, onPreview: (files) => (previewed = files) });
});

describe('the two editions', () => {
  it('writes the documented layout with readable, stable names', async () => {
    expect((await readdir(file('student'))).sort()).toEqual(['cas-1-alpha.pdf', 'cas-2-beta.pdf', 'fiches-restitution.pdf', 'html', 'md', 'pack-apprenant.pdf']);
    expect((await readdir(file('trainer'))).sort()).toEqual(['cas-1-alpha.pdf', 'cas-2-beta.pdf', 'html', 'md', 'pack-formateur.pdf']);
    expect((await readdir(file('grids'))).sort()).toEqual(['cas-1-alpha.pdf', 'cas-2-beta.pdf', 'feuille-de-notes.csv']);
    expect((await readdir(file('packs'))).sort()).toEqual(['student.zip', 'trainer.zip']);
  });

  it('gives the trainer the solution, the notes, the indicators and the diagram', () => {
    const text = pdfText(file('trainer/pack-formateur.pdf'));
    for (const secret of secrets) expect(text).toContain(secret);
    expect(text).toContain('Corrigé — réservé au formateur');
    expect(pdfText(file('trainer/cas-1-alpha.pdf'))).toContain('PROSESECRETE');
  });

  it('previews (npm run dev) the same HTML editions as it writes, but for the contents’ page numbers', () => {
    const html = (files: Output[]) => new Map(files.filter((f) => f.path.endsWith('.html')).map((f) => [f.path, new TextDecoder().decode(f.bytes)]));
    const written = html(report.outputs);
    const shown = html(previewed);
    expect([...shown.keys()].sort()).toEqual(['student/html/pack-apprenant.html', 'trainer/html/pack-formateur.html']);
    const numbers = /(<span class="toc-page" data-toc-target="[^"]+">)\d*(<\/span>)/g;
    for (const [path, page] of shown) {
      expect(page.replace(numbers, '$1$2'), path).toBe(written.get(path)!.replace(numbers, '$1$2'));
      expect(written.get(path)).toMatch(/data-toc-target="[^"]+">\d+</);
    }
    for (const secret of secrets) expect(shown.get('student/html/pack-apprenant.html')).not.toContain(secret);
  });

  it('gives the students the statement and nothing of the solution', async () => {
    const students = [
      'student/pack-apprenant.pdf',
      'student/cas-1-alpha.pdf',
      'student/cas-2-beta.pdf',
      'student/fiches-restitution.pdf',
    ];
    for (const path of students) {
      const text = pdfText(file(path));
      for (const secret of secrets) expect(text, `${secret} in ${path}`).not.toContain(secret);
      expect(text).not.toContain('réservé au formateur');
    }
    expect(pdfText(file('student/pack-apprenant.pdf'))).toContain('ÉNONCÉVISIBLE');
    expect(pdfText(file('student/cas-2-beta.pdf'))).toContain('BETAVISIBLE');
    for (const path of ['student/html/pack-apprenant.html', 'student/md/pack-apprenant.md']) {
      const text = await readFile(file(path), 'utf8');
      expect(text).toContain('ÉNONCÉVISIBLE');
      for (const secret of secrets) expect(text, `${secret} in ${path}`).not.toContain(secret);
      expect(text).not.toMatch(/class="(solution|trainer-note)/);
    }
  });

  it('packs the student edition alone in student.zip and everything in trainer.zip', async () => {
    const student = unzipSync(await readFile(file('packs/student.zip')));
    const names = Object.keys(student);
    expect(names.some((n) => n.includes('trainer/') || n.includes('grids/'))).toBe(false);
    expect(names).toContain('pack-apprenant/student/pack-apprenant.pdf');
    for (const [name, bytes] of Object.entries(student)) {
      const text = Buffer.from(bytes).toString('latin1');
      for (const secret of secrets) expect(text, `${secret} in ${name}`).not.toContain(secret);
    }
    const trainer = Object.keys(unzipSync(await readFile(file('packs/trainer.zip'))));
    expect(trainer).toContain('pack-formateur/trainer/pack-formateur.pdf');
    expect(trainer).toContain('pack-formateur/grids/cas-1-alpha.pdf');
  });
});

describe('diagram templates', () => {
  it('start from the case’s sources and carry no solution', () => {
    for (const path of ['student/cas-1-alpha.pdf', 'student/pack-apprenant.pdf']) {
      const page = pdfPages(file(path), { layout: false }).find((p) => p.includes('Gabarit de schéma — Cas 1'))!;
      expect(page, path).toBeDefined();
      for (const source of ['paiements', '(5k msg/s)', 'référentiel clients (SQL)', 'historique 2 ans']) expect(flat(page)).toContain(source);
      for (const layer of ['SOURCES', 'COLLECTE', 'STOCKAGE', 'BRONZE', 'SILVER', 'GOLD', 'TRAITEMENT', 'CONSOMMATION', 'GOUVERNANCE / SÉCURITÉ']) {
        expect(page).toContain(layer);
      }
      for (const secret of secrets) expect(page).not.toContain(secret);
    }
  });
});

describe('printed pages', () => {
  it('draws Mermaid diagrams as vector text, not pictures', async () => {
    const html = await readFile(file('trainer/html/pack-formateur.html'), 'utf8');
    expect(html).toMatch(/<figure class="diagram"[^>]*><svg/);
    expect(html).not.toContain('aria-roledescription="error"');
    // Mermaid's one <tspan> per word, joined (memory when printing).
    expect(html).toMatch(/<tspan [^>]*class="text-inner-tspan"[^>]*>DIAGRAMMESECRET Kafka<\/tspan>/);
    expect(pdfText(file('trainer/cas-1-alpha.pdf'))).toContain('Scoring');
  });

  it('sets a checklist item as one line of text, a bold word spaced like the others', () => {
    const words = pdfWords(file('student/cas-1-alpha.pdf'));
    const at = words.findIndex((w) => w.text === 'Zones');
    const [zones, bold, next] = words.slice(at, at + 3);
    expect([bold?.text, next?.text]).toEqual(['Bronze/Silver/Gold', 'nommées']);
    expect(bold!.yMin).toBe(zones!.yMin);
    // A word space, not the 2.5 mm (7 pt) between the box and its text.
    expect(bold!.xMin - zones!.xMax).toBeLessThan(4);
    expect(next!.xMin - bold!.xMax).toBeLessThan(4);
  });

  it('numbers pages in the footer after the cover, and fills the table of contents', () => {
    const pages = pdfPages(file('student/pack-apprenant.pdf'));
    expect(pages[0]).not.toMatch(/page 1 \//);
    expect(pages[1]).toMatch(new RegExp(`page 2 / ${pages.length}`));
    const toc = pages.find((p) => p.includes('Sommaire'))!;
    const caseLine = toc.split('\n').find((l) => l.includes('Cas 1'))!;
    const page = Number(caseLine.trim().split(/\s+/).pop());
    expect(pages[page - 1]).toContain('Cas 1 — Banque Alpha');
  });

  it('gives every entry of the table of contents the page its section starts on, in both packs', () => {
    // Printed without a cache, so the numbers come from a first print and the table of contents
    // was printed again and put in place.
    for (const pack of ['student/pack-apprenant.pdf', 'trainer/pack-formateur.pdf']) {
      const pages = pdfPages(file(pack), { layout: true });
      const tocAt = pages.findIndex((p) => p.includes('Sommaire'));
      expect(pages.filter((p) => p.includes('Sommaire')), pack).toHaveLength(1);
      // The contents' pages, printed again on their own, still count the whole pack.
      expect(pages[tocAt], pack).toMatch(new RegExp(`page ${tocAt + 1} / ${pages.length}\\b`));
      const entries = [...pages[tocAt]!.matchAll(/^\s*(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: flat(m[1]!), page: Number(m[2]) }));
      expect(entries.length, pack).toBeGreaterThanOrEqual(4);
      for (const { title, page } of entries) {
        expect(page, `${pack}: ${title}`).not.toBe(tocAt + 1);
        expect(flat(pages[page - 1]!), `${pack}: ${title} on page ${page}`).toContain(title.slice(0, 20));
        if (page >= 2 && page - 2 !== tocAt) expect(flat(pages[page - 2]!), `${pack}: ${title} not before page ${page}`).not.toContain(title.slice(0, 20));
      }
    }
  });

  it('sets the metadata a reader shows, and bookmarks', async () => {
    const info = pdfInfo(file('trainer/pack-formateur.pdf'));
    expect(info.Title).toBe('Atelier de test – Architecture cible — Édition formateur');
    expect(info.Author).toBe('École de test');
    expect(info.Tagged).toBe('yes');
    const { loadPdf, pdfOutline } = await import('../src/print/read-pdf.js');
    const outline = pdfOutline(await loadPdf(await readFile(file('trainer/pack-formateur.pdf'))));
    expect(outline.map((o) => o.title)).toContain('Cas 1 — Banque Alpha : scoring en moins de 2 s');
  });
});

describe('evaluation grids', () => {
  it('prints one sheet per group with the rubric and its total', () => {
    const pages = pdfPages(file('grids/cas-1-alpha.pdf'));
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Groupe ${i + 1}`);
      expect(page).toContain('Pertinence fonctionnelle');
      expect(page).toMatch(/\/\s*12/);
      expect(page).toMatch(/\/\s*8/);
      expect(page).toMatch(/Total\s+\/ 20/);
      expect(page).toContain('INDICATEURSECRET');
    });
  });

  it('gives each group a restitution sheet with the steps of the model', () => {
    const pages = pdfPages(file('student/fiches-restitution.pdf'));
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Groupe ${i + 1}`);
      expect(page).toMatch(/Contexte \(2 minutes\)[\s\S]*Schéma/);
      expect(page).toContain('6 min par groupe');
    });
  });

  it('opens the trainer pack with a run sheet built from the timing', () => {
    const runSheet = pdfPages(file('trainer/pack-formateur.pdf'))[1]!;
    expect(runSheet).toContain('Déroulé de la séance');
    expect(runSheet).toMatch(/0’\s+travail en groupe\s+40’/);
    expect(runSheet).toMatch(/40’\s+restitution\s+20’/);
    expect(runSheet).toMatch(/Groupe 3/);
    expect(runSheet).toMatch(/1 par groupe \(3 au total\)/);
  });

  it('reports what it wrote', () => {
    expect(report.outputs.find((o) => o.path === 'grids/cas-1-alpha.pdf')?.pages).toBe(3);
  });
});
