import { inflateRawSync } from 'node:zlib';
import { Cache } from '../cache/cache.js';
import { ContentError, type Problem } from '../errors.js';
import { format, messages } from '../i18n/index.js';
import type { EditionName, Output } from '../model.js';
import { pdfPageTexts } from './pdf-text.js';
import { elementsWithClass, pageText, parseHtml } from '../render/html-tree.js';
import { type Fragment, FragmentFinder } from './fragments.js';
import type { PackedFile } from '../write/zip.js';
import { type ZipEntry, zipEntries } from './zip-entries.js';

/**
 * Reads back every student file as a student would get it (PDF text, HTML, Markdown, zip
 * entries) and fails the build if any trainer-only text is in it. Files are handed over as they
 * are made, so that a PDF is read while the next ones print; zips come last.
 */
export class LeakGuard {
  private readonly finder: FragmentFinder;
  private readonly fragmentsKey: string;
  private readonly problems: Problem[] = [];
  /** Files already read: a zip entry that is one of them is not read twice. */
  private readonly checked: AlreadyRead = { files: new Set(), bodies: [] };

  constructor(
    fragments: Fragment[],
    private readonly lang: string,
    private readonly cache = new Cache(undefined),
    /** The edition whose files are read back; the answer key may show its solutions, not trainer notes. */
    private readonly audience: EditionName = 'student',
  ) {
    this.finder = new FragmentFinder(fragments);
    this.fragmentsKey = Cache.key(...fragments.map((f) => `${f.kind}:${f.key}`));
  }

  /**
   * Reads one file back (trainer files are let through) and keeps what leaked. `packed`: the
   * file as the packs will hold it, so that a zip entry with that very body is not inflated.
   */
  async check(output: Output, packed?: Promise<PackedFile>): Promise<void> {
    if (output.audience !== this.audience || isFont(output.path)) return;
    const isZip = output.path.endsWith('.zip');
    if (!isZip) {
      this.checked.files.add(Cache.bytesKey(output.bytes));
      if (packed) this.checked.bodies.push(packed.then((p) => (p.compression === 8 ? Cache.bytesKey(p.body) : undefined), () => undefined));
    }
    const key = Cache.key('leak-v2', Cache.bytesKey(output.bytes), this.fragmentsKey, this.audience);
    if (await this.cache.get('verified', key)) return;
    const m = messages(this.lang);
    const found: Problem[] = [];
    for (const { file, text, markedClasses } of await readableTexts(output.path, output.bytes, isZip ? this.checked : undefined)) {
      const [leaked] = this.finder.in(text);
      if (leaked) found.push({ place: { file }, message: format(m.leak, { file, text: leaked.text.slice(0, 80) }) });
      // A trainer-only block that reached the markup would only be hidden by CSS, at best.
      // The answer key shows its solutions: only a trainer note's class is a leak there.
      const [marked] = markedClasses.filter((c) => this.audience !== 'answers' || /\btrainer-note\b/.test(c));
      if (marked) found.push({ place: { file }, message: format(m.leak, { file, text: `class="${marked}"` }) });
    }
    if (found.length === 0) this.cache.later(this.cache.put('verified', key, 'ok'));
    this.problems.push(...found);
  }

  /** Reads back the files not yet checked, zips last (their entries already read are skipped), and fails with every leak found. */
  async checkAll(outputs: Output[]): Promise<void> {
    const isZip = (o: Output) => o.path.endsWith('.zip');
    await Promise.all(outputs.filter((o) => !isZip(o)).map((o) => this.check(o)));
    for (const zip of outputs.filter(isZip)) await this.check(zip);
    if (this.problems.length > 0) throw new ContentError([...this.problems]);
  }
}

/** Checks a set of files at once. */
export function checkStudentOutputs(outputs: Output[], fragments: Fragment[], lang: string, cache?: Cache): Promise<void> {
  return new LeakGuard(fragments, lang, cache).checkAll(outputs);
}

interface Readable {
  file: string;
  /** What a reader sees. */
  text: string;
  /** The classes of trainer-only blocks found in an HTML file's elements. */
  markedClasses: string[];
}

interface AlreadyRead {
  /** Keys of the files' bytes. */
  files: Set<string>;
  /** Keys of the same files' deflated bodies in the packs. */
  bodies: Promise<string | undefined>[];
}

async function readableTexts(path: string, bytes: Uint8Array, read?: AlreadyRead): Promise<Readable[]> {
  if (path.endsWith('.pdf')) return [{ file: path, text: (await pdfPageTexts(bytes)).join('\n'), markedClasses: [] }];
  if (path.endsWith('.zip')) {
    const bodies = new Set(await Promise.all(read?.bodies ?? []));
    const entries = zipEntries(bytes).filter((entry) => !isFont(entry.name) && !(entry.compression === 8 && bodies.has(Cache.bytesKey(entry.body))));
    const unread = entries.map((entry) => ({ name: entry.name, data: inflated(entry) })).filter(({ data }) => !read?.files.has(Cache.bytesKey(data)));
    return (await Promise.all(unread.map(({ name, data }) => readableTexts(`${path}/${name}`, data, read)))).flat();
  }
  const text = new TextDecoder().decode(bytes);
  if (!path.endsWith('.html')) return [{ file: path, text, markedClasses: [] }];
  const tree = parseHtml(text);
  const marked = elementsWithClass(tree, trainerOnlyClasses).map((e) => (e.properties.className as string[]).join(' '));
  return [{ file: path, text: pageText(tree), markedClasses: marked }];
}

function inflated(entry: ZipEntry): Uint8Array {
  if (entry.compression === 0) return entry.body;
  if (entry.compression !== 8) throw new Error(`${entry.name}: zip compression ${entry.compression} is not read`);
  const data = inflateRawSync(entry.body);
  if (data.length !== entry.size) throw new Error(`${entry.name}: damaged zip entry`);
  return data;
}

/** The classes the renderer gives trainer-only blocks (src/render/remark-print-markup.ts). */
const trainerOnlyClasses = ['solution', 'trainer-note'];

// Font files are copied from node_modules, never made from the course.
function isFont(path: string): boolean {
  return path.endsWith('.woff2');
}

/** The guards of one build (the student edition's, the answer key's), where one guard is expected. */
export class LeakGuards {
  constructor(private readonly guards: LeakGuard[]) {}

  async check(output: Output, packed?: Promise<PackedFile>): Promise<void> {
    await Promise.all(this.guards.map((guard) => guard.check(output, packed)));
  }

  async checkAll(outputs: Output[]): Promise<void> {
    await Promise.all(this.guards.map((guard) => guard.checkAll(outputs)));
  }
}
