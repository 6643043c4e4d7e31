import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { Cache } from '../cache/cache.js';
import { format, labels } from '../i18n/index.js';
import { isHiddenFile } from '../load/read-source.js';
import { gridFieldHref } from '../forms/field-names.js';

export type Template = (context: object) => string;
export type Templates = Record<string, Template>;

/**
 * Compiles `templates/*.hbs` with the partials of `templates/partials/`, in a Handlebars
 * environment of their own so that two builds never share helpers or partials.
 */
export async function loadTemplates(dir: string, lang: string, cache = new Cache(undefined)): Promise<Templates> {
  const hbs = Handlebars.create();
  registerHelpers(hbs, lang);
  const compile = (name: string) => readFile(name, 'utf8').then((source) => compiled(hbs, source, cache));
  const [partials, pages] = await Promise.all([hbsFiles(join(dir, 'partials')), hbsFiles(dir)]);
  await Promise.all(partials.map(async (name) => hbs.registerPartial(basename(name, '.hbs'), await compile(join(dir, 'partials', name)))));
  const templates: Templates = {};
  await Promise.all(
    pages.map(async (name) => {
      const template = await compile(join(dir, name));
      if (name === 'layout.hbs') hbs.registerPartial('layout', template);
      else templates[basename(name, '.hbs')] = template;
    }),
  );
  return templates;
}

/**
 * A template, compiled once and kept in the cache: Handlebars' compiler costs a tenth of a
 * second per build, loading what it wrote a few milliseconds.
 */
async function compiled(hbs: typeof Handlebars, source: string, cache: Cache): Promise<Handlebars.TemplateDelegate> {
  const key = Cache.key('handlebars-v1', Handlebars.VERSION, source);
  let spec = (await cache.get('templates', key))?.toString('utf8');
  if (!spec) {
    spec = String(hbs.precompile(source, { strict: false, noEscape: false }));
    await cache.put('templates', key, spec);
  }
  // The code Handlebars wrote for this template, from the source above.
  return hbs.template(new Function(`return ${spec};`)());
}

async function hbsFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.endsWith('.hbs') && !isHiddenFile(n)).sort();
}

function registerHelpers(hbs: typeof Handlebars, lang: string): void {
  // A label with placeholders: {{t "minutesPerGroup" minutes=5}}.
  hbs.registerHelper('t', (key: string, options: Handlebars.HelperOptions) =>
    format(String((labels(lang) as unknown as Record<string, unknown>)[key] ?? key), options.hash as Record<string, string>),
  );
  hbs.registerHelper('cssString', (text: unknown) => new hbs.SafeString(cssString(String(text ?? ''))));
  // Where a grid's form field goes: {{gridField caseId groupName "points" criterionId}}.
  hbs.registerHelper('gridField', (...args: unknown[]) => {
    const [caseId, group, field, criterion] = args.slice(0, -1).map(String) as [string, string, string, string?];
    return gridFieldHref(caseId, group, field, criterion);
  });
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
