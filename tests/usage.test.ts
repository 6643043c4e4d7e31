import { describe, expect, it } from 'vitest';
import { usageText, type Command } from '../src/cli/usage.js';
import { en } from '../src/i18n/en.js';
import { fr } from '../src/i18n/fr.js';

const commands = Object.keys(fr.cli.usage.about) as Command[];

describe('usage texts', () => {
  it.each([['fr', fr], ['en', en]] as const)('in %s, word every option of every command', (_lang, d) => {
    for (const command of commands) {
      const options = usageText(d, command).split('\n').filter((line) => /^ {2}--/.test(line));
      expect(options.length, command).toBeGreaterThan(0);
      for (const line of options) expect(line, command).toMatch(/^ {2}--[a-z-]+( [A-Z]+)? {2,}\S.*\p{L}{3}/u);
    }
  });

  it('aligns the options, brackets the optional ones and keeps a command its own wording', () => {
    expect(usageText(en, 'dev')).toBe(`Usage: npm run dev -- [--content DIR] [--out DIR] [--port PORT] [--no-cache] [--debug]

  Builds the course, serves it on http://localhost:PORT (HTML and PDF editions), then
  rebuilds it and reloads the page whenever the content, the templates or the styles change.

  --content DIR  the course folder (course.yaml and cases/); content by default
  --out DIR      the output folder; dist by default
  --port PORT    the local server’s port; 4173 by default (0: any free port)
  --no-cache     draws and prints everything again on every build
  --debug        shows the technical detail of errors`);
    expect(usageText(fr, 'import').split('\n')[0]).toBe('Usage : npm run import -- FICHIER.md --content DOSSIER [--force] [--quiet]');
    expect(usageText(fr, 'build')).toMatch(/^Usage : npm run build:pdf -- \[--content DIR\] \[--grades DIR\] \[--out DIR\] .*\n\n {2}--content DIR {2}dossier du cours/);
  });
});
