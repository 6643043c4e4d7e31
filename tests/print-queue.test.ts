import { describe, expect, it } from 'vitest';
import { PrintQueue } from '../src/print/queue.js';

/** A task that records when it runs, and ends when told. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { open, done };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the print queue', () => {
  it('runs at most its limit at once, the highest priority first among those asking together', async () => {
    const queue = new PrintQueue(2);
    const started: string[] = [];
    const gates = new Map(['short', 'long', 'middle', 'last'].map((name) => [name, gate()]));
    const priorities: Record<string, number> = { short: 1, long: 100, middle: 50, last: 0 };
    const runs = [...gates].map(([name, g]) => queue.run(priorities[name]!, async () => {
      started.push(name);
      await g.done;
    }));
    await tick();
    await tick();
    expect(started).toEqual(['long', 'middle']);
    gates.get('long')!.open();
    await tick();
    await tick();
    expect(started).toEqual(['long', 'middle', 'short']);
    for (const g of gates.values()) g.open();
    await Promise.all(runs);
    expect(started).toEqual(['long', 'middle', 'short', 'last']);
  });

  it('keeps one slot free while other work holds a page, and gives it back once that work settles', async () => {
    const queue = new PrintQueue(2);
    const aside = gate();
    queue.narrowWhile(aside.done);
    let running = 0;
    let most = 0;
    const hold = gate();
    const runs = [1, 2, 3].map(() => queue.run(0, async () => {
      most = Math.max(most, ++running);
      await hold.done;
      running--;
    }));
    await tick();
    await tick();
    expect(running).toBe(1);
    aside.open();
    await aside.done;
    await tick();
    await tick();
    expect(running).toBe(2);
    hold.open();
    await Promise.all(runs);
    expect(most).toBe(2);
  });

  it('frees the slot of a task that failed', async () => {
    const queue = new PrintQueue(1);
    await expect(queue.run(0, () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    await expect(queue.run(0, async () => 'next')).resolves.toBe('next');
  });
});
