/**
 * Runs at most `limit` print tasks at once, one fewer while other work holds a page of its own
 * (`narrowWhile`, Mermaid's drawing), so that the browser never holds more pages (processes,
 * memory) than slots. A freed slot goes to the waiting task of highest priority. Slots are handed
 * out a moment after they are asked for, so that tasks asking together are ordered: printing the
 * longest documents first keeps every slot busy until the end.
 */
export class PrintQueue {
  private active = 0;
  private narrowed = 0;
  private scheduled = false;
  private readonly waiting: { priority: number; start: () => void }[] = [];

  constructor(private readonly limit: number) {}

  /** One slot fewer until `work` settles. */
  narrowWhile(work: Promise<unknown>): void {
    this.narrowed++;
    const widen = () => {
      this.narrowed--;
      this.dispatch();
    };
    work.then(widen, widen);
  }

  async run<R>(priority: number, task: () => Promise<R>): Promise<R> {
    await new Promise<void>((start) => {
      this.waiting.push({ priority, start });
      this.dispatch();
    });
    try {
      return await task();
    } finally {
      this.active--;
      this.dispatch();
    }
  }

  private dispatch(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.sort((a, b) => b.priority - a.priority);
      const slots = Math.max(1, this.limit - this.narrowed);
      for (; this.active < slots && this.waiting.length > 0; this.active++) this.waiting.shift()!.start();
    });
  }
}
