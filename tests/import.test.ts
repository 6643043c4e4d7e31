import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { withoutTrainerOnly } from '../src/edition/select-edition.js';
import { ContentError, formatProblem } from '../src/errors.js';
import { caseFile } from '../src/import/case-file.js';
import { formatDecision } from '../src/import/decisions.js';
import { outline, type CaseOutline } from '../src/import/outline.js';
import { parseCriterion, parseRubricLabel, parseTiming } from '../src/import/frame-text.js';
import { importDocument, type ImportedCourse } from '../src/import/import-document.js';
import { parseDocument, readDocument, type ImportedDocument } from '../src/import/read-document.js';
import { headingKind } from '../src/import/vocabulary.js';
import { runCli } from './helpers/cli.js';
import { fixturesDir, tempDir } from './helpers/course.js';
import { readCourse } from './helpers/stages.js';

const seedPath = join(fixturesDir, 'import/atelier-big-data.md');

function fromText(text: string, file = 'atelier.md'): ImportedDocument {
  return { source: { file, text, warnings: [] }, tree: parseDocument(text) };
}

function importErrors(text: string): string[] {
  try {
    importDocument(fromText(text), '/nowhere');
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
}

/** A small French workshop; `edit` changes one part of it. */
function workshop(edit: (text: string) => string = (t) => t): string {
  return edit(`# Atelier qualité

## Modalités

* **Durée** : 1h (40’ travail + 20’ restitution)
* **Livrables** :
  1. Un plan
* **Barème (10 pts)**
  * Analyse (6) — causes trouvées
  * Clarté (4)

## Cas 1 — Usine **Alpha** : rebuts en hausse

### Énoncé

Les rebuts doublent depuis mars.

### Corrigé

Le moule 3 est usé.

# Restitution

1. **Constat** (2 min)

# Checklist

* [ ] Causes chiffrées
`);
}

describe('importing the seed document', async () => {
  const imported: ImportedCourse = importDocument(await readDocument(seedPath), '/nowhere');
  const file = (path: string) => imported.files.find((f) => f.path === path)!.text;

  it('writes the frame in course.yaml, in the document’s language and words', () => {
    const { course } = imported;
    expect(course.lang).toBe('fr');
    expect(course.title).toBe('Atelier collaboratif – Construire un schéma d’architecture Big Data cible');
    expect(course.frame.heading).toBe('Modalités générales (pour tous les cas)');
    expect(course.timing).toEqual({
      label: 'Durée',
      total: 90,
      segments: [
        { minutes: 45, label: 'travail en groupe' },
        { id: 'restitution', minutes: 30, label: 'restitution' },
        { minutes: 15, label: 'feedback' },
      ],
    });
    expect(course.deliverables.items).toHaveLength(5);
    expect(course.rubric.label).toBe('Barème d’évaluation');
    expect(course.rubric.total).toBe(20);
    expect(course.rubric.criteria.map((c) => [c.id, c.points])).toEqual([['pertinence', 5], ['robustesse', 5], ['gouvernance', 4], ['clarte', 3], ['mesure', 3]]);
    expect(course.rubric.criteria[0]).toMatchObject({ label: 'Pertinence fonctionnelle', description: 'correspondance avec les besoins/contraintes' });
    expect(course.rubric.criteria[4]).toMatchObject({ label: 'Mesure (SLA/KPI) & plan d’industrialisation' });
    expect(course.restitution.steps[0]).toEqual({ title: 'Contexte & besoins', detail: '2–3 minutes' });
    expect(course.restitution.steps).toHaveLength(6);
    expect(course.checklist.items).toHaveLength(8);
    expect(course.checklist.items[2]).toBe('Zones **Bronze/Silver/Gold** + format (Parquet + Delta/Iceberg/Hudi)');
  });

  it('writes one case file per case, its metadata from its heading', () => {
    expect(imported.files.map((f) => f.path)).toEqual([
      'course.yaml',
      'cases/cas-1-fintrust.md',
      'cases/cas-2-shopnow.md',
      'cases/cas-3-smartfactory.md',
      'cases/cas-4-medresearch.md',
    ]);
    expect(imported.course.cases.map((c) => [c.number, c.id, c.sector, c.organisation, c.goal])).toEqual([
      [1, 'fintrust', 'Banque', 'FinTrust', 'détection de fraude < 2 s'],
      [2, 'shopnow', 'Retail', 'ShopNow', 'recommandations omni-canal + stocks'],
      [3, 'smartfactory', 'Industrie', 'SmartFactory', 'maintenance prédictive IoT'],
      [4, 'medresearch', 'Santé', 'MedResearch', 'data hub anonymisé pour IA'],
    ]);
  });

  it('puts each solution, ASCII drawing included, inside :::solution and nothing else there', () => {
    const text = file('cases/cas-1-fintrust.md');
    expect(text).toMatch(/\n:::solution\n## CORRECTION \(proposition de référence\)\n\n\*\*Architecture \(ASCII\)\*\*\n\n```text\n\[POS\/Payment GW\]/);
    expect(text.indexOf('## ÉNONCÉ')).toBeLessThan(text.indexOf(':::solution'));
    expect(text.trimEnd().endsWith('* Feature Store managé (Vertex/Tecton).\n:::')).toBe(true);
    for (const c of imported.course.cases) {
      const statement = toString(withoutTrainerOnly(c.tree));
      expect(statement, c.id).toContain('Besoins');
      expect(statement, c.id).not.toMatch(/CORRECTION|Choix clés|Architecture \(ASCII\)/);
    }
  });

  it('reports each decision with its line, chat lines left out', () => {
    const report = imported.decisions.map((d) => formatDecision(d, 'atelier.md', 'fr'));
    expect(report).toContain('atelier.md:9 → course.yaml timing');
    expect(report).toContain('atelier.md:17 → course.yaml rubric');
    expect(report).toContain('atelier.md:41 → cases/cas-1-fintrust.md :::solution');
    expect(report).toContain('atelier.md:45 → cases/cas-1-fintrust.md ```text');
    expect(report.filter((l) => l.includes('ligne adressée au lecteur')).map((l) => l.split(' ')[0])).toEqual(['atelier.md:1', 'atelier.md:276']);
    expect(report.some((l) => l.includes('non reconnu'))).toBe(false);
  });
});

describe('importing a document of another shape', async () => {
  const imported = importDocument(await readDocument(join(fixturesDir, 'import/code-review-clinic.md')), '/nowhere');
  const file = (path: string) => imported.files.find((f) => f.path === path)!.text;
  const report = imported.decisions.map((d) => formatDecision(d, 'clinic.md', 'en'));

  it('reads English headings, labels, a timing in sub-items and a rubric out of 10', () => {
    const { course } = imported;
    expect(course.lang).toBe('en');
    expect(course.subtitle).toMatch(/^Teams of three/);
    expect(course.frame.heading).toBe('How the session runs');
    expect(course.timing.segments).toEqual([
      { minutes: 60, label: 'group work' },
      { id: 'restitution', minutes: 45, label: 'presentations' },
      { minutes: 15, label: 'wrap-up' },
    ]);
    expect(course.rubric.total).toBe(10);
    expect(course.rubric.criteria.map((c) => [c.label, c.points, c.description])).toEqual([
      ['Correctness', 4, 'the fix removes the bug and adds none'],
      ['Readability', 3, undefined],
      ['Tests', 2, 'a failing test comes first'],
      ['Communication', 1, undefined],
    ]);
    expect(course.restitution.steps).toEqual([
      { title: 'Problem', detail: 'what broke and how you saw it' },
      { title: 'Cause', detail: 'the line, and why' },
      { title: 'Fix', detail: 'the diff and its test' },
    ]);
    expect(imported.files.map((f) => f.path).slice(1)).toEqual(['cases/case-1-ledgerly.md', 'cases/case-2-shipwise.md']);
  });

  it('opens a solution at a bold "Suggested answer" line, keeps code blocks and their language', () => {
    expect(file('cases/case-2-shipwise.md')).toMatch(/:::solution\n\*\*Suggested answer\*\*\n/);
    expect(file('cases/case-1-ledgerly.md')).toContain('```python\ndef invoice_total(lines):\n    return sum(');
    expect(file('cases/case-1-ledgerly.md')).toContain('```text\n lines ──► cents (int)');
    // A line of colons inside the solution (here in a code block) cannot close it: the fence is longer.
    expect(file('cases/case-1-ledgerly.md')).toMatch(/\n::::solution\n[\s\S]*```markdown\n:::\nNever round per line.\n```[\s\S]*\n::::\n$/);
  });

  it('keeps what it does not recognise: before a solution in the statement, after the cases for the trainer', () => {
    const [ledgerly, shipwise] = imported.course.cases;
    expect(toString(withoutTrainerOnly(ledgerly!.tree))).toContain('Materials: one laptop per team');
    expect(toString(withoutTrainerOnly(shipwise!.tree))).not.toContain('one-cent listing for last');
    expect(toString(shipwise!.tree)).toContain('one-cent listing for last');
    expect(report).toContain('clinic.md:22 not recognised, kept in cases/case-1-ledgerly.md: “Materials: one laptop per team and the printed listings”');
    expect(report.filter((l) => l.includes('for the trainer only')).map((l) => l.split(' ')[0])).toEqual(['clinic.md:84', 'clinic.md:86']);
    expect(report.filter((l) => l.includes('left out:')).map((l) => l.split(' ')[0])).toEqual(['clinic.md:1', 'clinic.md:102']);
  });
});

describe('recognising how people write', () => {
  it('headings by meaning, in any language and case', () => {
    for (const h of ['ÉNONCÉ', 'Énoncé', 'Sujet', 'Statement', 'The brief']) expect(headingKind(h), h).toBe('statement');
    for (const h of ['CORRECTION (proposition de référence)', 'Corrigé', 'Solution', 'Proposition de référence', 'Model answer']) expect(headingKind(h), h).toBe('solution');
    for (const h of ['Cas 1 — X', 'Case 2: Y', 'Exercice n°3 Z', 'Exercise 4 – W']) expect(headingKind(h), h).toBe('case');
    expect(headingKind('Cas pratiques')).toBeUndefined();
    expect(headingKind('Solutions architecture overview')).toBeUndefined();
  });

  it('durations', () => {
    expect(parseTiming('1h30 (45’ travail en groupe + 30’ restitution + 15’ feedback)')).toEqual({
      total: 90,
      segments: [{ minutes: 45, label: 'travail en groupe' }, { minutes: 30, label: 'restitution' }, { minutes: 15, label: 'feedback' }],
    });
    expect(parseTiming('2h (60 min de travail, 60 min de restitution)')).toEqual({ total: 120, segments: [{ minutes: 60, label: 'travail' }, { minutes: 60, label: 'restitution' }] });
    expect(parseTiming('90 min')).toEqual({ total: 90, segments: [] });
    expect(parseTiming('1.5 hours: group work (60 min) + debrief (30 min)')).toEqual({ total: 90, segments: [{ minutes: 60, label: 'group work' }, { minutes: 30, label: 'debrief' }] });
    expect(parseTiming('toute la matinée')).toBeUndefined();
  });

  it('rubric totals and criteria', () => {
    expect(parseRubricLabel('Barème d’évaluation (20 pts)')).toEqual({ label: 'Barème d’évaluation', total: 20 });
    expect(parseRubricLabel('Barème /20')).toEqual({ label: 'Barème', total: 20 });
    expect(parseRubricLabel('Notation sur 20')).toEqual({ label: 'Notation', total: 20 });
    expect(parseRubricLabel('Marking scheme (out of 10)')).toEqual({ label: 'Marking scheme', total: 10 });
    expect(parseRubricLabel('Grading')).toEqual({ label: 'Grading' });
    expect(parseCriterion('Pertinence fonctionnelle (5) — correspondance avec les besoins')).toEqual({ label: 'Pertinence fonctionnelle', points: 5, description: 'correspondance avec les besoins' });
    expect(parseCriterion('Mesure (SLA/KPI) & plan (3)')).toEqual({ label: 'Mesure (SLA/KPI) & plan', points: 3 });
    expect(parseCriterion('Robustesse — 5 pts')).toEqual({ label: 'Robustesse', points: 5 });
    expect(parseCriterion('Accuracy: 2.5 points — figures checked (see annex 2)')).toEqual({ label: 'Accuracy', points: 2.5, description: 'figures checked (see annex 2)' });
    expect(parseCriterion('Clarté du schéma')).toBeUndefined();
  });
});

describe('never from a solution into a statement', () => {
  const secondCase = '## Cas 2 — Usine **Beta** : pannes\n\n### Énoncé\n\nLa ligne 2 s’arrête.\n\n### Corrigé\n\nLe capteur.\n\n';
  const statements = (text: string) =>
    importDocument(fromText(text), '/nowhere').course.cases.map((c) => ({ statement: toString(withoutTrainerOnly(c.tree)), all: toString(c.tree) }));

  it('a heading as high as the case, after its solution, stays in the solution', () => {
    const [alpha, beta] = statements(workshop((t) => t.replace('Le moule 3 est usé.\n', `Le moule 3 est usé.\n\n## Pour aller plus loin\n\nSECRET du corrigé.\n\n${secondCase}`)));
    expect(alpha!.all).toContain('SECRET du corrigé.');
    expect(alpha!.statement + beta!.statement).not.toContain('SECRET');
  });

  it('a solution section outside a case is the trainer’s, even before the next case', () => {
    const [alpha, beta] = statements(workshop((t) => t.replace('Le moule 3 est usé.\n', `Le moule 3 est usé.\n\n# Corrigé détaillé\n\nSECRET à part.\n\n${secondCase}`)));
    expect(alpha!.all).toContain('SECRET à part.');
    expect(alpha!.statement + beta!.statement).not.toContain('SECRET');
  });
});

describe('bad input: a clear message, nothing written', () => {
  it('the small workshop imports (the edits below are what break it)', () => {
    expect(importErrors(workshop())).toEqual([]);
  });

  it('no case', () => {
    expect(importErrors('# Notes\n\nRien ici.\n')).toEqual(['atelier.md — aucun cas trouvé : chaque cas commence par un titre « Cas 1 — … » (ou Case, Exercice).']);
  });

  it('a case without statement, a case without solution', () => {
    expect(importErrors(workshop((t) => t.replace('### Énoncé\n\nLes rebuts doublent depuis mars.\n\n', '')))).toEqual([
      'atelier.md:12 — le cas 1 n’a pas d’énoncé : rien avant sa correction.',
    ]);
    expect(importErrors(workshop((t) => t.replace('### Corrigé\n\n', '')))).toEqual([
      'atelier.md:12 — le cas 1 n’a pas de correction : ajoutez un titre « Correction » (ou Corrigé, Solution) avant la solution.',
    ]);
  });

  it('rubric points that do not add up, saying which', () => {
    expect(importErrors(workshop((t) => t.replace('Clarté (4)', 'Clarté (3)')))).toEqual([
      'atelier.md:8 — les critères du barème font 9 pts (Analyse 6, Clarté 3), mais le barème annonce 10.',
    ]);
  });

  it('segments that do not add up, a missing part', () => {
    expect(importErrors(workshop((t) => t.replace('1h (', '1h30 (')))).toEqual([
      'atelier.md:5 — les séquences durent 60 min (40 travail + 20 restitution), mais la durée annoncée est 90 min.',
    ]);
    expect(importErrors(workshop((t) => t.replace('# Checklist\n\n* [ ] Causes chiffrées\n', '')))).toEqual([
      'atelier.md — aucune partie « checklist » trouvée (titres ou libellés reconnus : Checklist, Check-list, Liste de contrôle, Liste de vérification).',
    ]);
  });

  it('a solution line that could close the block early gets a longer fence', () => {
    const text = workshop((t) => t.replace('Le moule 3 est usé.', 'Le moule 3 est usé.\n\n```markdown\n:::\n```'));
    const [region] = outline(parseDocument(text)).regions.filter((r) => 'case' in r);
    const written = caseFile(text, 'atelier.md', 'fr', { outline: (region as { case: CaseOutline }).case, carried: [], trainerNotes: [], takenIds: new Set() });
    expect(written.text).toMatch(/\n::::solution\n[\s\S]*\n```markdown\n:::\n```\n::::\n$/);
  });
});

describe('npm run import', () => {
  it('writes the course and reports its decisions; the build stages read it', async () => {
    const dir = join(await tempDir(), 'course');
    const result = await runCli('import', [seedPath, '--content', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('atelier-big-data.md:9 → course.yaml timing');
    expect(result.stderr).toContain('atelier-big-data.md:1 ligne adressée au lecteur, laissée de côté');
    expect((await readCourse(dir)).course.cases).toHaveLength(4);
  });

  it('refuses a folder that is not empty, unless --force, and then replaces the old cases', async () => {
    const dir = join(await tempDir(), 'course');
    await mkdir(join(dir, 'cases'), { recursive: true });
    await writeFile(join(dir, 'cases/cas-9-ancien.md'), 'ancien');
    const refused = await runCli('import', [seedPath, '--content', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('le dossier n’est pas vide');
    expect(await readdir(join(dir, 'cases'))).toEqual(['cas-9-ancien.md']);
    const forced = await runCli('import', [seedPath, '--content', dir, '--force', '--quiet']);
    expect(forced.code).toBe(0);
    expect((await readdir(join(dir, 'cases'))).sort()).toEqual(['cas-1-fintrust.md', 'cas-2-shopnow.md', 'cas-3-smartfactory.md', 'cas-4-medresearch.md']);
  });

  it('needs --content (never content/ by default) and writes nothing on bad input', async () => {
    const noFolder = await runCli('import', [seedPath]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain('--content');
    const dir = join(await tempDir(), 'course');
    const bad = join(await tempDir(), 'atelier.md');
    await writeFile(bad, workshop((t) => t.replace('Clarté (4)', 'Clarté (3)')));
    const result = await runCli('import', [bad, '--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('atelier.md:8 — les critères du barème font 9 pts');
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(await readdir(dir).catch(() => 'absent')).toBe('absent');
  });

  it('decodes a document saved in Windows-1252, as the build does, and says so', async () => {
    const path = join(await tempDir(), 'atelier-1252.md');
    const text = workshop().replace(/[’—–«»]/g, (c) => ({ '’': "'", '—': '-', '–': '-', '«': '"', '»': '"' })[c]!);
    await writeFile(path, Buffer.from(text, 'latin1'));
    const dir = join(await tempDir(), 'course');
    const result = await runCli('import', [path, '--content', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('lu comme Windows-1252');
    expect(await readFile(join(dir, 'cases/cas-1-alpha.md'), 'utf8')).toContain('Les rebuts doublent depuis mars.');
    expect(await readFile(join(dir, 'course.yaml'), 'utf8')).toContain('Modalités');
  });
});
