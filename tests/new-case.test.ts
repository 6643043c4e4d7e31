import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nextNumber, slugify } from '../src/new-case/scaffold.js';
import { projectDir, runCli } from './helpers/cli.js';

const newCase = (content: string, ...args: string[]) => runCli('new-case', ['--content', content, ...args]);
const check = (content: string) => runCli('check', ['--content', content]);
const stackFrame = /^ {4}at /m;

function frontMatter(text: string): Record<string, unknown> {
  return parse(text.split(/^---$/m)[1] ?? '') as Record<string, unknown>;
}

describe('slugify and nextNumber', () => {
  it('makes a valid case id of any name', () => {
    expect(slugify('Société Générale d’Œuvres')).toBe('societe-generale-d-oeuvres');
    expect(slugify('  Hôpital  Saint-Éloi (CHU) ')).toBe('hopital-saint-eloi-chu');
    expect(slugify('!!!')).toBe('');
  });
  it('numbers a case after the highest one', () => {
    expect(nextNumber([1, 4, 2])).toBe(5);
    expect(nextNumber([])).toBe(1);
  });
});

describe('npm run new:case', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casebook-new-case-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the next case of the real course from its own scaffold, which then passes check', async () => {
    const content = join(dir, 'content');
    await cp(join(projectDir, 'content'), content, { recursive: true });
    const before = await readdir(join(content, 'cases'));
    const number = nextNumber(before.map((n) => Number(/^cas-(\d+)-/.exec(n)?.[1] ?? 0)));

    const run = await newCase(content, 'Hôpital Saint-Éloi');
    expect(run.stderr).not.toMatch(stackFrame);
    expect(run.code).toBe(0);
    const file = `cas-${number}-hopital-saint-eloi.md`;
    expect(run.stderr).toContain(`cases/${file}`);

    const text = await readFile(join(content, 'cases', file), 'utf8');
    const meta = frontMatter(text);
    const course = parse(await readFile(join(content, 'course.yaml'), 'utf8')) as { rubric: { criteria: { id: string }[] } };
    expect(meta).toMatchObject({ number, id: 'hopital-saint-eloi', organisation: 'Hôpital Saint-Éloi', sector: 'À préciser', goal: 'À préciser', figures: [], tags: [] });
    expect(Object.keys(meta.indicators as object)).toEqual(course.rubric.criteria.map((c) => c.id));
    expect(text).toContain('## Énoncé');
    for (const item of ['Besoins', 'Sources', 'Contraintes', 'Attendus']) expect(text).toContain(`* **${item}** :`);
    expect(text).toMatch(/:::solution\n## Correction \(proposition de référence\)[\s\S]*```mermaid\nflowchart[\s\S]*\*\*Choix clés\*\*[\s\S]*\n:::\n$/);
    // content/templates/case.md, its comment kept, its number, id and name those of the new case.
    expect(text).toContain('# Gabarit de nouveau cas');
    expect(text).toContain('**KPI**');

    const checked = await check(content);
    expect(checked.stderr).not.toMatch(stackFrame);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain(`Contenu valide : ${before.length + 1} cas`);
  });

  it('refuses an id already taken, and a missing name', async () => {
    const content = join(dir, 'taken');
    await cp(join(projectDir, 'tests/fixtures/workflow-course'), content, { recursive: true });
    const taken = await newCase(content, 'GAMMA');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('« gamma » est déjà utilisé par cases/cas-1-gamma.md');
    expect(taken.stderr).not.toMatch(stackFrame);
    expect(await readdir(join(content, 'cases'))).toEqual(['cas-1-gamma.md']);

    // A usage error, said in the system's language.
    const unnamed = await runCli('new-case', ['--content', content], { env: { LANG: 'fr_FR.UTF-8', LC_ALL: '' } });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('Indiquez le nom du cas.');
    expect(unnamed.stderr).not.toMatch(stackFrame);
  });

  it('writes a neutral case for a course without a scaffold: no field’s words, a diagram that is no data flow', async () => {
    const content = join(dir, 'neutral');
    await cp(join(projectDir, 'tests/fixtures/workflow-course'), content, { recursive: true });
    const run = await newCase(content, 'Delta');
    expect(run.code).toBe(0);
    const text = await readFile(join(content, 'cases', 'cas-2-delta.md'), 'utf8');
    for (const item of ['Contexte', 'Besoins', 'Contraintes', 'Attendus']) expect(text).toContain(`* **${item}** :`);
    expect(text).toMatch(/```mermaid\nflowchart TD\n {2}A\["Étape 1"\] --> B\["Étape 2"\]\n```/);
    expect(text).not.toMatch(/Sources|Collecte|Stockage|Consommation|Architecture|KPI/);
    expect((await check(content)).code).toBe(0);
  });

  it('writes an English course’s case in English', async () => {
    const content = join(dir, 'english');
    await cp(join(projectDir, 'tests/fixtures/workflow-course'), content, { recursive: true });
    const yaml = join(content, 'course.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^lang: fr$/m, 'lang: en'));

    const run = await newCase(content, 'Delta', 'Logistics');
    expect(run.code).toBe(0);
    const text = await readFile(join(content, 'cases', 'case-2-delta-logistics.md'), 'utf8');
    expect(frontMatter(text)).toMatchObject({ number: 2, id: 'delta-logistics', sector: 'To be defined', indicators: { pertinence: ['To be defined'], clarte: ['To be defined'] } });
    expect(text).toContain('## Statement');
    expect(text).toContain('* **Needs**: To be defined.');
    expect(text).toContain('## Answer key (reference proposal)');
    expect(text).not.toMatch(/Énoncé|Besoins|À préciser|Sources|Ingestion|Storage/);

    const checked = await check(content);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain('Content is valid: 2 cases');
  });
});
