import { existsSync } from 'node:fs';
import { BrowserError } from '../errors.js';
import { format } from '../i18n/index.js';

export interface FoundBrowser {
  path: string;
  origin: 'PUPPETEER_EXECUTABLE_PATH' | 'puppeteer' | 'system';
}

const systemBrowsers = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
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
  const system = systemBrowsers.find(exists);
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
