import { basename, dirname } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readSource } from '../load/read-source.js';
import type { SourceText } from '../model.js';

export interface ImportedDocument {
  source: SourceText;
  /** The document as CommonMark + GFM, with positions: every decision is made on this tree. */
  tree: Root;
}

/** Reads the trainer's document as the build reads a case (UTF-8, or Windows-1252 said so). */
export async function readDocument(path: string, lang?: string): Promise<ImportedDocument> {
  const source = await readSource(dirname(path), path, lang);
  return { source: { ...source, file: basename(path) }, tree: parseDocument(source.text) };
}

export function parseDocument(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text);
}
