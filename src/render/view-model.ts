import { toString } from 'mdast-util-to-string';
import { format, labels } from '../i18n/index.js';
import type { Case, CaseView, Course, Edition } from '../model.js';
import { parseInline } from '../parse/markdown.js';
import { inlineHtml, markdownToHtml, type HtmlFragment } from './markdown-to-html.js';

// What the Handlebars templates receive: content already rendered to safe HTML, labels as text.

export interface CourseViewModel {
  lang: string;
  labels: ReturnType<typeof labels>;
  title: string;
  /** The title without markup, for running headers and PDF metadata. */
  titleText: string;
  subtitle?: string;
  organisation?: string;
  author?: string;
  date: string;
  frame: {
    heading: string;
    durationLine: string;
    deliverablesLabel: string;
    deliverables: string[];
    rubricHeading: string;
    criteria: CriterionViewModel[];
    rubricTotal: number;
  };
  restitution: { heading: string; steps: { title: string; detail?: string }[]; minutesPerGroup?: number };
  checklist: { heading: string; items: string[] };
  timeline: { start: string; minutes: number; label: string }[];
  groups: { name: string; caseTitle?: string }[];
}

export interface CriterionViewModel {
  id: string;
  label: string;
  line: string;
  points: number;
  description?: string;
}

export interface CaseViewModel {
  number: number;
  id: string;
  slug: string;
  title: string;
  titleText: string;
  shortTitle: string;
  organisation: string;
  sector: string;
  goal: string;
  figures: { label: string; value: string }[];
  tags: string[];
  sources: string[];
  html: string;
  /** Trainer editions only. */
  indicators: { label: string; items: string[] }[];
}

export function courseViewModel(course: Course, buildDate: Date): CourseViewModel {
  const l = labels(course.lang);
  const md = (text: string) => inlineHtml(text, course.lang);
  const restitutionSegment = course.timing.segments.find((s) => s.id === 'restitution');
  return {
    lang: course.lang,
    labels: l,
    title: md(course.title),
    titleText: inlineText(course.title),
    subtitle: course.subtitle && md(course.subtitle),
    organisation: course.organisation && md(course.organisation),
    author: course.author && md(course.author),
    date: course.date ?? new Intl.DateTimeFormat(l.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(buildDate),
    frame: {
      heading: md(course.frame.heading),
      durationLine: md(durationLine(course)),
      deliverablesLabel: md(format(l.listLabel, { label: course.deliverables.label })),
      deliverables: course.deliverables.items.map(md),
      rubricHeading: md(format(l.listLabel, { label: format(l.rubricHeading, { label: course.rubric.label, total: course.rubric.total }) }).replace(/\s*:$/, '')),
      criteria: course.rubric.criteria.map((c) => ({
        id: c.id,
        label: md(c.label),
        line: md(format(l.criterionLine, { label: c.label, points: c.points })),
        points: c.points,
        description: c.description && md(c.description),
      })),
      rubricTotal: course.rubric.total,
    },
    restitution: {
      heading: md(course.restitution.heading),
      steps: course.restitution.steps.map((s) => ({ title: md(s.title), detail: s.detail && md(s.detail) })),
      minutesPerGroup: restitutionSegment && Math.floor(restitutionSegment.minutes / Math.max(1, course.groups.length)),
    },
    checklist: { heading: md(course.checklist.heading), items: course.checklist.items.map(md) },
    timeline: timeline(course),
    groups: course.groups.map((g) => {
      const assigned = course.cases.find((c) => c.id === g.caseId);
      return { name: g.name, caseTitle: assigned && format(l.caseShort, { number: assigned.number, organisation: assigned.organisation }) };
    }),
  };
}

export function caseViewModels(edition: Edition, contentDir: string): { cases: CaseViewModel[]; fragments: HtmlFragment[] } {
  const fragments = edition.cases.map((view) =>
    markdownToHtml(view.tree, { lang: edition.course.lang, file: view.case.file, contentDir, idPrefix: view.case.slug }),
  );
  const cases = edition.cases.map((view, i) => caseViewModel(view, edition, fragments[i]!.html));
  return { cases, fragments };
}

function caseViewModel(view: CaseView, edition: Edition, html: string): CaseViewModel {
  const { course } = edition;
  const c = view.case;
  const l = labels(course.lang);
  const md = (text: string) => inlineHtml(text, course.lang);
  return {
    number: c.number,
    id: c.id,
    slug: c.slug,
    title: md(caseTitle(c, course.lang)),
    titleText: inlineText(caseTitle(c, course.lang)),
    shortTitle: format(l.caseShort, { number: c.number, organisation: c.organisation }),
    organisation: c.organisation,
    sector: c.sector,
    goal: md(c.goal),
    figures: c.figures.map((f) => ({ label: md(f.label), value: md(f.value) })),
    tags: c.tags,
    sources: c.sources.map(md),
    html,
    indicators:
      edition.name === 'trainer'
        ? course.rubric.criteria.map((cr) => ({ label: md(cr.label), items: (c.indicators[cr.id] ?? []).map(md) }))
        : [],
  };
}

export function inlineText(markdown: string): string {
  return toString(parseInline(markdown));
}

/** "Cas 1 — Banque **FinTrust** : détection de fraude < 2 s", in Markdown. */
export function caseTitle(c: Case, lang: string): string {
  return format(labels(lang).caseTitle, { number: c.number, sector: c.sector, organisation: `**${c.organisation}**`, goal: c.goal });
}

/** "**Durée** : 1h30 (45’ travail en groupe + 30’ restitution + 15’ feedback)", in Markdown. */
export function durationLine(course: Course): string {
  const l = labels(course.lang);
  return format(l.durationLine, {
    label: course.timing.label,
    duration: formatDuration(course.timing.total),
    segments: course.timing.segments.map((s) => format(l.segment, { minutes: s.minutes, label: s.label })).join(' + '),
  });
}

/** 90 → "1h30", 45 → "45 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h}h` : `${h}h${String(m).padStart(2, '0')}`;
}

function timeline(course: Course): CourseViewModel['timeline'] {
  let elapsed = 0;
  return course.timing.segments.map((s) => {
    const start = elapsed;
    elapsed += s.minutes;
    return { start: start === 0 ? '0’' : `${start}’`, minutes: s.minutes, label: s.label };
  });
}
