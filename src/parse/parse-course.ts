import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { Problems, type Problem } from '../errors.js';
import { format, labels, messages } from '../i18n/index.js';
import type { Case, Course, DiagramTemplate, Group } from '../model.js';
import type { DiagramData } from '../validate/schema.js';
import type { ValidCase, ValidCourse } from '../validate/validate-course.js';
import { resolveLocal } from './content-boundary.js';
import { parseMarkdown } from './markdown.js';

export interface ParsedCourse {
  course: Course;
  warnings: Problem[];
}

/** Turns validated metadata and Markdown into the course model. */
export function parseCourse(valid: ValidCourse): ParsedCourse {
  const lang = valid.data.lang;
  const problems = new Problems();
  const warnings: Problem[] = valid.source.warnings.map((w) => ({ place: { file: valid.source.file }, message: w }));
  const diagram = diagramTemplate(valid.data.diagram);
  const cases = valid.cases.map((c) => {
    warnings.push(...c.source.warnings.map((w) => ({ place: { file: c.source.file }, message: w })));
    const parsed = parseCase(valid.dir, c, lang, c.data.diagram === undefined ? diagram : diagramTemplate(c.data.diagram));
    problems.list.push(...parsed.errors);
    warnings.push(...parsed.warnings);
    return parsed.case;
  });
  problems.throwIfAny();
  const d = valid.data;
  const course: Course = {
    file: valid.source.file,
    title: d.title,
    subtitle: d.subtitle,
    lang,
    organisation: d.organisation,
    author: d.author,
    date: d.date,
    groups: groupsOf(d.groups, lang),
    frame: d.frame,
    timing: d.timing,
    deliverables: d.deliverables,
    rubric: d.rubric,
    restitution: d.restitution,
    checklist: d.checklist,
    answerKey: d.answerKey,
    feedback: d.feedback,
    diagram,
    cases: cases.sort((a, b) => a.number - b.number),
  };
  return { course, warnings };
}

function parseCase(dir: string, valid: ValidCase, lang: string, template: DiagramTemplate | null): { case: Case; errors: Problem[]; warnings: Problem[] } {
  const file = valid.source.file;
  const parsed = parseMarkdown(file, valid.body, { lang, resolve: (p) => resolveLocal(dir, file, p) });
  const errors = [...parsed.errors, ...(parsed.complete ? structureErrors(file, parsed.tree, lang) : [])];
  const d = valid.data;
  return {
    case: {
      file,
      number: d.number,
      id: d.id,
      slug: `${labels(lang).files.casePrefix}-${d.number}-${d.id}`,
      organisation: d.organisation,
      sector: d.sector,
      goal: d.goal,
      figures: d.figures,
      tags: d.tags,
      indicators: d.indicators,
      diagram: template,
      tree: parsed.tree,
    },
    errors,
    warnings: parsed.warnings,
  };
}

/** A case needs a statement (content outside trainer-only blocks) and exactly one solution. */
function structureErrors(file: string, tree: Root, lang: string): Problem[] {
  const m = messages(lang);
  const errors: Problem[] = [];
  const solutions = tree.children.filter((n) => n.type === 'containerDirective' && n.name === 'solution');
  const statement = tree.children.filter((n) => !n.data?.trainerOnly && n.type !== 'heading');
  if (statement.length === 0) errors.push({ place: { file }, message: m.noStatement });
  if (solutions.length === 0) errors.push({ place: { file }, message: m.noSolution });
  if (solutions.length > 1) errors.push({ place: { file, line: solutions[1]!.position?.start.line }, message: m.twoSolutions });
  visit(tree, 'containerDirective', (node, _index, parent) => {
    if (node.name === 'solution' && parent && parent.type !== 'root') {
      errors.push({ place: { file, line: node.position?.start.line }, message: m.nestedSolution });
    }
  });
  return errors;
}

/** What course.yaml (or a case) says of the diagram page: nothing gives a neutral framed area. */
function diagramTemplate(data: DiagramData | undefined): DiagramTemplate | null {
  if (data === false) return null;
  const boxes = data?.layers ?? data?.columns ?? [];
  return {
    heading: data?.heading,
    hint: data?.hint,
    direction: data?.layers ? 'layers' : 'columns',
    boxes: boxes.map((b) => ({ label: b.label, width: b.width ?? 1, from: b.from, parts: b.parts ?? [] })),
    arrows: data?.arrows ?? false,
    bands: data?.bands ?? [],
  };
}

function groupsOf(groups: number | (string | { name: string; case?: string; members?: string[] })[], lang: string): Group[] {
  const name = labels(lang).groupName;
  if (typeof groups === 'number') return Array.from({ length: groups }, (_, i) => ({ name: format(name, { n: i + 1 }) }));
  return groups.map((g) => (typeof g === 'string' ? { name: g } : { name: g.name, caseId: g.case, members: g.members }));
}
