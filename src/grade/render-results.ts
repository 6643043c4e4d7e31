import { format, grading, labels } from '../i18n/index.js';
import type { Course, Diagram, Document } from '../model.js';
import { groupKey } from '../parse/case-groups.js';
import { diagramId, diagramPlaceholder } from '../render/remark-print-markup.js';
import { render } from '../render/render-documents.js';
import { pageCounterCss, type Templates } from '../render/templates.js';
import { caseTitle, courseViewModel, inlineText } from '../render/view-model.js';
import { inlineHtml } from '../render/markdown-to-html.js';
import type { GroupResult } from './model.js';
import { formatPoints } from './points.js';
import { criterionStats } from './results.js';
import { csvBytes } from './scores-sheet.js';

export interface ResultsInput {
  course: Course;
  results: GroupResult[];
  templates: Templates;
  css: string;
  date: Date;
}

/** The feedback sheet of every group and case (for the groups), and the class summary (for the trainer). */
export function renderResults(input: ResultsInput): { feedback: Document[]; summary: Document } {
  const { course, results } = input;
  const l = labels(course.lang);
  const g = grading(course.lang);
  const vm = courseViewModel(course, input.date);
  const md = (text: string) => inlineHtml(text, course.lang);
  const points = (p: number | undefined) => (p === undefined ? g.notGraded : formatPoints(p, l.locale));
  const document = (path: string, audience: Document['audience'], template: string, title: string, context: object, diagrams: Diagram[] = []): Document => ({
    path,
    audience,
    title: `${title} — ${vm.titleText}`,
    subject: title,
    runningTitle: vm.titleText,
    // The trainer mark says "answer key": the class summary is the trainer's, but no answer key.
    trainerMark: false,
    hasToc: false,
    lang: course.lang,
    diagrams,
    html: render(input.templates, template, {
      course: vm,
      g,
      css: input.css,
      pageCounter: pageCounterCss(l.pageOf),
      runningTitle: vm.titleText,
      trainerMark: false,
      sections: [],
      documentTitle: `${title} — ${vm.titleText}`,
      ...context,
    }),
  });

  const feedback = results.map((r) => {
    const short = format(l.caseShort, { number: r.case.number, organisation: r.case.organisation });
    return document(feedbackPath(course, r), 'student', 'feedback', `${g.feedback} — ${short} — ${r.group.name}`, {
      bodyClass: 'feedback-sheets',
      feedback: {
        caseTitle: md(caseTitle(r.case, course.lang)),
        group: r.group.name,
        date: r.date,
        evaluator: r.evaluator,
        incomplete: r.missing.length > 0,
        rows: r.criteria.map((c) => ({
          label: md(c.criterion.label),
          description: c.criterion.description && md(c.criterion.description),
          points: format(g.outOf, { points: points(c.points), max: c.criterion.points }),
          comment: c.comment,
          // Indicators are trainer-only unless the course chooses to show them to the groups.
          indicators: course.feedback.indicators ? (r.case.indicators[c.criterion.id] ?? []).map(md) : [],
        })),
        total: format(g.outOf, { points: points(r.total), max: course.rubric.total }),
        comment: r.comment,
      },
    });
  });

  const charts = course.rubric.criteria.map((c, i) => barChart(course, results, i, format(g.chartTitle, { criterion: inlineText(c.label), max: c.points })));
  const stats = course.rubric.criteria.map((_, i) => criterionStats(results, i));
  const totals = criterionStats(results.map((r) => ({ ...r, criteria: [{ criterion: r.criteria[0]!.criterion, points: r.total }] })), 0);
  const range = (s: { min?: number; max?: number }) => (s.min === undefined ? g.notGraded : `${points(s.min)} – ${points(s.max)}`);
  const mean = (s: { mean?: number }) => (s.mean === undefined ? g.notGraded : formatPoints(Math.round(s.mean * 100) / 100, l.locale));
  const summary = document(`results/${g.files.summary}.pdf`, 'trainer', 'class-summary', g.classSummary, {
    bodyClass: 'class-summary trainer',
    summary: {
      line: format(g.groupsGraded, { n: results.length, incomplete: results.filter((r) => r.missing.length > 0).length }, course.lang),
      criteria: course.rubric.criteria.map((c) => ({ label: md(c.label), points: c.points })),
      rubricTotal: course.rubric.total,
      rows: results.map((r) => ({
        group: r.group.name,
        caseTitle: format(l.caseShort, { number: r.case.number, organisation: r.case.organisation }),
        cells: r.criteria.map((c) => points(c.points)),
        total: points(r.total),
        incomplete: r.missing.length > 0,
      })),
      mean: [...stats, totals].map(mean),
      range: [...stats, totals].map(range),
      charts: charts.map((d) => diagramPlaceholder(d.id)),
    },
  }, charts);
  return { feedback, summary };
}

/** `results/feedback-case-1-phishing-owls.pdf`. */
export function feedbackPath(course: Course, r: Pick<GroupResult, 'case' | 'group'>): string {
  return `results/${grading(course.lang).files.feedback}-${r.case.slug}-${groupKey(r.group)}.pdf`;
}

/** A bar per group graded, drawn by Mermaid like every diagram of the course. */
function barChart(course: Course, results: GroupResult[], index: number, title: string): Diagram {
  const names = results.map((r) => r.group.name);
  const unique = new Set(names).size === names.length;
  const label = (r: GroupResult) => (unique ? r.group.name : `${r.group.name} (${r.case.number})`);
  const quoted = (text: string) => `"${text.replace(/"/g, "'")}"`;
  const source = [
    'xychart-beta',
    `  title ${quoted(title)}`,
    `  x-axis [${results.map((r) => quoted(label(r))).join(', ')}]`,
    `  y-axis 0 --> ${course.rubric.criteria[index]!.points}`,
    `  bar [${results.map((r) => r.criteria[index]!.points ?? 0).join(', ')}]`,
  ].join('\n');
  return { id: diagramId(source), source, place: { file: course.file } };
}

/**
 * The results for the school: group, case, each criterion, total, status; one row per member
 * when the course lists the groups' members (a learning platform imports grades per learner).
 */
export function resultsCsv(course: Course, results: GroupResult[]): Uint8Array {
  const l = labels(course.lang);
  const g = grading(course.lang);
  const withMembers = course.groups.some((group) => group.members?.length);
  const header = [
    ...(withMembers ? [g.member] : []),
    l.group,
    g.case,
    ...course.rubric.criteria.map((c) => `${inlineText(c.label)} (/${c.points})`),
    `${l.total} (/${course.rubric.total})`,
    g.status,
  ];
  const row = (r: GroupResult) => [
    r.group.name,
    r.case.slug,
    ...r.criteria.map((c) => (c.points === undefined ? '' : formatPoints(c.points, l.locale))),
    formatPoints(r.total, l.locale),
    r.missing.length > 0 ? g.incomplete : g.complete,
  ];
  const rows = results.flatMap((r) => (withMembers ? (r.group.members?.length ? r.group.members : ['']).map((m) => [m, ...row(r)]) : [row(r)]));
  return csvBytes([header, ...rows], course.lang);
}
