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

/** Wrong command-line use: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The browser could not be found, launched, or kept alive: exit 1. */
export class BrowserError extends Error {
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
