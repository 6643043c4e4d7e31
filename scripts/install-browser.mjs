// Runs after `npm ci`: fetches Puppeteer's own browser like Puppeteer's postinstall would, but a
// machine that cannot download it (offline, CI) only gets a note; the build then uses
// PUPPETEER_EXECUTABLE_PATH or a system Chromium/Chrome (see README, "The browser").
import { execFileSync } from 'node:child_process';

if (process.env.PUPPETEER_SKIP_DOWNLOAD || process.env.PUPPETEER_EXECUTABLE_PATH) process.exit(0);
try {
  execFileSync(process.execPath, ['node_modules/puppeteer/lib/cjs/puppeteer/node/cli.js', 'browsers', 'install', 'chrome-headless-shell'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 300_000,
  });
} catch {
  console.warn(
    'casebook: Puppeteer’s browser could not be downloaded; the build will look for a system Chromium/Chrome.\n' +
      '          Install one (Debian/Ubuntu: sudo apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH.',
  );
}
