import { readdirSync, readFileSync } from 'node:fs';

/** Memory of a process and all its descendants (Node + Chromium's browser, zygotes, renderers, GPU/utility). */
export interface TreeMemory {
  /** Sum of VmRSS over the tree, bytes. Over-counts pages Chromium processes share. */
  rss: number;
  /** Sum of Pss (proportional set size, /proc/PID/smaps_rollup) over the tree, bytes; 0 when not read. */
  pss: number;
  processes: number;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ..." — comm may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function kb(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : 0;
}

export function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    const list = children.get(parent) ?? [];
    list.push(pid);
    children.set(parent, list);
  }
  const pids: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return pids;
}

/**
 * Reading smaps_rollup walks a process's memory map: over Chromium's dozen processes it costs
 * ~30 ms of CPU, so PSS is read only when asked (memory runs), never while timing.
 */
export function treeMemory(root: number, withPss: boolean): TreeMemory {
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const pid of treePids(root)) {
    try {
      rss += kb(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
      processes++;
    } catch {
      continue; // exited between the listing and the read
    }
    if (!withPss) continue;
    try {
      pss += kb(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
    } catch {
      // not readable or gone: RSS still counted
    }
  }
  return { rss, pss, processes };
}

/** Samples a process tree every `intervalMs` until stopped; keeps the peaks. */
export function sampleTree(root: number, intervalMs: number, withPss: boolean) {
  const peak = { rss: 0, pss: 0, processes: 0, samples: 0 };
  const tick = () => {
    const m = treeMemory(root, withPss);
    peak.rss = Math.max(peak.rss, m.rss);
    peak.pss = Math.max(peak.pss, m.pss);
    peak.processes = Math.max(peak.processes, m.processes);
    peak.samples++;
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
