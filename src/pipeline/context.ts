import { Cache } from '../cache/cache.js';
import type { Output, RawCourse } from '../model.js';
import type { BrowserSession } from '../print/browser-session.js';
import { Printer } from '../print/printer.js';
import type { FontFile } from '../render/fonts.js';
import type { LeakGuard, LeakGuards } from '../verify/leak-guard.js';
import { startPdfReader } from '../verify/pdf-text.js';
import { Deflated } from '../write/zip.js';
import type { BuildOptions, CourseSettings } from './options.js';
import type { Stages } from './stages.js';

/**
 * What one build shares between its documents: the cache, the browser session and its print
 * queue, the fonts, the deflater for the packs, and (once the course is known) the leak guard.
 */
export class BuildContext {
  readonly cache: Cache;
  readonly printer: Printer;
  readonly deflated: Deflated;
  private sourcesKey = '';
  private printed = 0;

  constructor(
    readonly options: BuildOptions,
    readonly settings: CourseSettings,
    readonly stages: Stages,
    readonly session: BrowserSession,
    readonly fonts: FontFile[],
  ) {
    this.cache = new Cache(options.cacheDir);
    this.printer = new Printer(session, this.cache);
    this.deflated = new Deflated(this.cache);
  }

  /**
   * A course unlike the last one built almost always prints something: Chromium and the PDF
   * reader (a thread of its own) start now, while the course is rendered, instead of after.
   */
  async warmUp(sources: RawCourse): Promise<void> {
    const texts = [sources.course, ...sources.cases].flatMap((s) => [s.file, s.text]);
    this.sourcesKey = Cache.key('sources-v1', ...texts, this.settings.templatesDir, this.settings.stylesDir);
    if (await this.cache.get('built', this.sourcesKey)) return;
    this.session.start();
    startPdfReader();
  }

  /** Remembered for the next build's warm-up, once the output is written; the cache is pruned then. */
  async built(): Promise<void> {
    await this.cache.put('built', this.sourcesKey, 'ok');
    await this.cache.prune();
  }

  /** Progress, document by document. */
  reportPrinted(path: string, fromCache: boolean, total: number): void {
    this.options.onPrinted?.(path, fromCache, ++this.printed, total);
  }

  /** Compressed for the packs and read back by the guard as soon as they are made. */
  async made(files: Output[], guard: LeakGuard | LeakGuards): Promise<Output[]> {
    this.stages.start('verify');
    await Promise.all(files.map((file) => guard.check(file, this.deflated.file(file))));
    return files;
  }

  /** Chromium shuts down while the packs are made and checked, unless the session outlives the build (`npm run dev`). */
  releaseBrowser(): void {
    if (!this.options.session) void this.session.close();
  }
}
