import { formatPlace, Problems, type Problem } from '../errors.js';
import { format, grading } from '../i18n/index.js';
import type { Course } from '../model.js';
import { groupsOfCase } from '../parse/case-groups.js';
import { inlineText } from '../render/view-model.js';
import type { GradeSheet, GroupResult } from './model.js';

/**
 * The results of the sheets read: one per group and case graded, its total the sum of its
 * criteria. A group graded twice for a case is an error; a sheet with criteria left blank is a
 * warning, and its result is incomplete.
 */
export function computeResults(course: Course, sheets: GradeSheet[]): { results: GroupResult[]; warnings: Problem[] } {
  const m = grading(course.lang).messages;
  const problems = new Problems();
  const warnings: Problem[] = [];
  const results: GroupResult[] = [];
  const ungraded: string[] = [];
  for (const c of course.cases) {
    for (const group of groupsOfCase(course, c)) {
      // A blank row (the sheet copied as it is) grades nothing.
      const filled = sheets.filter((s) => s.caseId === c.id && s.group === group.name && !isBlank(s));
      const [sheet, ...again] = filled;
      for (const other of again) problems.add(other.place, format(m.duplicate, { group: group.name, case: c.slug, other: formatPlace(sheet!.place) }));
      if (!sheet) {
        // A group the course assigns to no case is graded on one of them, whichever.
        if (group.caseId !== undefined) ungraded.push(`${group.name} (${c.slug})`);
        continue;
      }
      const criteria = course.rubric.criteria.map((criterion) => ({ criterion, ...sheet.criteria[criterion.id] }));
      const missing = criteria.filter((r) => r.points === undefined).map((r) => r.criterion);
      if (missing.length > 0) {
        warnings.push({ place: sheet.place, message: format(m.incomplete, { group: group.name, case: c.slug, missing: missing.map((k) => inlineText(k.label)).join(', ') }) });
      }
      results.push({
        case: c,
        group,
        criteria,
        comment: sheet.comment,
        evaluator: sheet.evaluator,
        date: sheet.date,
        total: criteria.reduce((sum, r) => sum + (r.points ?? 0), 0),
        missing,
        place: sheet.place,
      });
    }
  }
  problems.throwIfAny();
  for (const group of course.groups) if (group.caseId === undefined && !results.some((r) => r.group === group)) ungraded.push(group.name);
  if (results.length > 0 && ungraded.length > 0) warnings.push({ place: { file: course.file }, message: format(m.notGraded, { pairs: ungraded.join(', ') }) });
  return { results, warnings };
}

function isBlank(sheet: GradeSheet): boolean {
  return !sheet.comment && !sheet.evaluator && Object.values(sheet.criteria).every((c) => c.points === undefined && !c.comment);
}

/** Mean, lowest and highest points of a criterion over the results that have them. */
export function criterionStats(results: GroupResult[], index: number): { mean?: number; min?: number; max?: number } {
  const points = results.map((r) => r.criteria[index]!.points).filter((p): p is number => p !== undefined);
  if (points.length === 0) return {};
  return { mean: points.reduce((a, b) => a + b, 0) / points.length, min: Math.min(...points), max: Math.max(...points) };
}
