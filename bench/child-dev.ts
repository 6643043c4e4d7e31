// `npm run dev`'s case: one process, one browser kept from one build to the next. Builds once
// (browser started, cache filled), then times `edits` rebuilds, each after appending a sentence to
// a case's statement. Argument: JSON { contentDir, outDir, cacheDir, edits }. Prints one JSON line.
import { build, pageAssets } from '../src/build.js';
import { BrowserSession } from '../src/print/browser-session.js';
import { fontFiles } from '../src/render/fonts.js';
import { editOneCase } from './lib/courses.js';

const args = JSON.parse(process.argv[2]!) as { contentDir: string; outDir: string; cacheDir: string; edits: number };
const session = new BrowserSession(pageAssets(await fontFiles()));
const options = { contentDir: args.contentDir, outDir: args.outDir, cacheDir: args.cacheDir, sourceDateEpoch: 1_700_000_000, session };
const rebuildsMs: number[] = [];
try {
  await build(options);
  for (let i = 0; i < args.edits; i++) {
    await editOneCase(args.contentDir);
    const start = performance.now();
    await build(options);
    rebuildsMs.push(performance.now() - start);
  }
} finally {
  await session.close();
}
process.stdout.write(`${JSON.stringify({ rebuildsMs })}\n`);
