import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/errors.js';
import { ContentError } from '../src/errors.js';
import { decodeSource } from '../src/load/read-source.js';
import { computeResults } from '../src/grade/results.js';
import { blankScoresSheet, readScoresSheet } from '../src/grade/scores-sheet.js';
import { parsePoints } from '../src/grade/points.js';
import { fixturesDir } from './helpers/course.js';
import { readCourse } from './helpers/stages.js';

// The scores sheet of a French course (3 numbered groups, every group on every case; rubric 12 + 8).
const mini = join(fixturesDir, 'mini');

describe('points as a trainer types them', () => {
  const criterion = { label: 'Clarté', points: 5 };
  it('takes whole and half points, with a comma or a point', () => {
    expect(parsePoints('2,5', criterion, 'x', 'fr')).toEqual({ points: 2.5 });
    expect(parsePoints(' 2.5 ', criterion, 'x', 'fr')).toEqual({ points: 2.5 });
    expect(parsePoints('5', criterion, 'x', 'fr')).toEqual({ points: 5 });
    expect(parsePoints('0', criterion, 'x', 'fr')).toEqual({ points: 0 });
    expect(parsePoints('', criterion, 'x', 'fr')).toEqual({});
  });
  it('refuses the rest, saying why in the course language', () => {
    expect(parsePoints('7', criterion, 'colonne « Clarté (/5) »', 'fr').error).toBe('colonne « Clarté (/5) » : 7 points sur « Clarté », noté sur 5.');
    expect(parsePoints('-1', criterion, 'x', 'fr').error).toMatch(/négative/);
    expect(parsePoints('2,25', criterion, 'x', 'fr').error).toMatch(/demi-points/);
    for (const bad of ['deux', '2,5,1', '1e1', '½', 'NaN', '--1']) expect(parsePoints(bad, criterion, 'x', 'fr').error, bad).toMatch(/n’est pas un nombre/);
  });
});

describe('the scores sheet of a French course', () => {
  it('is blank, with ; between columns, a BOM and one row per group and case', async () => {
    const { course } = await readCourse(mini);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(blankScoresSheet(course));
    expect(text.split('\r\n')).toEqual([
      '\uFEFFGroupe;Cas;Pertinence fonctionnelle (/12);Clarté du schéma (/8);Commentaire',
      ...['cas-1-alpha', 'cas-2-beta'].flatMap((c) => [1, 2, 3].map((n) => `Groupe ${n};${c};;;`)),
      '',
    ]);
  });

  it('reads back French decimals, a comment on several lines, a Windows-1252 file, and totals each group', async () => {
    const { course } = await readCourse(mini);
    const csv = 'Groupe;Cas;Pertinence fonctionnelle (/12);Clarté du schéma (/8);Commentaire\r\nGroupe 1;cas-1-alpha;10,5;7;"Très clair.\r\nBravo."\r\ngroupe 2;1;12;0,5;\r\n';
    const bytes = new Uint8Array([...csv].map((ch) => ch.charCodeAt(0)));
    const source = decodeSource('grades/notes.csv', bytes, 'fr');
    expect(source.warnings).toHaveLength(1);
    const { sheets, problems } = readScoresSheet(source, course);
    expect(problems).toEqual([]);
    const { results, warnings } = computeResults(course, sheets);
    expect(results.map((r) => [r.group.name, r.case.id, r.total, r.comment])).toEqual([
      ['Groupe 1', 'alpha', 17.5, 'Très clair.\nBravo.'],
      ['Groupe 2', 'alpha', 12.5, undefined],
    ]);
    // Total = the sum of the criteria, never more than the rubric's total.
    for (const r of results) expect(r.total).toBe(r.criteria.reduce((s, c) => s + (c.points ?? 0), 0));
    // The groups take any case: only a group graded on none is missing.
    expect(warnings.map(formatProblem)).toEqual(['course.yaml — aucune note pour : Groupe 3.']);
  });

  it('refuses a group graded twice for a case, naming both rows', async () => {
    const { course } = await readCourse(mini);
    const source = decodeSource('grades/notes.csv', new TextEncoder().encode('Groupe;Cas;pertinence;clarte;Commentaire\nGroupe 1;alpha;1;1;\nGroupe 1;cas-1-alpha;2;2;\n'), 'fr');
    const { sheets, problems } = readScoresSheet(source, course);
    expect(problems).toEqual([]);
    let error: unknown;
    try {
      computeResults(course, sheets);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map(formatProblem)).toEqual(['grades/notes.csv:3 — le groupe « Groupe 1 » est déjà noté pour le cas « cas-1-alpha » dans grades/notes.csv:2.']);
  });

  it('says which row is partly filled and marks its result incomplete', async () => {
    const { course } = await readCourse(mini);
    const source = decodeSource('grades/notes.csv', new TextEncoder().encode('Groupe;Cas;pertinence;clarte;Commentaire\nGroupe 3;alpha;;4;\n'), 'fr');
    const { results, warnings } = computeResults(course, readScoresSheet(source, course).sheets);
    expect(results[0]!.missing.map((c) => c.id)).toEqual(['pertinence']);
    expect(warnings.map(formatProblem)[0]).toBe(
      'grades/notes.csv:2 — notes incomplètes pour le groupe « Groupe 3 », cas « cas-1-alpha » : il manque Pertinence fonctionnelle ; ses résultats portent la mention « incomplet ».',
    );
  });
});
