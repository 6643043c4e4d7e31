// @ts-check
// The leak guard's PDF reader, in a worker thread: pdfjs takes a third of a second to load and
// reads a page in a few milliseconds, work that would otherwise hold up the main thread while it
// drives Chromium. Plain JavaScript, so that Node runs it as it is from src/ (tests) and beside a
// compiled command alike. Messages: { id, bytes } in; { id, pages } or { id, error } out.
import { createRequire, Module } from 'node:module';
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('pdf-text-worker.mjs runs as a worker thread');
const port = parentPort;
// Before pdfjs loads (see withNativePush).
const nativePush = Array.prototype.push;

withoutCanvas();

// The worker module, imported first, registers itself: pdfjs then reads in this thread at once.
const pdfjs = import('pdfjs-dist/legacy/build/pdf.worker.min.mjs')
  .then(() => import('pdfjs-dist/legacy/build/pdf.mjs'))
  .then((module) => {
    withNativePush();
    return module;
  });

/**
 * The legacy build (the one Node 20 can run) brings core-js, which replaces `Array.prototype.push`
 * with a function of its own in JavaScript, for lengths past 2³² that no PDF reaches. pdfjs pushes
 * for every glyph it reads: V8's own push again, in this thread only, takes a tenth off its time.
 */
function withNativePush() {
  Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
}

port.on('message', async (/** @type {{ id: number, bytes: Uint8Array }} */ { id, bytes }) => {
  try {
    const { getDocument } = await pdfjs;
    const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const pages = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        // As a reader's copy-paste gives it.
        pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      }
      port.postMessage({ id, pages });
    } finally {
      await doc.destroy();
    }
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

/**
 * pdfjs loads @napi-rs/canvas (a 33 MB native library) for what drawing pages needs; reading
 * their text needs none of it. An empty module in its place, and empty classes for the three it
 * would lend, halve pdfjs's loading time.
 */
function withoutCanvas() {
  const require = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  let path;
  try {
    path = require.resolve('@napi-rs/canvas');
  } catch {
    // Not installed on this platform: pdfjs does without it.
  }
  if (path) {
    const empty = new Module(path);
    empty.filename = path;
    empty.loaded = true;
    require.cache[path] = empty;
  }
  for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) {
    // @ts-ignore -- only to stop pdfjs from looking for them
    globalThis[name] ??= class {};
  }
}
