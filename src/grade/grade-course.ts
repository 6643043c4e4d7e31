import type { Cache } from '../cache/cache.js';
import { selectEdition } from '../edition/select-edition.js';
import { drawDiagrams, withDrawings } from '../diagrams/draw-diagrams.js';
import type { Problem } from '../errors.js';
import { format, grading } from '../i18n/index.js';
import type { Course, Output } from '../model.js';
import type { BrowserSession } from '../print/browser-session.js';
import type { Printer } from '../print/printer.js';
import { fontStacks } from '../render/fonts.js';
import type { Templates } from '../render/templates.js';
import { editionLabel } from '../render/render-documents.js';
import { LeakGuard } from '../verify/leak-guard.js';
import { type Fragment, FragmentFinder } from '../verify/fragments.js';
import { studentSourceTexts, trainerFragments } from '../verify/trainer-fragments.js';
import type { GradeSheet } from './model.js';
import type { Grades } from './read-results.js';
import { renderResults, resultsCsv } from './render-results.js';
import { blankScoresSheet } from './scores-sheet.js';

export interface GradeOptions {
  course: Course;
  templates: Templates;
  css: string;
  date: Date;
  session: BrowserSession;
  printer: Printer;
  cache: Cache;
}

/** The blank scores sheet the build writes beside the grids. */
export function scoresSheetOutput(course: Course): Output {
  return { path: `grids/${grading(course.lang).files.scoresSheet}.csv`, audience: 'trainer', bytes: blankScoresSheet(course) };
}

/** render → draw the charts → print → verify: the files of `results/`. */
export async function printResults(grades: Grades, options: GradeOptions): Promise<{ outputs: Output[]; warnings: Problem[] }> {
  const { course } = options;
  const fragments = feedbackFragments(course);
  const quoted = quotedFragments(course, grades.sheets, fragments);
  const { feedback, summary } = renderResults({ ...options, results: grades.results });
  const docs = [...feedback, summary];
  const drawing = drawDiagrams(summary.diagrams, { session: options.session, cache: options.cache, fontCss: options.css, fontFamily: fontStacks.body, lang: course.lang });
  const printed = await Promise.all(
    docs.map(async (doc) =>
      options.printer.print(doc, await withDrawings(doc, drawing), {
        title: doc.title,
        subject: doc.subject,
        author: course.author ?? course.organisation,
        lang: course.lang,
        keywords: [doc.audience === 'student' ? grading(course.lang).feedback : editionLabel(course.lang, 'trainer')],
        date: options.date,
      }).then((p) => ({ doc, ...p })),
    ),
  );
  const outputs: Output[] = [
    ...printed.map((p) => ({ path: p.doc.path, audience: p.doc.audience, bytes: p.pdf, pages: p.pages })),
    { path: `results/${grading(course.lang).files.results}.csv`, audience: 'trainer', bytes: resultsCsv(course, grades.results) },
  ];
  // The feedback sheets are the groups': read back like the student edition. A comment that
  // quotes trainer-only text was warned about (the trainer may mean it); anything else fails.
  const guard = new LeakGuard(fragments.filter((f) => !quoted.fragments.has(f)), course.lang, options.cache);
  await guard.checkAll(outputs);
  return { outputs, warnings: [...grades.warnings, ...quoted.warnings] };
}

/** What a feedback sheet must not say: trainer-only texts, indicators too unless the course shows them. */
function feedbackFragments(course: Course): Fragment[] {
  const shown = course.feedback.indicators ? new Set(course.cases.flatMap((c) => Object.values(c.indicators).flat())) : new Set<string>();
  return trainerFragments(course, studentSourceTexts(selectEdition(course, 'student'))).filter((f) => !shown.has(f.text));
}

/** A warning for each comment that quotes trainer-only text, at the row (or field) it was read. */
function quotedFragments(course: Course, sheets: GradeSheet[], fragments: Fragment[]): { fragments: Set<Fragment>; warnings: Problem[] } {
  const m = grading(course.lang).messages;
  const finder = new FragmentFinder(fragments);
  const found = new Set<Fragment>();
  const warnings: Problem[] = [];
  for (const sheet of sheets) {
    for (const comment of sheet.commentPlaces) {
      for (const fragment of finder.in(comment.text)) {
        found.add(fragment);
        warnings.push({ place: sheet.place, message: format(m.quotesSolution, { at: comment.where, text: fragment.text.slice(0, 80) }) });
      }
    }
  }
  return { fragments: found, warnings };
}
