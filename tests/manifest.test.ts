import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectDir } from './helpers/cli.js';

const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function files(dir: string): string[] {
  return readdirSync(join(projectDir, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The packages a file imports, requires or resolves, by name (`@scope/name` or `name`). */
function packagesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*|require(?:\.resolve)?\(\s*)['"`]([^'"`$]+)/g)].map((m) => m[1]!);
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:') && !builtinModules.includes(s))
    // A name completed at run time (`@fontsource/${family}`): checked below.
    .filter((s) => !s.endsWith('/'))
    // pdfjs's own optional dependency, looked up from pdfjs's folder to stand in for it (src/verify/pdf-text-worker.mjs).
    .filter((s) => s !== '@napi-rs/canvas')
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

// Type-only imports name a package whose types come from DefinitelyTyped.
const typesOf = (name: string) => `@types/${name}`;

describe('the manifest', () => {
  const product = new Set([...files('src'), ...files('scripts')].flatMap(packagesOf));
  const tools = new Set([...files('tests'), ...files('bench'), join(projectDir, 'vitest.config.ts')].flatMap(packagesOf));
  const declared = { ...manifest.dependencies, ...manifest.devDependencies };

  it('declares every package the product imports as a dependency', () => {
    const missing = [...product].filter((name) => !(name in manifest.dependencies) && !(typesOf(name) in declared));
    expect(missing).toEqual([]);
  });

  it('declares every package the tests and the bench import', () => {
    expect([...tools].filter((name) => !(name in declared) && !(typesOf(name) in declared))).toEqual([]);
  });

  it('has no dependency the product does not use', () => {
    // Fonts are resolved by a name built from each family (src/render/fonts.ts), hyphenation
    // patterns by a module id in the table of languages (src/render/typography.ts).
    const used = (name: string) => product.has(name) || name.startsWith('@fontsource/') || name === 'hyphen';
    expect(Object.keys(manifest.dependencies).filter((name) => !used(name))).toEqual([]);
  });
});
