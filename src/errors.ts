import { dictionary, type Dictionary } from './i18n/index.js';
import type { Place } from './model.js';

export interface Problem {
  place: Place;
  message: string;
}

/** Errors in the trainer's content: the CLI prints them and exits 1. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
  }
}

/** Words for the reader, said in the language of whoever prints them. */
export type Wording = (d: Dictionary) => string;

/**
 * An error raised where the course's language is not known (the browser, the command line): its
 * message is worded when printed, in the language the command speaks. `message` is English.
 */
export class WordedError extends Error {
  private readonly wording: Wording;
  constructor(wording: Wording | string) {
    super(typeof wording === 'string' ? wording : wording(dictionary('en')));
    this.wording = typeof wording === 'string' ? () => wording : wording;
  }
  messageIn(lang: string): string {
    return this.wording(dictionary(lang));
  }
}

/** Wrong command-line use: exit 2. */
export class UsageError extends WordedError {
  override name = 'UsageError';
}

/** The browser could not be found, launched, or kept alive: exit 1. */
export class BrowserError extends WordedError {
  override name = 'BrowserError';
}

/** The build stopped on a signal: the previous output is kept. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
}

export function formatPlace(place: Place): string {
  if (place.line === undefined) return place.file;
  return place.column === undefined ? `${place.file}:${place.line}` : `${place.file}:${place.line}:${place.column}`;
}

export function formatProblem(problem: Problem): string {
  return `${formatPlace(problem.place)} — ${problem.message}`;
}

/** Collects problems across a stage so the trainer sees them all at once. */
export class Problems {
  readonly list: Problem[] = [];
  add(place: Place, message: string): void {
    this.list.push({ place, message });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ContentError(this.list);
  }
}
