import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOlderNode, minimumNode } from '../src/cli/node-version.js';
import { projectDir } from './helpers/cli.js';

describe('the oldest Node casebook runs on', () => {
  it('is the one package.json’s engines name, and the Node running the tests is not older', () => {
    const { engines } = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(engines.node).toBe(`>=${minimumNode.replace(/\.0$/, '')}`);
    expect(isOlderNode(process.versions.node)).toBe(false);
  });

  it('compares versions part by part, as numbers', () => {
    expect(isOlderNode('20.9.0', '20.19.0')).toBe(true);
    expect(isOlderNode('v20.18.3', '20.19.0')).toBe(true);
    expect(isOlderNode('18.20.4', '20.19.0')).toBe(true);
    expect(isOlderNode('20.19.0', '20.19.0')).toBe(false);
    expect(isOlderNode('20.20.2', '20.19.0')).toBe(false);
    expect(isOlderNode('22.1.0', '20.19.0')).toBe(false);
    expect(isOlderNode('v100.0.0', '20.19.0')).toBe(false);
  });
});
