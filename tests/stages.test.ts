import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../src/errors.js';
import { resolveOptions } from '../src/pipeline/options.js';
import { Stages, type StageEvent } from '../src/pipeline/stages.js';

describe('stage events', () => {
  it('reports each stage’s start and end once, overlapping stages each on their own', async () => {
    const events: string[] = [];
    const stages = new Stages((e: StageEvent) => events.push(`${e.phase} ${e.stage}`));
    await stages.run('load', () => 'files');
    stages.start('diagrams');
    stages.start('print');
    stages.start('print');
    stages.end('diagrams');
    stages.end('print');
    stages.end('print');
    stages.end('verify');
    expect(events).toEqual(['start load', 'end load', 'start diagrams', 'start print', 'end diagrams', 'end print']);
  });

  it('ends a stage that failed', async () => {
    const events: string[] = [];
    const stages = new Stages((e) => events.push(`${e.phase} ${e.stage}`));
    await expect(stages.run('parse', () => Promise.reject(new Error('bad')))).rejects.toThrow('bad');
    expect(events).toEqual(['start parse', 'end parse']);
  });

  it('stops between stages once the build is aborted', () => {
    const abort = new AbortController();
    const stages = new Stages(undefined, abort.signal);
    stages.start('load');
    abort.abort();
    expect(() => stages.start('validate')).toThrow(InterruptedError);
    expect(() => stages.check()).toThrow(InterruptedError);
  });
});

describe('options', () => {
  it('fills every default once: folders, and the date from SOURCE_DATE_EPOCH or the day of the build', () => {
    const now = new Date(Date.UTC(2026, 1, 3, 15, 30));
    const fixed = resolveOptions({ contentDir: 'c', sourceDateEpoch: 1_700_000_000 }, now);
    expect(fixed.date.getTime()).toBe(1_700_000_000_000);
    expect(fixed.templatesDir).toMatch(/templates$/);
    expect(fixed.stylesDir).toMatch(/styles$/);
    expect(resolveOptions({ contentDir: 'c', templatesDir: 't' }, now)).toMatchObject({ templatesDir: 't', date: new Date(Date.UTC(2026, 1, 3)) });
  });
});
