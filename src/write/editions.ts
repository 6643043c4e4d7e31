import type { Document, Edition, Output } from '../model.js';
import { fontBaseUrl } from '../render/styles.js';
import { fontNeededBy, type FontFile } from '../render/fonts.js';
import { hasFormula, isFormulaFont } from '../render/formulas.js';
import { renderMarkdown } from '../render/render-markdown.js';

/** The HTML edition of a document with contents, as printed; it loads its fonts from a folder beside it. */
export function htmlEdition(doc: Document, printedHtml: string, fonts: FontFile[]): Output[] {
  if (!doc.hasToc) return [];
  const { edition, stem } = editionPath(doc);
  return [
    { path: `${edition}/html/${stem}.html`, audience: doc.audience, bytes: new TextEncoder().encode(printedHtml.replaceAll(fontBaseUrl, 'fonts/')) },
    ...fonts
      .filter((font) => (isFormulaFont(font.name) ? hasFormula(printedHtml) : fontNeededBy(font.name, printedHtml)))
      .map((font) => ({ path: `${edition}/html/fonts/${font.name}`, audience: doc.audience, bytes: font.bytes })),
  ];
}

/** The Markdown edition of a document with contents, made from its edition of the course, not from the print. */
export function markdownEdition(doc: Document, edition: Edition): Output[] {
  if (!doc.hasToc) return [];
  const { edition: folder, stem } = editionPath(doc);
  return [{ path: `${folder}/md/${stem}.md`, audience: doc.audience, bytes: new TextEncoder().encode(renderMarkdown(edition)) }];
}

function editionPath(doc: Document): { edition: string; stem: string } {
  const [edition, name] = doc.path.split('/') as [string, string];
  return { edition, stem: name.replace(/\.pdf$/, '') };
}
