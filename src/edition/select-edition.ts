import type { Nodes, Root, RootContent } from 'mdast';
import { ContentError, type Problem } from '../errors.js';
import type { Case, CaseView, Course, Edition, EditionName } from '../model.js';
import { diagramPage, emptyBoxWarnings } from './diagram-page.js';
import { brokenHeadingLinks } from './link-targets.js';

type Parent = { children: RootContent[] };

/**
 * The student tree is a new tree without any trainer-only node: solutions, trainer notes and the
 * footnotes only they refer to are removed here, before rendering, never hidden by CSS. The
 * footnotes left are numbered 1, 2, 3… in reading order, in every output.
 */
export function withoutTrainerOnly(tree: Root): Root {
  return renumberFootnotes(prune(structuredClone(tree), () => true));
}

/** The answer key's tree: the statement and the solution, without trainer notes (blocks or inline words). */
export function withoutTrainerNotes(tree: Root): Root {
  return renumberFootnotes(prune(structuredClone(tree), (kind) => kind !== 'solution'));
}

function prune<T extends Parent | Root>(node: T, removed: (kind: string) => boolean): T {
  node.children = node.children.filter((child) => !(child.data?.trainerOnly && removed(child.data.trainerOnly)));
  for (const child of node.children) {
    if ('children' in child) prune(child as Parent, removed);
    if (child.type === 'image' && child.data?.studentAlt !== undefined) child.alt = child.data.studentAlt;
    // "Recovery :trainer[…]" is "Recovery" for a student, id and bookmark included.
    if (child.type === 'heading') {
      const [first, last] = [child.children[0], child.children.at(-1)];
      if (first?.type === 'text') first.value = first.value.trimStart();
      if (last?.type === 'text') last.value = last.value.trimEnd();
    }
  }
  return node;
}

/**
 * Labels become numbers by first reference (the trainer's labels may say what a solution says);
 * a definition no one refers to any more goes.
 */
function renumberFootnotes(tree: Root): Root {
  const numbers = new Map<string, string>();
  const definitions = new Map<string, Nodes>();
  collectDefinitions(tree, definitions);
  const number = (node: Nodes): void => {
    if (node.type === 'footnoteReference' && !numbers.has(node.identifier)) {
      numbers.set(node.identifier, String(numbers.size + 1));
      const definition = definitions.get(node.identifier);
      if (definition && 'children' in definition) definition.children.forEach(number);
    }
    if (node.type !== 'footnoteDefinition' && 'children' in node) node.children.forEach(number);
  };
  number(tree);
  relabel(tree, numbers);
  return tree;
}

function collectDefinitions(node: Nodes, into: Map<string, Nodes>): void {
  if (node.type === 'footnoteDefinition' && !into.has(node.identifier)) into.set(node.identifier, node);
  else if ('children' in node) node.children.forEach((child) => collectDefinitions(child, into));
}

function relabel(node: Parent | Root, numbers: Map<string, string>): void {
  node.children = node.children.filter((child) => child.type !== 'footnoteDefinition' || numbers.has(child.identifier));
  for (const child of node.children) {
    if (child.type === 'footnoteDefinition' || child.type === 'footnoteReference') child.label = child.identifier = numbers.get(child.identifier)!;
    if ('children' in child) relabel(child as Parent, numbers);
  }
}

export function selectEdition(course: Course, name: EditionName): Edition {
  return { name, course, cases: course.cases.map((c) => caseView(c, name)) };
}

/** A case as an edition shows it; only the student edition has a diagram page to fill. */
function caseView(c: Case, name: EditionName): CaseView {
  if (name === 'trainer') return { case: c, tree: c.tree, diagram: null };
  if (name === 'answers') return { case: c, tree: withoutTrainerNotes(c.tree), diagram: null };
  const tree = withoutTrainerOnly(c.tree);
  return { case: c, tree, diagram: diagramPage(c, tree) };
}

/** Both editions of the course: the one place where the student edition is made. */
export type Editions = Record<EditionName, Edition>;

export interface SelectedEditions {
  editions: Editions;
  warnings: Problem[];
}

/**
 * The edition stage: every edition of the course, and what only an edition can tell — where its
 * links to headings lead, what the student's diagram boxes start from. A link to no heading of its
 * edition is an error, before anything is rendered.
 */
export function selectEditions(course: Course): SelectedEditions {
  const editions = { student: selectEdition(course, 'student'), trainer: selectEdition(course, 'trainer'), answers: selectEdition(course, 'answers') };
  const broken = editions.student.cases.flatMap((view) => brokenHeadingLinks(view, course.lang));
  if (broken.length > 0) throw new ContentError(broken);
  return { editions, warnings: editions.student.cases.flatMap((view) => emptyBoxWarnings(view, course.lang)) };
}
