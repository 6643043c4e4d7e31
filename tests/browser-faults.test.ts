import { afterAll, describe, expect, it } from 'vitest';
import { BrowserError } from '../src/errors.js';
import { BrowserSession } from '../src/print/browser-session.js';
import { withRetry } from '../src/print/retry.js';

const session = new BrowserSession();
afterAll(() => session.close());

describe('browser faults', () => {
  it('prints again once when the page crashed under it', async () => {
    let attempts = 0;
    const pdf = await withRetry(() =>
      session.withPage({ javaScript: false }, async (page) => {
        attempts++;
        if (attempts === 1) await page.goto('chrome://crash');
        await page.setContent('<p>ok</p>');
        return page.pdf();
      }),
    );
    expect(attempts).toBe(2);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives up with a clear message when it fails again', async () => {
    const crash = () => session.withPage({ javaScript: false }, (page) => page.goto('chrome://crash'));
    const error = await withRetry(crash).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserError);
    // Worded in the language of the course being built, when the command prints it.
    expect((error as BrowserError).messageIn('fr')).toMatch(/^L’impression a échoué deux fois : /);
    expect((error as BrowserError).messageIn('en')).toMatch(/^Printing failed twice: /);
  });

  it('does not retry a mistake of its own', async () => {
    let attempts = 0;
    const fail = () => {
      attempts++;
      return Promise.reject(new TypeError('not a browser problem'));
    };
    await expect(withRetry(fail)).rejects.toThrow(TypeError);
    expect(attempts).toBe(1);
  });
});
