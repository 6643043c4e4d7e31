import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { svg } from 'property-information';

/*
 * What the HTML editions may contain, as rehype-sanitize schemas: one place to extend when a new
 * way to write content adds markup. The rule: no script can run and nothing loads from outside.
 * - No event attributes (`on…`), no active elements (script, iframe, object, embed, form, SVG
 *   animation, foreignObject): they are simply not listed.
 * - URLs: links to http(s), mail and in-page anchors; images by relative path only (the build
 *   inlines them as `data:` after sanitizing, so no `data:` written in a case gets through).
 * - Ids are not prefixed ("clobbering"): no script reads them (the pages' Content-Security-Policy
 *   forbids scripts), and headings, footnotes and diagrams link to them.
 * To allow a new element, add it to `tagNames` and its attributes (hast property names,
 * camelCase: `className`, `dataLabel`) to `attributes`; never an `on…` attribute.
 */

const listed = (tag: string) => defaultSchema.attributes?.[tag] ?? [];
/** A tag's attributes in GitHub's schema, with any class allowed (GitHub's restricts some to one value). */
const withClasses = (tag: string) => [...listed(tag).filter((a) => !(Array.isArray(a) && a[0] === 'className')), 'className'];

// MathML as KaTeX writes it (its HTML rendering is spans with class and style).
const mathml = [
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mo', 'mn', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup',
  'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom',
  'menclose', 'mglyph', 'mlabeledtr', 'mprescripts', 'mmultiscripts', 'none',
];
const mathmlAttributes = [
  'xmlns', 'display', 'encoding', 'mathvariant', 'mathsize', 'mathcolor', 'stretchy', 'fence', 'separator', 'lspace',
  'rspace', 'accent', 'accentunder', 'columnalign', 'columnlines', 'columnspacing', 'rowalign', 'rowlines',
  'rowspacing', 'width', 'height', 'depth', 'voffset', 'minsize', 'maxsize', 'movablelimits', 'notation',
  'scriptlevel', 'displaystyle', 'linethickness', 'symmetric', 'largeop', 'form', 'align', 'frame', 'side',
];

/** Markdown fragments: GitHub's schema plus casebook's own markup, inline HTML, code highlighting and formulas. */
export const contentSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  // KaTeX draws some symbols (roots, long arrows) as small inline SVG paths.
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'aside', 'mark', ...mathml, 'svg', 'path', 'line'],
  attributes: {
    ...defaultSchema.attributes,
    // Classes run nothing: casebook's own markup (alerts, figures, code lines, footnotes) is styled by them.
    '*': [...listed('*'), 'className'],
    // An external link's address, printed after it on paper.
    a: [...withClasses('a'), 'dataHref'],
    // Mermaid placeholders, solutions and trainer notes.
    figure: ['className', 'dataDiagram'],
    section: [...withClasses('section'), 'dataLabel'],
    aside: ['className', 'dataLabel'],
    div: withClasses('div'),
    // Trainer words, syntax highlighting and KaTeX's HTML: classes and inline styles on spans.
    span: ['className', 'style', 'ariaHidden'],
    code: withClasses('code'),
    pre: ['className', 'style'],
    ...Object.fromEntries(mathml.map((tag) => [tag, mathmlAttributes])),
    svg: ['xmlns', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'style', 'className'],
    path: ['d'],
    line: ['x1', 'y1', 'x2', 'y2', 'strokeWidth'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
  strip: ['script', 'style'],
};

// SVG elements that only draw: no script, link, external reference, animation or embedded HTML.
const drawing = [
  'svg', 'g', 'defs', 'title', 'desc', 'style', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath', 'marker', 'clipPath', 'mask', 'pattern', 'symbol', 'linearGradient', 'radialGradient',
  'stop', 'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feFlood', 'feGaussianBlur',
  'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'feDropShadow', 'feFuncA', 'feFuncR', 'feFuncG', 'feFuncB',
];
// Every SVG attribute hast knows, except event handlers, references to other documents and animation timing.
const drawingAttributes = Object.keys(svg.property).filter(
  (name) => !/^on|href|^xLink|^(attributeName|begin|end|from|to|values|by|glyphRef)$/i.test(name),
);

/** Mermaid's drawings: SVG shapes, text and their style sheet, nothing active. */
export const diagramSchema: Schema = {
  clobber: [],
  tagNames: drawing,
  attributes: { '*': drawingAttributes },
  protocols: {},
  strip: ['script', 'foreignObject'],
};
