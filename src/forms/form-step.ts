import { format, grading } from '../i18n/index.js';
import type { Course } from '../model.js';
import type { FinishStep } from '../print/finalize-pdf.js';
import { inlineText } from '../render/view-model.js';

// Changes whenever the form's code makes other bytes: grids finished before then miss in the cache.
const formVersion = 'grid-form-v1';

/** The script that checks a criterion's points in a reader, by criterion id. */
export type PointsChecks = Record<string, string>;

/**
 * A grid's form as a step of its PDF's finishing, so that a grid from the cache comes with its
 * form. It depends on the page (its field links) and on the rubric's checks, which its key holds;
 * its code (pdf-lib, fontkit) loads only for a grid to finish.
 */
export function gridForm(course: Course): FinishStep {
  const checks = pointsChecks(course);
  return {
    key: JSON.stringify([formVersion, checks]),
    load: async () => (await import('./grid-form.js')).gridFormFinish(checks),
  };
}

function pointsChecks(course: Course): PointsChecks {
  const m = grading(course.lang).messages;
  return Object.fromEntries(course.rubric.criteria.map((c) => [c.id, validateScript(c.points, format(m.fieldRange, { criterion: inlineText(c.label), max: c.points }))]));
}

/**
 * The points a reader accepts: a number from 0 to the criterion's points, in half points, with
 * a comma or a point ("2,5" or "2.5"). casebook's own script, with numbers only from the rubric.
 */
function validateScript(max: number, message: string): string {
  return [
    'if (event.value !== "") {',
    '  var v = AFMakeNumber(event.value);',
    `  if (v === null || v < 0 || v > ${max} || Math.round(v * 2) !== v * 2) {`,
    `    app.alert(${JSON.stringify(message)});`,
    '    event.rc = false;',
    '  }',
    '}',
  ].join('\n');
}
