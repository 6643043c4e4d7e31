import { existsSync } from 'node:fs';
import { BrowserError } from '../errors.js';
import { format } from '../i18n/index.js';

export interface FoundBrowser {
  path: string;
  origin: 'PUPPETEER_EXECUTABLE_PATH' | 'puppeteer' | 'system';
}

// Chromium as distributions package it: @puppeteer/browsers knows only Google Chrome's places.
// Debian's headless shell first: the browser Puppeteer downloads elsewhere, and lighter than the
// whole of Chromium (half its browser process's CPU, no network or storage process: a cold build
// ~1 CPU-second less, a 50-case build's peak memory 130 MB less).
const systemChromium = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The browser to print with: the one the trainer names, Puppeteer's own, or the system's. */
export async function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): Promise<FoundBrowser> {
  const named = env.PUPPETEER_EXECUTABLE_PATH;
  if (named) {
    if (!exists(named)) throw new BrowserError((d) => `${format(d.errors.browserPathMissing, { path: named })}\n${d.errors.noBrowser}`);
    return { path: named, origin: 'PUPPETEER_EXECUTABLE_PATH' };
  }
  const own = await puppeteerBrowser(exists);
  if (own) return { path: own, origin: 'puppeteer' };
  const system = systemChromium.find(exists) ?? (await systemChrome(exists));
  if (system) return { path: system, origin: 'system' };
  throw new BrowserError((d) => d.errors.noBrowser);
}

// Puppeteer knows where its download would be, even when none was made.
async function puppeteerBrowser(exists: (path: string) => boolean): Promise<string | undefined> {
  const { default: puppeteer } = await import('puppeteer');
  const candidates = [
    () => puppeteer.executablePath({ headless: 'shell' }),
    () => puppeteer.executablePath(),
  ];
  for (const candidate of candidates) {
    try {
      const path = candidate();
      if (path && exists(path)) return path;
    } catch {
      // No download configured for this browser: try the next one.
    }
  }
  return undefined;
}

/** An installed Google Chrome, any channel, where @puppeteer/browsers knows each platform puts it. */
async function systemChrome(exists: (path: string) => boolean): Promise<string | undefined> {
  const { Browser, ChromeReleaseChannel, computeSystemExecutablePath } = await import('@puppeteer/browsers');
  for (const channel of [ChromeReleaseChannel.STABLE, ChromeReleaseChannel.BETA, ChromeReleaseChannel.DEV, ChromeReleaseChannel.CANARY]) {
    try {
      const path = computeSystemExecutablePath({ browser: Browser.CHROME, channel });
      if (exists(path)) return path;
    } catch {
      // Not installed in this channel, or no such channel on this platform.
    }
  }
  return undefined;
}
