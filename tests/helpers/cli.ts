import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectDir = fileURLToPath(new URL('../../', import.meta.url));
const launcher = fileURLToPath(new URL('../../scripts/casebook.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a casebook command as `npm run` does, e.g. runCli('build', ['--content', dir]). */
export function runCli(
  command: 'build' | 'check' | 'dev' | 'new-case' | 'import' | 'grade',
  args: string[],
  options: { env?: NodeJS.ProcessEnv; onStart?: (pid: number) => void; onStderr?: (chunk: string) => void } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, command, ...args], { cwd: projectDir, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      options.onStderr?.(String(d));
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (child.pid) options.onStart?.(child.pid);
  });
}
