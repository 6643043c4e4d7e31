import { unzipSync } from 'fflate';
import { Cache } from '../cache/cache.js';
import { ContentError, type Problem } from '../errors.js';
import { format, messages } from '../i18n/index.js';
import type { Output } from '../model.js';
import { pdfPageTexts } from '../print/read-pdf.js';
import { htmlText } from '../render/html-text.js';
import { squash } from './trainer-fragments.js';

/**
 * Reads back every student file as a student would get it (PDF text, HTML, Markdown, zip
 * entries) and fails the build if any trainer-only text is in it.
 */
export async function checkStudentOutputs(outputs: Output[], fragments: string[], lang: string, cache = new Cache(undefined)): Promise<void> {
  const m = messages(lang);
  const squashed = fragments.map((f) => ({ text: f, squashed: squash(f) }));
  const fragmentsKey = Cache.key(...fragments);
  const students = outputs.filter((o) => o.audience === 'student');
  // A zip entry that is one of the files checked on their own is not read twice.
  const checked = new Set(students.filter((o) => !o.path.endsWith('.zip')).map((o) => Cache.key(o.bytes)));
  const problems: Problem[] = [];
  for (const output of students) {
    const key = Cache.key('leak-v1', output.bytes, fragmentsKey);
    if (await cache.get('verified', key)) continue;
    const found: Problem[] = [];
    for (const { file, text, markup } of await readableTexts(output.path, output.bytes, output.path.endsWith('.zip') ? checked : new Set())) {
      const flat = squash(text);
      const leaked = squashed.find((f) => flat.includes(f.squashed));
      if (leaked) found.push({ place: { file }, message: format(m.leak, { file, text: leaked.text.slice(0, 80) }) });
      // A trainer-only block that reached the markup would only be hidden by CSS, at best.
      const marked = /class="[^"]*\b(solution|trainer-note)\b[^"]*"/.exec(markup);
      if (marked) found.push({ place: { file }, message: format(m.leak, { file, text: marked[0] }) });
    }
    if (found.length === 0) await cache.put('verified', key, 'ok');
    problems.push(...found);
  }
  if (problems.length > 0) throw new ContentError(problems);
}

interface Readable {
  file: string;
  /** What a reader sees. */
  text: string;
  /** The HTML source, for HTML files. */
  markup: string;
}

async function readableTexts(path: string, bytes: Uint8Array, skip: Set<string>): Promise<Readable[]> {
  if (path.endsWith('.pdf')) return [{ file: path, text: (await pdfPageTexts(bytes)).join('\n'), markup: '' }];
  if (path.endsWith('.zip')) {
    const entries = Object.entries(unzipSync(bytes)).filter(([, data]) => !skip.has(Cache.key(data)));
    return (await Promise.all(entries.map(([name, data]) => readableTexts(`${path}/${name}`, data, skip)))).flat();
  }
  const text = new TextDecoder().decode(bytes);
  if (!path.endsWith('.html')) return [{ file: path, text, markup: '' }];
  // A space between adjacent tags, so that two cells' texts do not run together.
  return [{ file: path, text: htmlText(text.replace(/></g, '> <')), markup: text }];
}
