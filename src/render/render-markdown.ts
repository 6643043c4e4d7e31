import type { Root } from 'mdast';
import remarkCasebookDirectives from '../parse/remark-casebook-directives.js';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { format, labels } from '../i18n/index.js';
import type { Edition } from '../model.js';
import { caseTitle, durationLine } from './view-model.js';

/** A case tree as Markdown, casebook's directives included. */
export const stringify = (tree: Root) =>
  unified().use(remarkGfm).use(remarkCasebookDirectives).use(remarkStringify, { bullet: '*', rule: '-' }).stringify(tree);

/** An edition as one Markdown file: the frame, then each case as the edition shows it. */
export function renderMarkdown(edition: Edition): string {
  const { course } = edition;
  const l = labels(course.lang);
  const frame = [
    `# ${course.title}`,
    '',
    `## ${course.frame.heading}`,
    '',
    `* ${durationLine(course)}`,
    `* ${format(l.listLabel, { label: course.deliverables.label })}`,
    '',
    ...course.deliverables.items.map((item, i) => `  ${i + 1}. ${item}`),
    `* **${format(l.rubricHeading, { label: course.rubric.label, total: course.rubric.total })}**`,
    '',
    ...course.rubric.criteria.map((c) => `  * ${format(l.criterionLine, { label: c.label, points: c.points })}${c.description ? ` — ${c.description}` : ''}`),
  ];
  const cases = edition.cases.map((view) => {
    const c = view.case;
    const indicators =
      edition.name === 'trainer'
        ? [`### ${l.indicators}`, '', ...course.rubric.criteria.flatMap((cr) => (c.indicators[cr.id] ?? []).map((i) => `* [ ] ${cr.label} — ${i}`))]
        : [];
    return [`## ${caseTitle(c, course.lang)}`, '', stringify(view.tree).trim(), '', ...indicators].join('\n');
  });
  const closing = [
    `# ${course.restitution.heading}`,
    '',
    ...course.restitution.steps.map((s, i) => `${i + 1}. **${s.title}**${s.detail ? ` (${s.detail})` : ''}`),
    '',
    `# ${course.checklist.heading}`,
    '',
    ...course.checklist.items.map((item) => `* [ ] ${item}`),
  ];
  return [...frame, '', '---', '', ...cases.flatMap((c) => [c, '', '---', '']), ...closing, ''].join('\n');
}
