import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildV8Flags } from '../scripts/v8-flags.mjs';
import { projectDir } from './helpers/cli.js';

const name = (flag: string) => flag.split('=')[0]!;

describe('V8 flags of the building commands', () => {
  it('follow the V8 of the Node that runs the command: --interrupt-budget before V8 12, invocation counts from it on', () => {
    // Node 20, 22 and 24's V8.
    expect(buildV8Flags('11.3.244.8-node.38').map(name)).toEqual(['--heap-growing-percent', '--interrupt-budget']);
    for (const version of ['12.4.254.21-node.57', '13.6.233.17-node.63']) {
      const flags = buildV8Flags(version).map(name);
      expect(flags).toContain('--invocation-count-for-turbofan');
      expect(flags).not.toContain('--interrupt-budget');
    }
  });

  it('are all known to the V8 running the tests, which takes them without a word', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of buildV8Flags()) expect(known).toContain(`  ${name(flag)} (`);
    const tuned = spawnSync(process.execPath, ['--input-type=module', '-e', "import { tuneV8ForBuild } from './scripts/v8-flags.mjs'; tuneV8ForBuild();"], {
      cwd: projectDir,
      encoding: 'utf8',
    });
    expect(tuned.status).toBe(0);
    expect(tuned.stderr).toBe('');
  });

  it('are not on node\'s command line in package.json, where a flag unknown to a newer V8 stops node before it starts', () => {
    const { scripts } = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const nodeCommands = Object.values(scripts).filter((s) => s.startsWith('node '));
    expect(nodeCommands.length).toBeGreaterThan(5);
    for (const command of nodeCommands) expect(command).toMatch(/^node scripts\//);
  });
});
