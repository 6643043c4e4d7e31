import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { withoutTrainerOnly } from '../src/edition/select-edition.js';
import { copyCourse, realContentDir } from './helpers/course.js';
import { contentErrors, readCourse } from './helpers/stages.js';

// The real course, as the trainer wrote it: the build's own checks plus what a reviewer would check.
describe('the course content', async () => {
  const { course, warnings, editions } = await readCourse(realContentDir);

  it('reads without errors or warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('has the four cases, in order', () => {
    expect(course.cases.map((c) => `${c.number} ${c.organisation}`)).toEqual(['1 FinTrust', '2 ShopNow', '3 SmartFactory', '4 MedResearch']);
    expect(course.cases.map((c) => c.slug)).toEqual(['cas-1-fintrust', 'cas-2-shopnow', 'cas-3-smartfactory', 'cas-4-medresearch']);
  });

  it('gives every case a statement, one solution with a diagram, sources, figures and indicators', () => {
    for (const c of course.cases) {
      const statement = toString(withoutTrainerOnly(c.tree));
      expect(statement, c.id).toMatch(/Besoins[\s\S]*Sources[\s\S]*Contraintes[\s\S]*Attendus/);
      const solutions = c.tree.children.filter((n) => n.data?.trainerOnly === 'solution');
      expect(solutions, c.id).toHaveLength(1);
      expect(toString(solutions[0]!), c.id).toContain('Choix clés');
      expect(JSON.stringify(solutions[0]), c.id).toContain('"lang":"mermaid"');
      expect(editions.student.cases.find((view) => view.case === c)?.diagram?.items[0]?.length, c.id).toBeGreaterThanOrEqual(3);
      expect(c.figures.length, c.id).toBeGreaterThanOrEqual(2);
      for (const criterion of course.rubric.criteria) {
        const items = c.indicators[criterion.id] ?? [];
        expect(items.length, `${c.id} ${criterion.id}`).toBeGreaterThanOrEqual(2);
        expect(items.length, `${c.id} ${criterion.id}`).toBeLessThanOrEqual(4);
      }
    }
  });

  it('keeps the solution out of the statement', () => {
    for (const c of course.cases) expect(toString(withoutTrainerOnly(c.tree))).not.toContain('Correction');
  });

  it('has a rubric that adds up to 20 and a timing that adds up to 1h30', () => {
    expect(course.rubric.total).toBe(20);
    expect(course.rubric.criteria.reduce((s, c) => s + c.points, 0)).toBe(20);
    expect(course.timing.segments.map((s) => s.minutes)).toEqual([45, 30, 15]);
    expect(course.timing.total).toBe(90);
  });

  it('has the frame of the trainer’s document', () => {
    expect(course.title).toBe('Atelier collaboratif – Construire un schéma d’architecture Big Data cible');
    expect(course.deliverables.items).toHaveLength(5);
    expect(course.restitution.steps).toHaveLength(6);
    expect(course.checklist.items).toHaveLength(8);
    expect(course.groups).toHaveLength(6);
  });
});

describe('the content checks fail when the course is wrong', () => {
  const edit = async (file: string, from: string | RegExp, to: string) => {
    const dir = await copyCourse(realContentDir);
    const path = join(dir, file);
    const text = await readFile(path, 'utf8');
    const changed = text.replace(from, to);
    expect(changed).not.toBe(text);
    await writeFile(path, changed);
    return contentErrors(dir);
  };

  it('when the course is in a language casebook has no labels for', async () => {
    expect(await edit('course.yaml', 'lang: fr', 'lang: de')).toEqual([
      'course.yaml:3:7 — « lang » : valeur invalide (casebook imprime en fr ou en ; une autre langue demande son dictionnaire dans src/i18n/).',
    ]);
  });

  it('when the rubric does not add up to its total', async () => {
    expect(await edit('course.yaml', 'points: 5\n', 'points: 6\n')).toEqual([
      'course.yaml:24:10 — les points du barème font 21, mais le total déclaré est 20.',
    ]);
  });

  it('when the timing does not add up to the session length', async () => {
    expect(await edit('course.yaml', 'minutes: 15', 'minutes: 20')).toEqual([
      'course.yaml:9:10 — les séquences durent 95 min, mais la durée déclarée est 90 min.',
    ]);
  });

  it('when a case has no solution', async () => {
    expect(await edit('cases/cas-2-shopnow.md', /:::solution[\s\S]*:::\s*$/, '')).toEqual([
      'cases/cas-2-shopnow.md — le cas n’a pas de correction : ajoutez un bloc « :::solution » … « ::: ».',
    ]);
  });

  it('when a case has no statement', async () => {
    expect(await edit('cases/cas-3-smartfactory.md', /## Énoncé[\s\S]*?(?=:::solution)/, '')).toEqual([
      'cases/cas-3-smartfactory.md — le cas n’a pas d’énoncé : ajoutez une section « ## Énoncé ».',
    ]);
  });
});
