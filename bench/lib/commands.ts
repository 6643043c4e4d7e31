// The bench's headline rows: the commands as a trainer types them (npm, Node's start, loading,
// the build, exit), not build() inside a warm process.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { runTimed, type Ran } from './spawn.js';

/** `npm run build:pdf -- …`, timed from the shell's point of view. */
export function npmBuild(root: string, env: NodeJS.ProcessEnv, args: string[], options: { sample?: boolean; pss?: boolean } = {}): Promise<Ran> {
  return runTimed('npm', ['run', '-s', 'build:pdf', '--', '--quiet', ...args], { cwd: root, env, cpu: true, sample: options.sample, pss: options.pss });
}

/**
 * `npm run dev` on a course: after its first build, each edit is timed from the file's write to
 * the reload the server sends the open page. A build sends two: once its HTML editions are laid
 * out (the page shows the edit), and once its PDFs are written; the next edit waits for the second.
 */
export async function devReloads(root: string, env: NodeJS.ProcessEnv, args: string[], edit: () => Promise<unknown>, count: number): Promise<number[]> {
  const child = spawn('npm', ['run', '-s', 'dev', '--', '--port', '0', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        output += d.toString();
        const found = /http:\/\/localhost:\d+\//.exec(output);
        if (found) resolve(found[0]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`npm run dev exited with ${code}\n${output.slice(-2000)}`)));
    });
    // Listening before the first build ends: its reloads are the first events.
    const reloads = await listen(`${url}__casebook/events`);
    await reloads.next();
    await reloads.next();
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const reloaded = reloads.next();
      await edit();
      await reloaded;
      times.push(performance.now() - start);
      await reloads.next();
    }
    reloads.close();
    return times;
  } finally {
    // npm runs the server in a shell of its own: the whole group goes.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}

/** The server's reload events, in order: `next()` resolves at the next one not yet taken. */
function listen(url: string): Promise<{ next(): Promise<void>; close(): void }> {
  return new Promise((resolve, reject) => {
    const waiting: (() => void)[] = [];
    let unseen = 0;
    const req = request(url, (response) => {
      response.on('data', (d: Buffer) => {
        for (const _ of d.toString().matchAll(/^data: reload$/gm)) {
          const wake = waiting.shift();
          if (wake) wake();
          else unseen += 1;
        }
      });
      const next = () =>
        new Promise<void>((done) => {
          if (unseen > 0) {
            unseen -= 1;
            done();
          } else waiting.push(done);
        });
      resolve({ next, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
