import { describe, expect, it } from 'vitest';
import { usageText, type Command } from '../src/cli/usage.js';
import { en } from '../src/i18n/en.js';
import { fr } from '../src/i18n/fr.js';

const commands = Object.keys(fr.cli.usage.commands) as Command[];

describe('usage texts', () => {
  it.each([['fr', fr], ['en', en]] as const)('in %s, list every option their synopsis names, each with its words', (_lang, d) => {
    for (const command of commands) {
      const text = usageText(d, command);
      const [synopsis, ...rest] = text.split('\n');
      const listed = rest.filter((line) => /^ {2}--/.test(line)).map((line) => line.trim().split(/\s{2,}/));
      const named = [...synopsis!.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
      expect(listed.map(([flag]) => flag!.split(' ')[0]), command).toEqual(expect.arrayContaining(named));
      expect(listed.length, command).toBe(named.length);
      for (const row of listed) expect(row[1], `${command} ${row[0]}`).toMatch(/\p{L}{3}/u);
      expect(text).not.toContain('undefined');
    }
  });

  it('aligns the options and keeps a command its own wording', () => {
    expect(usageText(en, 'dev')).toBe(`Usage: npm run dev -- [--content DIR] [--out DIR] [--port PORT] [--no-cache] [--debug]

  Builds the course, serves it on http://localhost:PORT (HTML and PDF editions), then
  rebuilds it and reloads the page whenever the content, the templates or the styles change.

  --content DIR  the course folder (course.yaml and cases/); content by default
  --out DIR      the output folder; dist by default
  --port PORT    the local server’s port; 4173 by default (0: any free port)
  --no-cache     draws and prints everything again on every build
  --debug        shows the technical detail of errors`);
    expect(usageText(fr, 'build')).toContain('Usage : npm run build:pdf');
    expect(usageText(fr, 'build')).not.toMatch(/\n\n\n/);
  });
});
