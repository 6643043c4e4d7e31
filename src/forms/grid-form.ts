import fontkit from '@pdf-lib/fontkit';
import { AcroFieldFlags, AcroTextFlags, AnnotationFlags, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFRef, PDFString, TextAlignment, type PDFContext, type PDFPage } from 'pdf-lib';
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
  const { context } = pdf;
  const Inter = PDFObjectCopier.for(font.context, context).copy(font.ref);
  const fields = context.obj([]);
  const addField = fieldTree(context, fields);
  const appearance = emptyAppearances(context, Inter);
  const totals: PDFRef[] = [];
  const widgets = new Map<Mark, PDFRef>();
  for (const mark of marks) {
    const field = context.nextRef();
    const widget = addWidget(context, field, mark, appearance);
    addField(mark.name, field, textField(context, mark, widget, fieldScripts(mark, marks, checks)));
    widgets.set(mark, widget);
    if (mark.field.kind === 'total') totals.push(field);
  }
  retag(pdf, widgets);
  // Chromium's PDF has no form. The fields' default appearance names the font of the form's
  // resources; readers run the calculations of the fields listed in /CO, in this order.
  pdf.catalog.set(PDFName.of('AcroForm'), context.register(context.obj({ Fields: fields, DR: { Font: { Inter } }, CO: totals })));
}

/** A text field's own entries: kind of text, alignment, font and size, scripts, and its one widget. */
function textField(context: PDFContext, mark: Mark, widget: PDFRef, scripts: Record<string, string>): PDFDict {
  const { kind } = mark.field;
  const actions = Object.entries(scripts).map(([key, js]) => [key, { S: 'JavaScript', JS: PDFHexString.fromText(js) }]);
  return context.obj({
    FT: 'Tx',
    Ff: (kind === 'comment' ? AcroTextFlags.Multiline : 0) | (kind === 'total' ? AcroFieldFlags.ReadOnly : 0) || undefined,
    Q: kind === 'points' || kind === 'total' ? TextAlignment.Center : undefined,
    DA: PDFString.of(`/Inter ${kind === 'comment' ? 9 : kind === 'points' || kind === 'total' ? 12 : 10} Tf 0 g`),
    AA: actions.length > 0 ? Object.fromEntries(actions) : undefined,
    Kids: [widget],
  });
}

/** A field's scripts, by trigger: its points checked as they are typed (V), the total computed (C). */
function fieldScripts(mark: Mark, marks: Mark[], checks: PointsChecks): Record<string, string> {
  const { field } = mark;
  if (field.kind === 'points') return checks[field.criterion] ? { V: checks[field.criterion]! } : {};
  if (field.kind !== 'total') return {};
  const parts = marks.filter((k) => k.field.kind === 'points' && k.field.caseId === field.caseId && k.field.group === field.group).map((k) => k.name);
  return { C: `AFSimple_Calculate("SUM", new Array(${parts.map((p) => JSON.stringify(p)).join(', ')}));` };
}

/**
 * Puts fields into the form's tree as pdf-lib names them: each part of a name
 * ("phishing.owls.analysis.points") is a field of its own that holds the next. (pdf-lib's
 * `createTextField` finds each part again among its siblings' decoded names, for every field.)
 */
function fieldTree(context: PDFContext, fields: PDFArray): (name: string, ref: PDFRef, field: PDFDict) => void {
  const parents = new Map<string, { ref: PDFRef; kids: PDFArray }>();
  const parentOf = (parts: string[]) => {
    if (parts.length === 0) return undefined;
    const name = parts.join('.');
    let parent = parents.get(name);
    if (!parent) {
      parent = { ref: context.nextRef(), kids: context.obj([]) };
      place(parts, parent.ref, context.obj({ Kids: parent.kids }));
      parents.set(name, parent);
    }
    return parent;
  };
  const place = (parts: string[], ref: PDFRef, field: PDFDict) => {
    const parent = parentOf(parts.slice(0, -1));
    field.set(PDFName.of('T'), PDFHexString.fromText(parts.at(-1)!));
    if (parent) field.set(PDFName.of('Parent'), parent.ref);
    context.assign(ref, field);
    (parent?.kids ?? fields).push(ref);
  };
  return (name, ref, field) => place(name.split('.'), ref, field);
}

/**
 * A field's widget on its mark's page: printed, without border or background, in the place of the
 * mark's first link in the structure tree. An empty field shows nothing; a reader draws what is
 * typed with the field's default appearance (/DA).
 */
function addWidget(context: PDFContext, field: PDFRef, mark: Mark, appearance: (width: number, height: number) => PDFRef): PDFRef {
  const [x1, y1, x2, top] = mark.rect;
  // The date's and evaluator's lines are one line high: their fields reach a little above the line.
  const y2 = mark.field.kind === 'date' || mark.field.kind === 'evaluator' ? top + 5 : top;
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      Parent: field,
      P: mark.page.ref,
      Rect: [x1, y1, x2, y2],
      F: AnnotationFlags.Print,
      BS: { W: 0 },
      AP: { N: appearance(x2 - x1, y2 - y1) },
      StructParent: context.lookup(mark.links[0]!, PDFDict).get(PDFName.of('StructParent')),
    }),
  );
  // The page's annotations, without its field links since `collectMarks`.
  mark.page.node.lookup(PDFName.of('Annots'), PDFArray).push(widget);
  return widget;
}

/**
 * An empty text field's appearance, uncompressed (a few bytes), one per size in a document. It
 * names the fields' font as a filled one does (pdffonts, for one, lists the fonts of appearances).
 */
function emptyAppearances(context: PDFContext, font: PDFRef): (width: number, height: number) => PDFRef {
  const made = new Map<string, PDFRef>();
  return (width, height) => {
    const size = `${width} ${height}`;
    let ref = made.get(size);
    if (!ref) {
      ref = context.register(context.stream('/Tx BMC EMC', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height], Resources: { Font: { Inter: font } } }));
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
