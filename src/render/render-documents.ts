import type { Editions } from '../edition/select-edition.js';
import { format, grading, labels } from '../i18n/index.js';
import type { Case, Course, Diagram, Document, EditionName } from '../model.js';
import { withContentSecurityPolicy } from './content-security-policy.js';
import { pageCounterCss, type Templates } from './templates.js';
import { caseViewModels, courseViewModel, type CaseViewModel, type CourseViewModel } from './view-model.js';

export interface RenderInput {
  course: Course;
  editions: Editions;
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
  const student = caseViewModels(input.editions.student, input.contentDir);
  const trainer = caseViewModels(input.editions.trainer, input.contentDir);
  const plainTitle = courseVm.titleText;
  const files = l.files;
  const base = (audience: EditionName) => ({
    course: courseVm,
    css: input.css,
    pageCounter: pageCounterCss(l.pageOf),
    runningTitle: plainTitle,
    trainerMark: audience === 'trainer',
    // The student editions have room to answer and a diagram template to fill.
    worksheet: audience === 'student',
    editionLabel: editionLabel(course.lang, audience),
  });
  const sections = (cases: CaseViewModel[]) => cases.map((c) => ({ page: c.slug, title: `${plainTitle} — ${c.shortTitle}` }));
  const diagramsOf = (fragments: { diagrams: Diagram[] }[]) => fragments.flatMap((f) => f.diagrams);
  const document = (path: string, audience: EditionName, template: string, context: object, extra: Partial<Document>): Document => {
    const html = render(input.templates, template, { ...base(audience), ...context });
    return {
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
      html,
    };
  };

  const packs = (['student', 'trainer'] as const).map((audience) => {
    const edition = audience === 'student' ? student : trainer;
    const name = audience === 'student' ? files.studentPack : files.trainerPack;
    const entries = toc(courseVm, edition.cases, audience);
    return document(`${audience}/${name}.pdf`, audience, 'pack', {
      documentTitle: `${plainTitle} — ${base(audience).editionLabel}`,
      bodyClass: `pack ${audience}`,
      hasCover: true,
      cases: edition.cases,
      sections: sections(edition.cases),
      toc: entries,
      material: material(courseVm, course),
    }, { hasToc: true, contents: entries.map((e) => e.target), diagrams: diagramsOf(edition.fragments) });
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
        groups: gridGroups(courseVm, course, c.id),
        criteria: courseVm.frame.criteria.map((cr, k) => ({ ...cr, indicators: t.indicators[k]?.items ?? [] })),
      }, { subject: `${l.evaluationGrid} — ${subject}`, form: true }),
    ];
  });

  const restitution = document(`student/${files.restitution}.pdf`, 'student', 'restitution', {
    documentTitle: `${l.restitutionSheet} — ${plainTitle}`,
    bodyClass: 'restitution-sheets student',
    sections: [],
  }, { subject: l.restitutionSheet });

  // The answer key, sent after the workshop: statements and solutions, without trainer notes.
  const answerKey = course.answerKey ? caseViewModels(input.editions.answers, input.contentDir) : undefined;
  const answers = (answerKey?.cases ?? []).map((a, i) =>
    document(`answer-key/${a.slug}.pdf`, 'answers', 'solution', {
      documentTitle: `${a.shortTitle} — ${grading(course.lang).answerKey}`,
      sections: sections([a]),
      case: a,
      bodyClass: 'answer-key',
    }, { subject: `${grading(course.lang).answerKey} — ${a.shortTitle}`, diagrams: answerKey!.fragments[i]!.diagrams }),
  );

  return [...packs, ...perCase, restitution, ...answers];
}

export function editionLabel(lang: string, audience: EditionName): string {
  const l = labels(lang);
  return audience === 'trainer' ? l.trainerEdition : audience === 'answers' ? grading(lang).answerKey : l.studentEdition;
}

export function render(templates: Templates, name: string, context: object): string {
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

/**
 * The groups a case's grid has a sheet for: those that take it and those with no case yet. A case
 * no group takes still gets one sheet, its group left blank.
 */
function gridGroups(course: CourseViewModel, model: Course, caseId: string): { name: string }[] {
  const groups = course.groups.filter((_, i) => [undefined, caseId].includes(model.groups[i]!.caseId));
  return groups.length > 0 ? groups : [{ name: '' }];
}

/** What the trainer prints before the session, and how many: the assignments decide. */
function material(course: CourseViewModel, model: Course) {
  const l = course.labels;
  const groups = model.groups.length;
  const perGroup = (n: number) => `${format(l.copiesPerGroup, { n })} (${format(l.copiesTotal, { n: n * groups })})`;
  const anyCase = (folder: string) => `${folder}/${l.files.casePrefix}-N-….pdf`;
  // A handout says it holds a diagram page only when it does.
  const handout = (cases: Case[]) => (cases.some((c) => c.diagram !== null) ? l.handout : l.handoutPlain);
  const common = [
    { label: l.studentPack, file: `student/${l.files.studentPack}.pdf`, copies: perGroup(1) },
    { label: l.restitutionSheet, file: `student/${l.files.restitution}.pdf`, copies: perGroup(1) },
  ];
  const unassigned = model.groups.filter((g) => g.caseId === undefined).length;
  if (unassigned === groups) {
    return [
      { label: handout(model.cases), file: anyCase('student'), copies: perGroup(1) },
      ...common,
      { label: l.gridSheet, file: anyCase('grids'), copies: perGroup(1) },
    ];
  }
  // Each case's handout for the groups that take it, and for those still without a case; each
  // grid file once, since it holds exactly the sheets of those groups.
  const takers = model.cases.map((c) => ({ c, n: model.groups.filter((g) => g.caseId === c.id).length + unassigned }));
  const handouts = takers
    .filter(({ n }) => n > 0)
    .map(({ c, n }) => ({
      label: `${handout([c])} — ${format(l.caseShort, { number: c.number, organisation: c.organisation })}`,
      file: `student/${c.slug}.pdf`,
      copies: format(l.copiesTotal, { n }),
    }));
  const sheets = takers.reduce((sum, { n }) => sum + Math.max(1, n), 0);
  return [...handouts, ...common, { label: l.gridSheet, file: anyCase('grids'), copies: format(l.copiesEachFile, { n: sheets }, model.lang) }];
}
