import type { Root, RootContent } from 'mdast';
import type { Course, Edition, EditionName } from '../model.js';

type Parent = { children: RootContent[] };

/**
 * The student tree is a new tree without any trainer-only node: solutions and trainer notes are
 * removed here, before rendering, never hidden by CSS.
 */
export function withoutTrainerOnly(tree: Root): Root {
  return prune(structuredClone(tree));
}

function prune<T extends Parent | Root>(node: T): T {
  node.children = node.children.filter((child) => !child.data?.trainerOnly);
  for (const child of node.children) if ('children' in child) prune(child as Parent);
  return node;
}

export function selectEdition(course: Course, name: EditionName): Edition {
  return {
    name,
    course,
    cases: course.cases.map((c) => ({ case: c, tree: name === 'student' ? withoutTrainerOnly(c.tree) : c.tree })),
  };
}

/** Both editions of the course: the one place where the student edition is made. */
export type Editions = Record<EditionName, Edition>;

export function selectEditions(course: Course): Editions {
  return { student: selectEdition(course, 'student'), trainer: selectEdition(course, 'trainer') };
}
