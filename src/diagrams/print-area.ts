/**
 * Where a drawing prints (styles/print.css), in CSS px: the A4 column less a solution's rule and
 * padding (a course's diagrams are most often in a solution), and the drawing's greatest height,
 * on an upright page and on a landscape one (where a heading or a lead-in before it leaves it 136 mm).
 */
const pxPerMm = 96 / 25.4;
export const portraitArea = { width: 168 * pxPerMm, height: 225 * pxPerMm };
export const landscapeArea = { width: 255 * pxPerMm, height: 136 * pxPerMm };
