import { InterruptedError } from '../errors.js';

export type StageName = 'load' | 'validate' | 'parse' | 'edition' | 'render' | 'diagrams' | 'print' | 'verify' | 'write';

/** A stage began or ended; stages that overlap (diagrams, print, verify) say so by their own events. */
export interface StageEvent {
  stage: StageName;
  phase: 'start' | 'end';
}

export type StageListener = (event: StageEvent) => void;

/**
 * Reports each stage's start and end, once each, and stops the build between stages once it is
 * aborted.
 */
export class Stages {
  private readonly started = new Set<StageName>();
  private readonly ended = new Set<StageName>();

  constructor(
    private readonly listener?: StageListener,
    private readonly signal?: AbortSignal,
  ) {}

  /** Marks the start of a stage (again: nothing); throws when the build was aborted. */
  start(stage: StageName): void {
    this.check();
    if (this.started.has(stage)) return;
    this.started.add(stage);
    this.listener?.({ stage, phase: 'start' });
  }

  end(stage: StageName): void {
    if (this.ended.has(stage) || !this.started.has(stage)) return;
    this.ended.add(stage);
    this.listener?.({ stage, phase: 'end' });
  }

  /** Stops the build here once it was aborted. */
  check(): void {
    if (this.signal?.aborted) throw new InterruptedError('interrupted');
  }

  /** Runs one stage from start to end; its end is reported whether it succeeds or not. */
  async run<T>(stage: StageName, work: () => T | Promise<T>): Promise<T> {
    this.start(stage);
    try {
      return await work();
    } finally {
      this.end(stage);
    }
  }
}
