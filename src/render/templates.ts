import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { format, labels } from '../i18n/index.js';

export type Template = (context: object) => string;
export type Templates = Record<string, Template>;

/**
 * Compiles `templates/*.hbs` with the partials of `templates/partials/`, in a Handlebars
 * environment of their own so that two builds never share helpers or partials.
 */
export async function loadTemplates(dir: string, lang: string): Promise<Templates> {
  const hbs = Handlebars.create();
  registerHelpers(hbs, lang);
  for (const name of await hbsFiles(join(dir, 'partials'))) {
    hbs.registerPartial(basename(name, '.hbs'), await readFile(join(dir, 'partials', name), 'utf8'));
  }
  const templates: Templates = {};
  for (const name of await hbsFiles(dir)) {
    const source = await readFile(join(dir, name), 'utf8');
    if (name === 'layout.hbs') hbs.registerPartial('layout', source);
    else templates[basename(name, '.hbs')] = hbs.compile(source, { strict: false, noEscape: false });
  }
  return templates;
}

async function hbsFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.endsWith('.hbs')).sort();
}

function registerHelpers(hbs: typeof Handlebars, lang: string): void {
  // A label with placeholders: {{t "minutesPerGroup" minutes=5}}.
  hbs.registerHelper('t', (key: string, options: Handlebars.HelperOptions) =>
    format(String((labels(lang) as unknown as Record<string, unknown>)[key] ?? key), options.hash as Record<string, string>),
  );
  hbs.registerHelper('cssString', (text: unknown) => new hbs.SafeString(cssString(String(text ?? ''))));
}

/** A CSS string literal for `content:`, from plain text. */
export function cssString(text: string): string {
  // `<` is escaped too: the string sits inside a <style> element.
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3C ').replace(/\s+/g, ' ')}"`;
}

/** `page {page} / {total}` as a CSS `content` value with page counters. */
export function pageCounterCss(template: string): string {
  return template
    .split(/(\{page\}|\{total\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{total}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}
