import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { ContentError } from '../errors.js';
import type { SourceText } from '../model.js';
import { defaultCourseLang, format, formatNumber, messages } from '../i18n/index.js';
import { limits } from '../parse/limits.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Decodes a content file. Word and old editors save Windows-1252: rather than refuse it, decode
 * it and say so (any byte is valid there, and French text is what those editors write).
 */
export function decodeSource(file: string, bytes: Uint8Array, lang = defaultCourseLang): SourceText {
  const m = messages(lang);
  let text: string;
  const warnings: string[] = [];
  try {
    text = utf8.decode(bytes);
  } catch {
    text = windows1252.decode(bytes);
    warnings.push(m.decodedWindows1252);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ContentError([{ place: { file }, message: m.emptyFile }]);
  return { file, text, warnings };
}

export async function readSource(dir: string, path: string, lang?: string): Promise<SourceText> {
  const file = relative(dir, path) || path;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new ContentError([{ place: { file }, message: messages(lang ?? defaultCourseLang).unreadableFile }]);
  }
  if (bytes.length > limits.fileBytes) {
    const mb = (n: number) => formatNumber(lang ?? defaultCourseLang, n / 1024 / 1024, 1);
    throw new ContentError([{ place: { file }, message: format(messages(lang ?? defaultCourseLang).fileTooLarge, { size: mb(bytes.length), limit: mb(limits.fileBytes) }) }]);
  }
  return decodeSource(file, bytes, lang);
}

