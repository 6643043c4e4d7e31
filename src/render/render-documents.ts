import { selectEdition } from '../edition/select-edition.js';
import { format, labels } from '../i18n/index.js';
import type { Course, Diagram, Document, EditionName } from '../model.js';
import { withContentSecurityPolicy } from './content-security-policy.js';
import { pageCounterCss, type Templates } from './templates.js';
import { caseViewModels, courseViewModel, type CaseViewModel, type CourseViewModel } from './view-model.js';

export interface RenderInput {
  course: Course;
  contentDir: string;
  templates: Templates;
  /** Fonts and print styles, inlined in every page. */
  css: string;
  buildDate: Date;
}

interface TocEntry {
  target: string;
  title: string;
  level: number;
  page: string;
}

/** Every document of the build, as HTML with diagram placeholders. */
export function renderDocuments(input: RenderInput): Document[] {
  const { course } = input;
  const l = labels(course.lang);
  const courseVm = courseViewModel(course, input.buildDate);
  const student = caseViewModels(selectEdition(course, 'student'), input.contentDir);
  const trainer = caseViewModels(selectEdition(course, 'trainer'), input.contentDir);
  const plainTitle = courseVm.titleText;
  const files = l.files;
  const base = (audience: EditionName) => ({
    course: courseVm,
    css: input.css,
    pageCounter: pageCounterCss(l.pageOf),
    runningTitle: plainTitle,
    trainerMark: audience === 'trainer',
    editionLabel: audience === 'trainer' ? l.trainerEdition : l.studentEdition,
  });
  const sections = (cases: CaseViewModel[]) => cases.map((c) => ({ page: c.slug, title: `${plainTitle} — ${c.shortTitle}` }));
  const diagramsOf = (fragments: { diagrams: Diagram[] }[]) => fragments.flatMap((f) => f.diagrams);
  const document = (path: string, audience: EditionName, template: string, context: object, extra: Partial<Document>): Document => ({
    path,
    audience,
    title: `${plainTitle} — ${base(audience).editionLabel}`,
    subject: plainTitle,
    runningTitle: plainTitle,
    trainerMark: audience === 'trainer',
    hasToc: false,
    lang: course.lang,
    diagrams: [],
    ...extra,
    html: render(input.templates, template, { ...base(audience), ...context }),
  });

  const packs = (['student', 'trainer'] as const).map((audience) => {
    const edition = audience === 'student' ? student : trainer;
    const name = audience === 'student' ? files.studentPack : files.trainerPack;
    return document(`${audience}/${name}.pdf`, audience, 'pack', {
      documentTitle: `${plainTitle} — ${base(audience).editionLabel}`,
      bodyClass: `pack ${audience}`,
      hasCover: true,
      cases: edition.cases,
      sections: sections(edition.cases),
      toc: toc(courseVm, edition.cases, audience),
      material: material(courseVm, course),
    }, { hasToc: true, diagrams: diagramsOf(edition.fragments) });
  });

  const perCase = course.cases.flatMap((c, i) => {
    const s = student.cases[i]!;
    const t = trainer.cases[i]!;
    const subject = s.shortTitle;
    const single = (vm: CaseViewModel) => ({ documentTitle: `${vm.shortTitle} — ${plainTitle}`, sections: sections([vm]), case: vm });
    return [
      document(`student/${c.slug}.pdf`, 'student', 'handout', { ...single(s), bodyClass: 'handout student' }, {
        subject,
        diagrams: student.fragments[i]!.diagrams,
      }),
      document(`trainer/${c.slug}.pdf`, 'trainer', 'solution', { ...single(t), bodyClass: 'solution-sheet trainer' }, {
        subject,
        diagrams: trainer.fragments[i]!.diagrams,
      }),
      document(`grids/${c.slug}.pdf`, 'trainer', 'grid', {
        ...single(t),
        bodyClass: 'grids trainer',
        criteria: courseVm.frame.criteria.map((cr, k) => ({ ...cr, indicators: t.indicators[k]?.items ?? [] })),
      }, { subject: `${l.evaluationGrid} — ${subject}` }),
    ];
  });

  const restitution = document(`student/${files.restitution}.pdf`, 'student', 'restitution', {
    documentTitle: `${l.restitutionSheet} — ${plainTitle}`,
    bodyClass: 'restitution-sheets student',
    sections: [],
  }, { subject: l.restitutionSheet });

  return [...packs, ...perCase, restitution];
}

function render(templates: Templates, name: string, context: object): string {
  const template = templates[name];
  if (!template) throw new Error(`Missing template templates/${name}.hbs`);
  return withContentSecurityPolicy(template(context));
}

function toc(course: CourseViewModel, cases: CaseViewModel[], audience: EditionName): TocEntry[] {
  const entry = (target: string, title: string): TocEntry => ({ target, title, level: 1, page: '' });
  return [
    ...(audience === 'trainer' ? [entry('run-sheet', course.labels.runSheet)] : []),
    entry('frame', course.frame.heading),
    ...cases.map((c) => entry(c.slug, c.title)),
    entry('restitution', course.restitution.heading),
    entry('checklist', course.checklist.heading),
  ];
}

function material(course: CourseViewModel, model: Course) {
  const l = course.labels;
  const groups = model.groups.length;
  const perGroup = (n: number) => `${format(l.copiesPerGroup, { n })} (${format(l.copiesTotal, { n: n * groups })})`;
  return [
    { label: l.handout, file: `student/${l.files.casePrefix}-N-….pdf`, copies: perGroup(1) },
    { label: l.studentPack, file: `student/${l.files.studentPack}.pdf`, copies: perGroup(1) },
    { label: l.restitutionSheet, file: `student/${l.files.restitution}.pdf`, copies: perGroup(1) },
    { label: l.gridSheet, file: `grids/${l.files.casePrefix}-N-….pdf`, copies: perGroup(1) },
  ];
}
