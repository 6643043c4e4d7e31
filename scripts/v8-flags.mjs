// V8 settings for the commands that build (`build`, `dev`, `grade`), set by scripts/casebook.mjs
// before it loads the build. Not on `node`'s command line in package.json: there a flag the
// running V8 does not know stops Node before it starts ("bad option"), and V8 12 (Node 22)
// replaced `--interrupt-budget` with invocation counts. Set at run time, before the build's code
// is loaded, they act as on the command line (same CPU on a cold build, measured on Node 20).
import { setFlagsFromString } from 'node:v8';

/**
 * - A heap that grows by 30 % rather than doubling before V8 collects: a build keeps little
 *   alive, and a 50-case build passed 1 GiB with the default.
 * - Optimizing compilers for the functions that run long only (15 times V8's default threshold):
 *   a build is a short process, and compiling the hundreds of functions that run for a moment
 *   (parsers, tokenizers) cost more CPU in background threads, beside Chromium on two cores, than
 *   it saved the main thread.
 * @param {string} v8Version `process.versions.v8` of the Node that runs the command
 * @returns {string[]}
 */
export function buildV8Flags(v8Version = process.versions.v8) {
  const major = Number(v8Version.split('.')[0]);
  const tiering =
    major >= 12
      ? ['--invocation-count-for-turbofan=45000', '--invocation-count-for-osr=7500', '--invocation-count-for-maglev=6000', '--invocation-count-for-maglev-osr=1500']
      : ['--interrupt-budget=1000000'];
  return ['--heap-growing-percent=30', ...tiering];
}

/** Applies `buildV8Flags()` to the running V8; only code loaded afterwards is sure to follow them. */
export function tuneV8ForBuild() {
  for (const flag of buildV8Flags()) setFlagsFromString(flag);
}
