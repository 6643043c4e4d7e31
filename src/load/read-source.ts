import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { ContentError } from '../errors.js';
import type { SourceText } from '../model.js';
import { defaultCourseLang, format, formatNumber, messages } from '../i18n/index.js';
import { limits } from '../parse/limits.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');
const utf16 = { le: new TextDecoder('utf-16le'), be: new TextDecoder('utf-16be') };

/**
 * Whether a file in one of the trainer's folders is hidden, and so not theirs to be read: macOS
 * leaves a binary `._name` beside each file on a USB key or a network share, editors their locks
 * and backups (`.#name`), spreadsheets theirs (`.~lock.name#`).
 */
export function isHiddenFile(name: string): boolean {
  return name.startsWith('.');
}

/**
 * Decodes a content file. Word and old editors save Windows-1252: rather than refuse it, decode
 * it and say so (any byte is valid there, and French text is what those editors write).
 */
export function decodeSource(file: string, bytes: Uint8Array, lang = defaultCourseLang): SourceText {
  const m = messages(lang);
  let text: string;
  const warnings: string[] = [];
  // Notepad's "Unicode" and Windows PowerShell's redirections save UTF-16, always with its byte
  // order mark: read as it is, nothing is lost.
  const utf16Order = bytes[0] === 0xff && bytes[1] === 0xfe ? 'le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : undefined;
  // No text but UTF-16 holds a NUL byte: a Word document, a PDF or a spreadsheet, which would
  // otherwise be read as Windows-1252 garbage and fail later for want of a heading.
  if (!utf16Order && bytes.includes(0)) throw new ContentError([{ place: { file }, message: m.notText }]);
  try {
    text = utf16Order ? utf16[utf16Order].decode(bytes) : utf8.decode(bytes);
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

