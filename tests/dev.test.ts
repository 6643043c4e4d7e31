import { spawn, type ChildProcess } from 'node:child_process';
import { get, type IncomingMessage } from 'node:http';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectDir } from './helpers/cli.js';

// The printed HTML hyphenates words with soft hyphens: compare text without them.
const pageText = (page: Page) => page.evaluate(() => document.body.innerText.replace(/\u00ad/g, ''));

describe('npm run dev', () => {
  let dir: string;
  let content: string;
  let out: string;
  let server: ChildProcess;
  let log = '';
  let browser: Browser;
  let page: Page;

  /** Resolves once the server's terminal output matches `pattern` (after `from`). */
  const logged = (pattern: RegExp, from = 0) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const found = pattern.exec(log.slice(from));
        if (!found) return false;
        server.stderr?.off('data', look);
        resolve(found[0]);
        return true;
      };
      if (look()) return;
      server.stderr?.on('data', look);
      server.once('exit', () => reject(new Error(`the dev server stopped:\n${log}`)));
    });

  const edit = async (file: string, change: (text: string) => string) => {
    const path = join(content, file);
    await writeFile(path, change(await readFile(path, 'utf8')));
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casebook-dev-'));
    content = join(dir, 'content');
    out = join(dir, 'out');
    await cp(join(projectDir, 'tests/fixtures/workflow-course'), content, { recursive: true });
    // Node itself, not npx: Ctrl-C (SIGINT) must reach the dev server.
    server = spawn(process.execPath, ['scripts/casebook.mjs', 'dev', '--content', content, '--out', out, '--port', '0'], {
      cwd: projectDir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) server.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('serves an index of the editions on localhost once built', async () => {
    const url = await logged(/http:\/\/localhost:\d+\//);
    // In French, as the build's own summary writes its seconds.
    await logged(/Construit en \d+,\d s\./);
    await page.goto(url);
    const links = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/student/html/pack-apprenant.html', '/trainer/html/pack-formateur.html', '/student/pack-apprenant.pdf', '/trainer/cas-1-gamma.pdf']));
  });

  it('reloads the open page with the new text when a case changes', async () => {
    await page.click('a[href="/student/html/pack-apprenant.html"]');
    await page.waitForFunction(() => document.body.innerText.replace(/\u00ad/g, '').includes('PREMIERTEXTE'));
    // The written edition stays script-free: only the served copy listens for reloads.
    expect(await readFile(join(out, 'student/html/pack-apprenant.html'), 'utf8')).not.toContain('<script');
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    await page.evaluate(() => Object.assign(window, { beforeEdit: true }));
    // What the terminal had said when each reload was sent.
    const said: string[] = [];
    const from = log.length;
    const events = await new Promise<IncomingMessage>((resolve) => get(new URL('/__casebook/events', page.url()), resolve));
    events.on('data', (chunk: Buffer) => chunk.toString().includes('data: reload') && said.push(log.slice(from)));

    // The version the page shows, as its reload script tells the server.
    const shownVersion = () => Number(/\?v=(\d+)"/.exec(document.querySelector('script')?.textContent ?? '')?.[1]);
    const before = await page.evaluate(shownVersion);
    await edit('cases/cas-1-gamma.md', (text) => text.replace('PREMIERTEXTE', 'TEXTEMODIFIE'));
    // The page reloads once the new text is laid out, before the PDFs are printed, then again once they are.
    await logged(/Construit en/, from);
    await vi.waitFor(() => expect(said).toHaveLength(2));
    events.destroy();
    expect(said[0]).not.toMatch(/Construit en/);
    // Read once the page shows the last version (once or twice reloaded: a reload sent while it loads
    // is told again as it connects); read between two reloads, it is gone under the reader.
    await page.waitForFunction(`(${shownVersion.toString()})() === ${before + 2}`, { timeout: 90_000, polling: 250 });
    expect(await pageText(page)).toContain('TEXTEMODIFIE');
    expect(await page.evaluate(() => 'beforeEdit' in window)).toBe(false);
    expect(await pageText(page)).not.toContain('PREMIERTEXTE');
    // A page that missed a reload while loading (it shows an older version) is told as it connects.
    const late = await new Promise<IncomingMessage>((resolve) => get(new URL('/__casebook/events?v=0', page.url()), resolve));
    const first = await new Promise<string>((resolve) => late.on('data', (chunk: Buffer) => chunk.toString().includes('data:') && resolve(chunk.toString())));
    late.destroy();
    expect(first).toContain('data: reload');
  });

  it('shows a build error with its file in the page and the terminal, and keeps serving', async () => {
    const from = log.length;
    await edit('cases/cas-1-gamma.md', (text) => text.replace('id: gamma', 'id: [gamma'));
    const banner = await page.waitForSelector('#casebook-build-error', { timeout: 90_000 });
    const error = await banner!.evaluate((e) => (e as HTMLElement).innerText);
    expect(error).toMatch(/cases\/cas-1-gamma\.md:\d+(:\d+)? — YAML invalide/);
    expect(log.slice(from)).toMatch(/cases\/cas-1-gamma\.md:\d+(:\d+)? — YAML invalide/);
    // The last good version stays visible under the error.
    expect(await pageText(page)).toContain('TEXTEMODIFIE');

    await edit('cases/cas-1-gamma.md', (text) => text.replace('id: [gamma', 'id: gamma'));
    await page.waitForFunction(() => !document.querySelector('#casebook-build-error'), { timeout: 90_000, polling: 250 });
  });

  it('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(log).toContain('Aperçu arrêté.');
    expect(log).not.toMatch(/^ {4}at /m);
  });
});
