import { ContentError } from '../errors.js';
import { messages } from '../i18n/index.js';
import type { SourceText } from '../model.js';

export interface FrontMatter {
  yaml: string;
  /** File line of the YAML's first line. */
  firstLine: number;
  /** The Markdown body with the front matter replaced by blank lines, so lines keep their numbers. */
  body: string;
}

export function splitFrontMatter(source: SourceText, lang: string): FrontMatter {
  const m = messages(lang);
  const lines = source.text.split('\n');
  if (lines[0]?.trim() !== '---') throw new ContentError([{ place: { file: source.file, line: 1 }, message: m.noFrontMatter }]);
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) throw new ContentError([{ place: { file: source.file, line: 1 }, message: m.unclosedFrontMatter }]);
  return {
    yaml: lines.slice(1, end).join('\n'),
    firstLine: 2,
    body: [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n'),
  };
}
