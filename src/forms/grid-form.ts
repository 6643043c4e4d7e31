import fontkit from '@pdf-lib/fontkit';
import { AnnotationFlags, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFRef, PDFString, TextAlignment, type PDFContext, type PDFPage, type PDFTextField } from 'pdf-lib';
import type { Finish } from '../print/finalize-pdf.js';
import { formFont } from './form-font.js';
import { fieldScheme, parseGridFieldName, type GridField } from './field-names.js';
import type { PointsChecks } from './form-step.js';

/** A marked place: the links a grid's page carries where a field goes (`casebook-field:<name>`). */
interface Mark {
  name: string;
  field: GridField;
  page: PDFPage;
  rect: [number, number, number, number];
  links: PDFRef[];
}

/** A font embedded in a document of its own, to be copied into others. */
interface EmbeddedFont {
  context: PDFContext;
  ref: PDFRef;
}

/** Embedded once per process: fontkit's parse, the widths of every glyph and the font file's compression are done once. */
let fieldFont: Promise<EmbeddedFont> | undefined;

function embeddedFieldFont(): Promise<EmbeddedFont> {
  fieldFont ??= (async () => {
    const scratch = await PDFDocument.create({ updateMetadata: false });
    scratch.registerFontkit(fontkit);
    // Named without pdf-lib's random suffix: two builds give the same bytes.
    const font = await scratch.embedFont(await formFont(), { subset: false, customName: 'Inter-Regular' });
    await scratch.flush();
    return { context: scratch.context, ref: font.ref };
  })();
  return fieldFont;
}

/** The finishing of a grid into a form (see `addGridForm`), once the fields' font is ready. */
export async function gridFormFinish(checks: PointsChecks): Promise<Finish> {
  const font = await embeddedFieldFont();
  return (pdf) => addGridForm(pdf, checks, font);
}

/**
 * Turns a printed grid into a PDF form. Chromium's PDF carries no layout boxes, but it keeps the
 * rectangle of every link where the page laid it out (whatever the page breaks): the grid links
 * each cell to fill to `casebook-field:<name>`, and each of those links becomes a text field of
 * that name, at that place — points (0 to the criterion's points, half points), comments, the
 * evaluator and the date, and a total the reader computes with the standard AcroForm calculation.
 * The printed page is not touched.
 */
function addGridForm(pdf: PDFDocument, checks: PointsChecks, font: EmbeddedFont): void {
  const marks = collectMarks(pdf);
  if (marks.length === 0) return;
  const form = pdf.getForm();
  // Chromium's PDF has no form: the fields' default appearance names the font of the form's resources.
  const fontRef = PDFObjectCopier.for(font.context, pdf.context).copy(font.ref);
  form.acroForm.dict.set(PDFName.of('DR'), pdf.context.obj({ Font: { Inter: fontRef } }));
  const appearance = emptyAppearances(pdf);
  const totals: PDFRef[] = [];
  const widgets = new Map<Mark, PDFRef>();
  for (const mark of marks) {
    const field = form.createTextField(mark.name);
    const kind = mark.field.kind;
    if (kind === 'comment') field.enableMultiline();
    field.acroField.setDefaultAppearance(`/Inter ${kind === 'comment' ? 9 : kind === 'points' || kind === 'total' ? 12 : 10} Tf 0 g`);
    if (kind === 'points' || kind === 'total') field.setAlignment(TextAlignment.Center);
    const actions = new Map<string, string>();
    if (mark.field.kind === 'points') {
      const check = checks[mark.field.criterion];
      if (check) actions.set('V', check);
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
    widgets.set(mark, addWidget(pdf, field, mark, appearance));
  }
  retag(pdf, widgets);
  // Readers run the calculations of the fields listed here, in this order.
  form.acroForm.dict.set(PDFName.of('CO'), pdf.context.obj(totals));
}

/**
 * A field's widget on its mark's page: printed, without border or background, in the place of the
 * mark's first link in the structure tree. An empty field shows nothing; a reader draws what is
 * typed with the field's default appearance (/DA).
 */
function addWidget(pdf: PDFDocument, field: PDFTextField, mark: Mark, appearance: (width: number, height: number) => PDFRef): PDFRef {
  const [x1, y1, x2, top] = mark.rect;
  // The date's and evaluator's lines are one line high: their fields reach a little above the line.
  const y2 = mark.field.kind === 'date' || mark.field.kind === 'evaluator' ? top + 5 : top;
  const link = pdf.context.lookup(mark.links[0]!, PDFDict);
  const widget = pdf.context.register(
    pdf.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      Parent: field.ref,
      P: mark.page.ref,
      Rect: [x1, y1, x2, y2],
      F: AnnotationFlags.Print,
      BS: { W: 0 },
      AP: { N: appearance(x2 - x1, y2 - y1) },
      StructParent: link.get(PDFName.of('StructParent')),
    }),
  );
  field.acroField.addWidget(widget);
  mark.page.node.addAnnot(widget);
  return widget;
}

/** An empty text field's appearance, uncompressed (a few bytes), one per size in a document. */
function emptyAppearances(pdf: PDFDocument): (width: number, height: number) => PDFRef {
  const made = new Map<string, PDFRef>();
  return (width, height) => {
    const size = `${width} ${height}`;
    let ref = made.get(size);
    if (!ref) {
      ref = pdf.context.register(pdf.context.stream('/Tx BMC EMC', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height], Resources: {} }));
      made.set(size, ref);
    }
    return ref;
  };
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
function retag(pdf: PDFDocument, widgets: Map<Mark, PDFRef>): void {
  const replaced = new Map<PDFRef, PDFRef | undefined>();
  for (const [mark, widget] of widgets) {
    const [first, ...rest] = mark.links;
    replaced.set(first!, widget);
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
