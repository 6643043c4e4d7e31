import { unzipSync } from 'fflate';
import { ContentError, type Problem } from '../errors.js';
import { format, messages } from '../i18n/index.js';
import type { Output } from '../model.js';
import { pdfPageTexts } from '../print/read-pdf.js';
import { squash } from './trainer-fragments.js';

/**
 * Reads back every student file as a student would get it (PDF text, HTML, Markdown, zip
 * entries) and fails the build if any trainer-only text is in it.
 */
export async function checkStudentOutputs(outputs: Output[], fragments: string[], lang: string): Promise<void> {
  const squashed = fragments.map((f) => ({ text: f, squashed: squash(f) }));
  const problems: Problem[] = [];
  for (const output of outputs.filter((o) => o.audience === 'student')) {
    for (const [file, text] of await readableTexts(output.path, output.bytes)) {
      const flat = squash(text);
      const leaked = squashed.find((f) => flat.includes(f.squashed));
      if (leaked) problems.push({ place: { file }, message: format(messages(lang).leak, { file, text: leaked.text.slice(0, 80) }) });
      if (/class="[^"]*\b(solution|trainer-note)\b/.test(text)) {
        problems.push({ place: { file }, message: format(messages(lang).leak, { file, text: 'class="solution"' }) });
      }
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
}

async function readableTexts(path: string, bytes: Uint8Array): Promise<[string, string][]> {
  if (path.endsWith('.pdf')) return [[path, (await pdfPageTexts(bytes)).join('\n')]];
  if (path.endsWith('.zip')) {
    const entries = Object.entries(unzipSync(bytes));
    const nested = await Promise.all(entries.map(([name, data]) => readableTexts(`${path}/${name}`, data)));
    return nested.flat();
  }
  const text = new TextDecoder().decode(bytes);
  return [[path, path.endsWith('.html') ? htmlText(text) : text]];
}

// Markup and styles are not what a reader sees; the class check above looks at the markup.
function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|lt|gt|quot|nbsp);/g, ' ')
    .concat(' ', (html.match(/class="[^"]*"/g) ?? []).join(' '));
}
