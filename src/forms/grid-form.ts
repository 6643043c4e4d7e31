import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString, TextAlignment, type PDFPage } from 'pdf-lib';
import { format, grading } from '../i18n/index.js';
import type { Course } from '../model.js';
import { inlineText } from '../render/view-model.js';
import fontkit from '@pdf-lib/fontkit';
import { formFont } from './form-font.js';
import { fieldScheme, parseGridFieldName, type GridField } from './field-names.js';

/** A marked place: the links a grid's page carries where a field goes (`casebook-field:<name>`). */
interface Mark {
  name: string;
  field: GridField;
  page: PDFPage;
  rect: [number, number, number, number];
  links: PDFRef[];
}

/**
 * Turns a printed grid into a PDF form. Chromium's PDF carries no layout boxes, but it keeps the
 * rectangle of every link where the page laid it out (whatever the page breaks): the grid links
 * each cell to fill to `casebook-field:<name>`, and each of those links becomes a text field of
 * that name, at that place — points (0 to the criterion's points, half points), comments, the
 * evaluator and the date, and a total the reader computes with the standard AcroForm calculation.
 * The printed page is not touched.
 */
export async function addGridForm(bytes: Uint8Array, course: Course): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const marks = collectMarks(pdf);
  if (marks.length === 0) return bytes;
  const form = pdf.getForm();
  pdf.registerFontkit(fontkit);
  // Named without pdf-lib's random suffix: two builds give the same bytes.
  const font = await pdf.embedFont(await formFont(), { subset: false, customName: 'Inter-Regular' });
  // Chromium's PDF has no form: the fields' default appearance names the font of the form's resources.
  form.acroForm.dict.set(PDFName.of('DR'), pdf.context.obj({ Font: { Inter: font.ref } }));
  const totals: PDFRef[] = [];
  const widgets = new Map<Mark, PDFDict>();
  const m = grading(course.lang).messages;
  for (const mark of marks) {
    const field = form.createTextField(mark.name);
    const kind = mark.field.kind;
    const [x1, y1, x2, top] = mark.rect;
    // The date's and evaluator's lines are one line high: their fields reach a little above the line.
    const y2 = kind === 'date' || kind === 'evaluator' ? top + 5 : top;
    if (kind === 'comment') field.enableMultiline();
    field.acroField.setDefaultAppearance(`/Inter ${kind === 'comment' ? 9 : kind === 'points' || kind === 'total' ? 12 : 10} Tf 0 g`);
    if (kind === 'points' || kind === 'total') field.setAlignment(TextAlignment.Center);
    field.addToPage(mark.page, { x: x1, y: y1, width: x2 - x1, height: y2 - y1, font, borderWidth: 0, borderColor: undefined, backgroundColor: undefined });
    const actions = new Map<string, string>();
    if (mark.field.kind === 'points') {
      const { criterion } = mark.field;
      const c = course.rubric.criteria.find((k) => k.id === criterion);
      if (c) actions.set('V', validateScript(c.points, format(m.fieldRange, { criterion: inlineText(c.label), max: c.points })));
    }
    if (mark.field.kind === 'total') {
      field.enableReadOnly();
      const { caseId, group } = mark.field;
      const parts = marks.filter((k) => k.field.kind === 'points' && k.field.caseId === caseId && k.field.group === group).map((k) => k.name);
      actions.set('C', `AFSimple_Calculate("SUM", new Array(${parts.map((p) => JSON.stringify(p)).join(', ')}));`);
      totals.push(field.ref);
    }
    if (actions.size > 0) {
      field.acroField.dict.set(PDFName.of('AA'), pdf.context.obj(Object.fromEntries([...actions].map(([key, js]) => [key, { S: 'JavaScript', JS: PDFHexString.fromText(js) }]))));
    }
    widgets.set(mark, field.acroField.getWidgets()[0]!.dict);
  }
  retag(pdf, widgets);
  // Readers run the calculations of the fields listed here, in this order.
  form.acroForm.dict.set(PDFName.of('CO'), pdf.context.obj(totals));
  // The fields' appearances are made above, with the form's font (pdf-lib would add Helvetica, not embedded).
  return pdf.save({ useObjectStreams: false, objectsPerTick: Infinity, updateFieldAppearances: false });
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

/** The field links of every page, one mark per field (the union of its link rectangles), links removed from the page. */
function collectMarks(pdf: PDFDocument): Mark[] {
  const marks = new Map<string, Mark>();
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    const kept: PDFRef[] = [];
    for (const ref of annots.asArray() as PDFRef[]) {
      const annot = pdf.context.lookup(ref);
      const uri = annot instanceof PDFDict ? linkUri(annot) : undefined;
      const name = uri?.startsWith(fieldScheme) ? uri.slice(fieldScheme.length) : undefined;
      if (name === undefined) {
        kept.push(ref);
        continue;
      }
      const field = parseGridFieldName(name);
      if (!field) continue;
      const rect = (annot as PDFDict).lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber()) as Mark['rect'];
      const mark = marks.get(name);
      if (mark && mark.page === page) {
        mark.rect = [Math.min(mark.rect[0], rect[0]), Math.min(mark.rect[1], rect[1]), Math.max(mark.rect[2], rect[2]), Math.max(mark.rect[3], rect[3])];
        mark.links.push(ref);
      } else if (!mark) {
        marks.set(name, { name, field, page, rect, links: [ref] });
      }
    }
    page.node.set(PDFName.of('Annots'), pdf.context.obj(kept));
  }
  return [...marks.values()];
}

function linkUri(annot: PDFDict): string | undefined {
  if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) return undefined;
  const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
}

/**
 * The tagged PDF's structure pointed at the links: it points at each field's widget instead, as
 * a form element, and forgets the other pieces of the same link. The links are then deleted.
 */
function retag(pdf: PDFDocument, widgets: Map<Mark, PDFDict>): void {
  const replaced = new Map<PDFRef, PDFRef | undefined>();
  for (const [mark, widget] of widgets) {
    const [first, ...rest] = mark.links;
    const parent = (pdf.context.lookup(first!) as PDFDict).get(PDFName.of('StructParent'));
    if (parent) widget.set(PDFName.of('StructParent'), parent);
    replaced.set(first!, pdf.context.getObjectRef(widget));
    for (const ref of rest) replaced.set(ref, undefined);
  }
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue;
    const kids = object.lookup(PDFName.of('K'));
    const items = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      const objr = item instanceof PDFRef ? pdf.context.lookup(item) : item;
      if (!(objr instanceof PDFDict) || objr.get(PDFName.of('Type')) !== PDFName.of('OBJR')) continue;
      const target = objr.get(PDFName.of('Obj'));
      if (!(target instanceof PDFRef) || !replaced.has(target)) continue;
      const widget = replaced.get(target);
      if (widget) {
        objr.set(PDFName.of('Obj'), widget);
        object.set(PDFName.of('S'), PDFName.of('Form'));
      } else if (kids instanceof PDFArray) {
        kids.remove(i);
      }
    }
  }
  for (const ref of replaced.keys()) pdf.context.delete(ref);
}
