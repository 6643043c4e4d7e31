// The "do it by hand" pipeline on the same course: casebook's own Markdown → HTML rendering,
// then one `mmdc` process per diagram, then a fresh browser per PDF (launch, setContent, pdf,
// close), one document after the other. Argument: JSON { contentDir, workDir, chromium, args }.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer';
import { defaultDirs } from '../src/build.js';
import { drawingOf, fillDiagrams, type Drawing } from '../src/diagrams/draw-diagrams.js';
import { selectEditions } from '../src/edition/select-edition.js';
import { loadCourse } from '../src/load/load-course.js';
import { parseCourse } from '../src/parse/parse-course.js';
import { renderDocuments } from '../src/render/render-documents.js';
import { buildCss } from '../src/render/styles.js';
import { loadTemplates } from '../src/render/templates.js';
import { validateCourse } from '../src/validate/validate-course.js';

const run = promisify(execFile);
const opts = JSON.parse(process.argv[2]!) as { contentDir: string; workDir: string; chromium: string; args: string[] };
await mkdir(opts.workDir, { recursive: true });

let t = performance.now();
const { course } = parseCourse(validateCourse(await loadCourse(opts.contentDir)));
const [templates, css] = await Promise.all([loadTemplates(defaultDirs.templates, course.lang), buildCss(defaultDirs.styles)]);
const docs = renderDocuments({ course, editions: selectEditions(course).editions, contentDir: opts.contentDir, templates, css, buildDate: new Date(0) });
const renderMs = performance.now() - t;

t = performance.now();
const puppeteerConfig = join(opts.workDir, 'puppeteer.json');
await writeFile(puppeteerConfig, JSON.stringify({ executablePath: opts.chromium, args: opts.args }));
const diagrams = [...new Map(docs.flatMap((d) => d.diagrams).map((d) => [d.id, d])).values()];
const svgs = new Map<string, Drawing>();
for (const d of diagrams) {
  const input = join(opts.workDir, `${d.id}.mmd`);
  const output = join(opts.workDir, `${d.id}.svg`);
  await writeFile(input, d.source);
  await run(join(process.cwd(), 'node_modules/.bin/mmdc'), ['-q', '-t', 'neutral', '-p', puppeteerConfig, '-i', input, '-o', output]);
  svgs.set(d.id, drawingOf((await readFile(output, 'utf8')).replace(/^<\?xml[^>]*>\s*/, '')));
}
const mmdcMs = performance.now() - t;

t = performance.now();
for (const [i, doc] of docs.entries()) {
  const browser = await puppeteer.launch({ executablePath: opts.chromium, headless: true, args: opts.args });
  const page = await browser.newPage();
  await page.setContent(fillDiagrams(doc, svgs), { waitUntil: 'load' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
  await writeFile(join(opts.workDir, `doc-${i}.pdf`), pdf);
  await browser.close();
}
const printMs = performance.now() - t;

process.stdout.write(`${JSON.stringify({ renderMs, mmdcMs, printMs, diagrams: diagrams.length, documents: docs.length })}\n`);
