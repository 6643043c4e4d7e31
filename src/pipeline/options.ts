import { defaultDirs } from '../project.js';
import type { Output } from '../model.js';
import type { BrowserSession } from '../print/browser-session.js';
import type { StageListener } from './stages.js';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  templatesDir?: string;
  stylesDir?: string;
  /** Where drawn diagrams and printed pages are kept between builds; none with `--no-cache`. */
  cacheDir?: string;
  /** Seconds since 1970 for every date the build writes (reproducible builds). */
  sourceDateEpoch?: number;
  onStage?: StageListener;
  onPrinted?: (path: string, fromCache: boolean, done: number, total: number) => void;
  signal?: AbortSignal;
  /** The trainer's grades (scores sheets, filled grids); `grades/` beside the content folder by default. */
  gradesDir?: string;
  /** A browser kept from one build to the next (`npm run dev`); otherwise each build opens and closes its own. */
  session?: BrowserSession;
  /**
   * The HTML editions as soon as their diagrams are drawn, read back by the leak guard, before
   * anything is printed (`npm run dev` shows them at once). Their contents have no page numbers yet.
   */
  onPreview?: (files: Output[]) => void;
}

export { defaultDirs };

/** What the stages from reading to rendering need, shared by every command. */
export type CourseOptions = Pick<BuildOptions, 'contentDir' | 'templatesDir' | 'stylesDir' | 'sourceDateEpoch'>;

/** The options with every default filled, resolved once for every stage. */
export interface CourseSettings {
  contentDir: string;
  templatesDir: string;
  stylesDir: string;
  /** The date the build prints and stamps. */
  date: Date;
}

export function resolveOptions(options: CourseOptions, now = new Date()): CourseSettings {
  return {
    contentDir: options.contentDir,
    templatesDir: options.templatesDir ?? defaultDirs.templates,
    stylesDir: options.stylesDir ?? defaultDirs.styles,
    // Without SOURCE_DATE_EPOCH, the day of the build: rebuilds the same day give the same bytes.
    date: options.sourceDateEpoch !== undefined ? new Date(options.sourceDateEpoch * 1000) : startOfDay(now),
  };
}

/**
 * The trainer's calendar day (their clock's, not UTC's: a build at half past midnight in Paris is
 * dated that day), as midnight UTC, which is how dates are printed.
 */
export function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
