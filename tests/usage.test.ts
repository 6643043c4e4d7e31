import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { missingPackage } from '../src/cli/run-cli.js';
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

describe('a package missing from node_modules (casebook updated, npm ci not run again)', () => {
  it('is named, so that the command can say to run npm ci', () => {
    const required = (() => {
      try {
        createRequire(import.meta.url)('casebook-absent-package/lib/index.js');
      } catch (error) {
        return error;
      }
    })();
    expect(missingPackage(required)).toBe('casebook-absent-package');
    // Node's own error for an ES module import, as the compiled commands load theirs.
    const imported = spawnSync(process.execPath, ['--input-type=module', '-e', "const absent = '@casebook-absent/fonts/package.json'; import(absent).catch((e) => process.stdout.write(JSON.stringify({ code: e.code, message: e.message })))"], { encoding: 'utf8' });
    const error = Object.assign(new Error(), JSON.parse(imported.stdout) as { code: string; message: string });
    expect(missingPackage(error)).toBe('@casebook-absent/fonts');
    expect(missingPackage(new Error('Cannot find module'))).toBeUndefined();
    expect(missingPackage(Object.assign(new Error("Cannot find module './own-file.js'"), { code: 'ERR_MODULE_NOT_FOUND' }))).toBeUndefined();
  });
});
