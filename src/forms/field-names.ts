import type { Case, Criterion, Group } from '../model.js';
import { groupKey } from '../parse/case-groups.js';

// The names of a grid's form fields, stable from one build to the next (documented in the README):
//   <case id>.<group>.<criterion id>.points    points given, 0 to the criterion's points
//   <case id>.<group>.<criterion id>.comment   comment on the criterion
//   <case id>.<group>.evaluator | .date         who graded, and when
//   <case id>.<group>.total                     sum of the points, computed by the reader
// where <group> is the group's name as a slug ("Les Castors" → les-castors).

export type GridField =
  | { kind: 'points' | 'comment'; caseId: string; group: string; criterion: string }
  | { kind: 'evaluator' | 'date' | 'total'; caseId: string; group: string };

export function gridFieldName(c: Pick<Case, 'id'>, group: Pick<Group, 'name'>, field: 'points' | 'comment', criterion: Pick<Criterion, 'id'>): string;
export function gridFieldName(c: Pick<Case, 'id'>, group: Pick<Group, 'name'>, field: 'evaluator' | 'date' | 'total'): string;
export function gridFieldName(c: Pick<Case, 'id'>, group: Pick<Group, 'name'>, field: GridField['kind'], criterion?: Pick<Criterion, 'id'>): string {
  return [c.id, groupKey(group), ...(criterion ? [criterion.id] : []), field].join('.');
}

/** A field name read back, or undefined when it is not one of casebook's. */
export function parseGridFieldName(name: string): GridField | undefined {
  const parts = name.split('.');
  // A sheet printed without a group (a case no group takes) has no fields.
  if (parts.some((p) => p === '')) return undefined;
  if (parts.length === 4 && (parts[3] === 'points' || parts[3] === 'comment')) {
    return { kind: parts[3], caseId: parts[0]!, group: parts[1]!, criterion: parts[2]! };
  }
  if (parts.length === 3 && (parts[2] === 'evaluator' || parts[2] === 'date' || parts[2] === 'total')) {
    return { kind: parts[2], caseId: parts[0]!, group: parts[1]! };
  }
  return undefined;
}

/** Field links: the grid marks each field's place with a link to this address, which the build replaces with the field. */
export const fieldScheme = 'casebook-field:';

export function gridFieldHref(caseId: string, groupName: string, field: string, criterion?: string): string {
  return `${fieldScheme}${[caseId, groupKey({ name: groupName }), ...(criterion ? [criterion] : []), field].join('.')}`;
}
