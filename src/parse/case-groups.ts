import { slug } from 'github-slugger';
import type { Case, Course, Group } from '../model.js';

/**
 * The groups that work on a case: those the course assigns to it, and those it assigns to no
 * case (every case's grid has a sheet for them).
 */
export function groupsOfCase(course: Pick<Course, 'groups'>, c: Pick<Case, 'id'>): Group[] {
  return course.groups.filter((g) => g.caseId === undefined || g.caseId === c.id);
}

/** A group's key in grid field names and file names: its name as a slug ("Les Castors" → `les-castors`). */
export function groupKey(group: Pick<Group, 'name'>): string {
  return slug(group.name);
}
