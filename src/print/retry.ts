import { BrowserError } from '../errors.js';
import { format } from '../i18n/index.js';

/** Runs `run` again once when the browser failed under it, then gives up with a clear message. */
export async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (first) {
    if (!isBrowserFault(first)) throw first;
    try {
      return await run();
    } catch (error) {
      throw new BrowserError((d) => format(d.errors.printFailedTwice, { reason: (error as Error).message.split('\n')[0] ?? '' }));
    }
  }
}

// A crashed or hung page is worth one more try; a bug in our own code is not.
function isBrowserFault(error: unknown): boolean {
  return error instanceof Error && /Target closed|crash|timeout|Timed out|Session closed|Protocol error|detached/i.test(error.message);
}
