import { toString } from 'mdast-util-to-string';
import { format, labels } from '../i18n/index.js';
import type { Case, CaseDiagram, CaseView, Course, Edition } from '../model.js';
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
  timeline: { start: string; minutes: string; label: string }[];
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
  /** The blank diagram page of the student edition; none when the course has none. */
  diagram?: DiagramViewModel;
  html: string;
  /** Trainer editions only. */
  indicators: { label: string; items: string[] }[];
}

export interface DiagramViewModel {
  heading: string;
  headingText: string;
  hint?: string;
  direction: 'columns' | 'layers';
  arrows: boolean;
  /** `grid-template-columns` or `-rows` of the boxes, from their widths. */
  tracks: string;
  boxes: { label: string; items: string[]; parts: string[] }[];
  bands: string[];
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
    date: course.date !== undefined ? coverDate(course.date, l.locale) : longDate(buildDate, l.locale),
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
    markdownToHtml(view.tree, { lang: edition.course.lang, file: view.case.file, contentDir, idPrefix: `${view.case.slug}-` }),
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
    diagram: view.diagram ? diagramViewModel(view.diagram, course.lang) : undefined,
    html,
    indicators:
      edition.name === 'trainer'
        ? course.rubric.criteria.map((cr) => ({ label: md(cr.label), items: (c.indicators[cr.id] ?? []).map(md) }))
        : [],
  };
}

function diagramViewModel(d: CaseDiagram, lang: string): DiagramViewModel {
  const l = labels(lang);
  const md = (text: string) => inlineHtml(text, lang);
  // Headings and short labels keep whole words: no soft hyphen in them, nor in the PDF's text.
  const label = (text: string) => md(text).replaceAll('\u00AD', '');
  return {
    heading: label(d.heading ?? l.diagramTemplate),
    headingText: inlineText(d.heading ?? l.diagramTemplate),
    // A page with boxes explains itself; a bare drawing area says what it is for.
    hint: d.hint !== undefined ? label(d.hint) : d.boxes.length === 0 ? label(l.diagramTemplateHint) : undefined,
    direction: d.direction,
    arrows: d.arrows,
    tracks: d.boxes.map((b) => `minmax(0, ${b.width}fr)`).join(' '),
    boxes: d.boxes.map((b, i) => ({ label: label(b.label), items: d.items[i]!.map(md), parts: b.parts.map(label) })),
    bands: d.bands.map(label),
  };
}

/**
 * `date:` of course.yaml as the cover prints it: an ISO date ("2026-12-04", how YAML writes one) as
 * the course's language writes it ("4 décembre 2026"), any other text as it is ("jeudi, 14 h").
 */
export function coverDate(date: string, locale: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : undefined;
  return iso && !Number.isNaN(iso.getTime()) ? longDate(iso, locale) : date;
}

function longDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function inlineText(markdown: string): string {
  return toString(parseInline(markdown));
}

/** "Case 2 — Retail **Contoso**: a phishing campaign", in Markdown. */
export function caseTitle(c: Case, lang: string): string {
  return format(labels(lang).caseTitle, { number: c.number, sector: c.sector, organisation: `**${c.organisation}**`, goal: c.goal });
}

/** "**Durée** : 1h30 (45’ travail en groupe + 30’ restitution + 15’ feedback)", in Markdown. */
export function durationLine(course: Course): string {
  const l = labels(course.lang);
  return format(l.durationLine, {
    label: course.timing.label,
    duration: formatDuration(course.timing.total, course.lang),
    segments: course.timing.segments.map((s) => format(l.segment, { minutes: s.minutes, label: s.label })).join(' + '),
  });
}

/** 90 → "1h30" in French, "1 h 30 min" in English; 45 → "45 min". */
export function formatDuration(minutes: number, lang: string): string {
  const l = labels(lang);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return format(l.durationMinutes, { m });
  return m === 0 ? format(l.durationHours, { h }) : format(l.durationHoursMinutes, { h, m, mm: String(m).padStart(2, '0') });
}

function timeline(course: Course): CourseViewModel['timeline'] {
  const l = labels(course.lang);
  let elapsed = 0;
  return course.timing.segments.map((s) => {
    const start = elapsed;
    elapsed += s.minutes;
    return { start: format(l.minutesShort, { n: start }), minutes: format(l.minutesShort, { n: s.minutes }), label: s.label };
  });
}
