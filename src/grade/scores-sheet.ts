import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Problem } from '../errors.js';
import { format, grading, labels } from '../i18n/index.js';
import type { Case, Course, SourceText } from '../model.js';
import { groupsOfCase } from '../parse/case-groups.js';
import { inlineText } from '../render/view-model.js';
import type { GradeSheet } from './model.js';
import { parsePoints } from './points.js';

// The scores sheet: one row per group and case, one column per criterion and one for comments,
// as a spreadsheet opens it (UTF-8 with BOM, `;` where the decimal mark is a comma).

/** Spreadsheets of a language whose decimal mark is a comma separate columns with `;`. */
export function csvDelimiter(lang: string): string {
  return new Intl.NumberFormat(labels(lang).locale).format(1.5).includes(',') ? ';' : ',';
}

/** A CSV file as spreadsheets read it: BOM, CRLF. */
export function csvBytes(rows: string[][], lang: string): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${stringify(rows, { delimiter: csvDelimiter(lang), record_delimiter: 'windows' })}`);
}

function header(course: Course): string[] {
  const g = grading(course.lang);
  return [labels(course.lang).group, g.case, ...course.rubric.criteria.map(criterionColumn), g.comment];
}

/** "Containment (/3)". */
function criterionColumn(c: { label: string; points: number }): string {
  return `${inlineText(c.label)} (/${c.points})`;
}

/** The blank sheet written beside the grids, for the trainer to copy into `grades/` and fill. */
export function blankScoresSheet(course: Course): Uint8Array {
  const rows = course.cases.flatMap((c) => groupsOfCase(course, c).map((g) => [g.name, c.slug, ...course.rubric.criteria.map(() => ''), '']));
  return csvBytes([header(course), ...rows], course.lang);
}

/** A filled scores sheet: its rows, or every problem found in it, each with its row and column. */
export function readScoresSheet(source: SourceText, course: Course): { sheets: GradeSheet[]; problems: Problem[] } {
  const lang = course.lang;
  const g = grading(lang);
  const m = g.messages;
  const problems: Problem[] = [];
  const firstLine = source.text.split('\n', 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(source.text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    // An unclosed quote, mostly: csv-parse says where.
    const line = (error as { lines?: number }).lines;
    return { sheets: [], problems: [{ place: { file: source.file, line }, message: format(m.badCsv, { reason: (error as Error).message }) }] };
  }
  const [head, ...rows] = records;
  if (!head) return { sheets: [], problems };
  const names = head.record.map((cell) => normalize(cell));
  const find = (...accepted: string[]) => names.findIndex((n) => accepted.map(normalize).includes(n.replace(/\s*\(\/[\d.,]+\)$/, '')));
  const groupCol = find(labels(lang).group, 'group', 'groupe');
  const caseCol = find(g.case, 'case', 'cas');
  const commentCol = find(g.comment, g.generalComment, 'comment', 'commentaire', 'comments', 'commentaires');
  const criterionCols = course.rubric.criteria.map((c) => find(c.id, inlineText(c.label)));
  const expected = header(course).join(', ');
  const missing = [
    ...(groupCol < 0 ? [labels(lang).group] : []),
    ...(caseCol < 0 ? [g.case] : []),
    ...course.rubric.criteria.filter((_, i) => criterionCols[i]! < 0).map(criterionColumn),
  ];
  for (const column of missing) problems.push({ place: { file: source.file, line: head.info.lines }, message: format(m.missingColumn, { column, expected }) });
  if (missing.length > 0) return { sheets: [], problems };

  const sheets: GradeSheet[] = [];
  for (const { record, info } of rows) {
    const line = info.lines - record.join('').split('\n').length + 1;
    const place = { file: source.file, line };
    const cell = (col: number) => (col >= 0 ? (record[col] ?? '').trim() : '');
    if (record.every((v) => v.trim() === '')) continue;
    // Mostly a comment with the separator in it, unquoted: the end of the row would be lost.
    if (record.slice(head.record.length).some((v) => v.trim() !== '')) {
      problems.push({ place, message: format(m.extraCells, { count: record.length, columns: head.record.length }) });
      continue;
    }
    const found = resolveGroupAndCase(course, cell(groupCol), cell(caseCol), head.record[groupCol]!.trim(), head.record[caseCol]!.trim());
    if ('error' in found) {
      problems.push({ place, message: found.error });
      continue;
    }
    const sheet: GradeSheet = { caseId: found.case.id, group: found.group, criteria: {}, place, commentPlaces: [] };
    course.rubric.criteria.forEach((c, i) => {
      const column = head.record[criterionCols[i]!]!.trim();
      const at = format(m.at, { column });
      const parsed = parsePoints(cell(criterionCols[i]!), { label: inlineText(c.label), points: c.points }, at, lang);
      if (parsed.error) problems.push({ place, message: parsed.error });
      else sheet.criteria[c.id] = { points: parsed.points };
    });
    const comment = cell(commentCol);
    if (comment) {
      sheet.comment = comment;
      sheet.commentPlaces.push({ text: comment, where: format(m.at, { column: head.record[commentCol]!.trim() }) });
    }
    sheets.push(sheet);
  }
  return { sheets, problems };

  function resolveGroupAndCase(course: Course, group: string, caseName: string, groupColumn: string, caseColumn: string): { group: string; case: Case } | { error: string } {
    if (!group) return { error: format(m.missingGroup, { column: groupColumn }) };
    if (!caseName) return { error: format(m.missingCase, { column: caseColumn }) };
    const c = findCase(course, caseName);
    if (!c) return { error: format(m.unknownCase, { case: caseName, known: course.cases.map((k) => k.slug).join(', ') }) };
    const known = course.groups.find((k) => normalize(k.name) === normalize(group));
    if (!known) return { error: format(m.unknownGroup, { group, known: course.groups.map((k) => k.name).join(', ') }) };
    if (!groupsOfCase(course, c).includes(known)) return { error: format(m.groupNotOnCase, { group, case: c.slug }) };
    return { group: known.name, case: c };
  }
}

/** A case as a trainer may name it: its id, its file stem, its number or its short title. */
export function findCase(course: Course, name: string): Case | undefined {
  const n = normalize(name);
  const short = (c: Case) => normalize(format(labels(course.lang).caseShort, { number: c.number, organisation: c.organisation }));
  return course.cases.find((c) => c.id === n || c.slug === n || String(c.number) === n || short(c) === n);
}

function normalize(text: string): string {
  return text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}
