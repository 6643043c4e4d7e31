import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WordedError } from '../errors.js';
import { format } from '../i18n/index.js';
import { projectDir } from '../project.js';

type Reply = { id: number; pages: string[]; error?: undefined } | { id: number; error: string };

/**
 * Reads PDFs' text in one worker thread per process (src/verify/pdf-text-worker.mjs), started on
 * first use: a rebuild whose checks all come from the cache never loads pdfjs. The worker stays
 * for the next build (`npm run dev`) without keeping the process alive.
 */
class PdfTextReader {
  private readonly worker = new Worker(join(projectDir, 'src/verify/pdf-text-worker.mjs'));
  private readonly pending = new Map<number, { resolve: (pages: string[]) => void; reject: (error: Error) => void }>();
  private next = 0;

  constructor(onGone: () => void) {
    this.worker.on('message', (reply: Reply) => {
      const request = this.pending.get(reply.id);
      this.settled(reply.id);
      if (reply.error !== undefined) request?.reject(new WordedError((d) => format(d.errors.pdfUnreadable, { reason: String(reply.error) })));
      else request?.resolve(reply.pages);
    });
    const fail = (error: Error) => {
      onGone();
      for (const [id, request] of this.pending) {
        this.settled(id);
        request.reject(error);
      }
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new WordedError((d) => format(d.errors.pdfReaderStopped, { code }))));
    // Last: adding a message listener holds the process again.
    this.worker.unref();
  }

  /** The text of each page, as a reader's copy-paste would give it. */
  read(bytes: Uint8Array): Promise<string[]> {
    const id = this.next++;
    // Waiting for an answer keeps the process alive; an idle worker does not.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A copy of its own to hand over: a Buffer's slice() shares its memory, which the transfer would take from the caller.
      const copy = new Uint8Array(bytes);
      this.worker.postMessage({ id, bytes: copy }, [copy.buffer]);
    });
  }

  private settled(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }
}

let reader: PdfTextReader | undefined;

function pdfReader(): PdfTextReader {
  reader ??= new PdfTextReader(() => (reader = undefined));
  return reader;
}

/** Starts the reader now, in its thread, for a build that will read PDFs back. */
export function startPdfReader(): void {
  pdfReader();
}

export function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  return pdfReader().read(bytes);
}
