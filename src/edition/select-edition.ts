import type { Root, RootContent } from 'mdast';
import type { Course, Edition, EditionName } from '../model.js';

type Parent = { children: RootContent[] };

/**
 * The student tree is a new tree without any trainer-only node: solutions and trainer notes are
 * removed here, before rendering, never hidden by CSS.
 */
export function withoutTrainerOnly(tree: Root): Root {
  return prune(structuredClone(tree), () => true);
}

/** The answer key's tree: the statement and the solution, without trainer notes (blocks or inline words). */
export function withoutTrainerNotes(tree: Root): Root {
  return prune(structuredClone(tree), (kind) => kind !== 'solution');
}

function prune<T extends Parent | Root>(node: T, removed: (kind: string) => boolean): T {
  node.children = node.children.filter((child) => !(child.data?.trainerOnly && removed(child.data.trainerOnly)));
  for (const child of node.children) if ('children' in child) prune(child as Parent, removed);
  return node;
}

export function selectEdition(course: Course, name: EditionName): Edition {
  return {
    name,
    course,
    cases: course.cases.map((c) => ({ case: c, tree: name === 'student' ? withoutTrainerOnly(c.tree) : name === 'answers' ? withoutTrainerNotes(c.tree) : c.tree })),
  };
}
