import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleTree } from './proc-tree.js';

const gnuTime = '/usr/bin/time';
export const hasGnuTime = existsSync(gnuTime);

export interface Ran {
  wallMs: number;
  stdout: string;
  stderr: string;
  /** Peaks of the process tree, when sampled. */
  /** `cpuMs`: the tree's CPU as sampled; `nodeCpuMs`: Node's share of it, the rest being Chromium's. */
  peak?: { rss: number; pss: number; processes: number; samples: number; cpuMs: number; nodeCpuMs: number };
  /**
   * User + system CPU time of the command and its descendants, when asked: the larger of GNU
   * time's figure (every descendant it reaped) and the sum sampled over the tree (every process
   * seen), both of which can only miss some.
   */
  cpuMs?: number;
}

let counter = 0;

/**
 * Runs a command to its end. With `sample`, records the memory of its process tree every 100 ms;
 * with `cpu`, runs it under /usr/bin/time to get the CPU time of the whole tree, a figure that
 * moves much less than wall time when other work shares the machine.
 */
export async function runTimed(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; sample?: boolean; pss?: boolean; cpu?: boolean } = {},
): Promise<Ran> {
  const timeFile = options.cpu && hasGnuTime ? join(tmpdir(), `casebook-bench-time-${process.pid}-${counter++}`) : undefined;
  const [cmd, argv] = timeFile ? [gnuTime, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
  const ran = await new Promise<Ran>((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = options.sample && child.pid !== undefined ? sampleTree(child.pid, 100, options.pss === true) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error) => {
      sampler?.stop();
      reject(error);
    });
    child.on('close', (code) => {
      const peak = sampler?.stop();
      const wallMs = performance.now() - start;
      if (code !== 0) reject(new Error(`${command} ${args.slice(0, 3).join(' ')} … exited with ${code}\n${stderr.slice(-2000)}`));
      else resolve({ wallMs, stdout, stderr, peak });
    });
  });
  if (timeFile) {
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    await rm(timeFile, { force: true });
    const [user, system] = (text.trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(user) && Number.isFinite(system)) ran.cpuMs = (user! + system!) * 1000;
  }
  if (options.cpu && ran.peak) ran.cpuMs = Math.max(ran.cpuMs ?? 0, ran.peak.cpuMs);
  return ran;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
