import { PDFDocument, PDFName, PDFRef, PDFTextField, PDFArray } from 'pdf-lib';
import type { Problem } from '../errors.js';
import { format, grading } from '../i18n/index.js';
import type { Course } from '../model.js';
import { groupKey, groupsOfCase } from '../parse/case-groups.js';
import { inlineText } from '../render/view-model.js';
import { parseGridFieldName } from '../forms/field-names.js';
import type { GradeSheet } from './model.js';
import { parsePoints } from './points.js';

/** A grid PDF filled on a tablet: one sheet per group found in its fields, or the problems, each at its page and field. */
export async function readGridPdf(file: string, bytes: Uint8Array, course: Course): Promise<{ sheets: GradeSheet[]; problems: Problem[] }> {
  const m = grading(course.lang).messages;
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    return { sheets: [], problems: [{ place: { file }, message: format(m.unreadablePdf, { reason: (error as Error).message }) }] };
  }
  const pageOf = widgetPages(pdf);
  const fields = pdf.getForm().getFields().filter((f): f is PDFTextField => f instanceof PDFTextField);
  const problems: Problem[] = [];
  const sheets = new Map<string, GradeSheet>();
  for (const field of fields) {
    const name = field.getName();
    const parsed = parseGridFieldName(name);
    if (!parsed) continue;
    const page = field.acroField.getWidgets().map((w) => pageOf.get(w.dict)).find((p) => p !== undefined) ?? 1;
    const at = format(m.atField, { page, field: name });
    const fail = (message: string) => problems.push({ place: { file }, message: `${at} — ${message}` });
    const c = course.cases.find((k) => k.id === parsed.caseId);
    if (!c) {
      fail(format(m.unknownCase, { case: parsed.caseId, known: course.cases.map((k) => k.id).join(', ') }));
      continue;
    }
    const text = (field.getText() ?? '').trim();
    const group = course.groups.find((g) => groupKey(g) === parsed.group);
    if (!group) {
      fail(format(m.unknownGroup, { group: parsed.group, known: course.groups.map(groupKey).join(', ') }));
      continue;
    }
    // A sheet printed for a group that works on another case is fine as long as it stays blank.
    if (!groupsOfCase(course, c).includes(group)) {
      if (text && parsed.kind !== 'total') fail(format(m.groupNotOnCase, { group: group.name, case: c.slug }));
      continue;
    }
    const key = `${c.id}\0${group.name}`;
    const sheet = sheets.get(key) ?? { caseId: c.id, group: group.name, criteria: {}, place: { file }, commentPlaces: [] };
    sheets.set(key, sheet);
    if (parsed.kind === 'points' || parsed.kind === 'comment') {
      const criterion = course.rubric.criteria.find((k) => k.id === parsed.criterion);
      if (!criterion) {
        fail(format(m.unknownField, { field: name }));
        continue;
      }
      const entry = (sheet.criteria[criterion.id] ??= {});
      if (parsed.kind === 'comment') {
        if (text) {
          entry.comment = text;
          sheet.commentPlaces.push({ text, where: at });
        }
      } else {
        const points = parsePoints(text, { label: inlineText(criterion.label), points: criterion.points }, at, course.lang);
        if (points.error) problems.push({ place: { file }, message: points.error });
        else entry.points = points.points;
      }
    } else if (parsed.kind === 'evaluator' || parsed.kind === 'date') {
      if (text) sheet[parsed.kind] = text;
    }
    // The total is the reader's sum: casebook adds the points itself.
  }
  if (fields.every((f) => !parseGridFieldName(f.getName()))) problems.push({ place: { file }, message: m.noFields });
  return { sheets: [...sheets.values()], problems };
}

/** The page number of each widget annotation. */
function widgetPages(pdf: PDFDocument): Map<unknown, number> {
  const pages = new Map<unknown, number>();
  pdf.getPages().forEach((page, i) => {
    for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      pages.set(ref instanceof PDFRef ? pdf.context.lookup(ref) : ref, i + 1);
    }
  });
  return pages;
}
