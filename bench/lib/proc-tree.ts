import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Memory of a process and all its descendants (Node + Chromium's browser, zygotes, renderers, GPU/utility). */
export interface TreeMemory {
  /** Sum of VmRSS over the tree, bytes. Over-counts pages Chromium processes share. */
  rss: number;
  /** Sum of Pss (proportional set size, /proc/PID/smaps_rollup) over the tree, bytes; 0 when not read. */
  pss: number;
  processes: number;
}

const ticksPerSecond = 100; // USER_HZ, 100 on Linux

/** A process's parent and the CPU it has used so far (user + system), from /proc/PID/stat. */
function statOf(pid: number): { parent: number; cpuMs: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ..." — comm may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond };
  } catch {
    return undefined;
  }
}

function kb(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) * 1024 : 0;
}

/** The processes of a tree, each with the CPU it has used so far. */
export function treeProcesses(root: number): { pid: number; cpuMs: number }[] {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const stat = statOf(pid);
    if (stat === undefined) continue;
    cpu.set(pid, stat.cpuMs);
    const list = children.get(stat.parent) ?? [];
    list.push(pid);
    children.set(stat.parent, list);
  }
  const found: { pid: number; cpuMs: number }[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push({ pid, cpuMs: cpu.get(pid) ?? 0 });
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/**
 * Reading smaps_rollup walks a process's memory map: over Chromium's dozen processes it costs
 * ~30 ms of CPU, so PSS is read only when asked (memory runs), never while timing.
 */
export function treeMemory(root: number, withPss: boolean, cpu?: Map<number, number>): TreeMemory {
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const { pid, cpuMs } of treeProcesses(root)) {
    cpu?.set(pid, Math.max(cpu.get(pid) ?? 0, cpuMs));
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

/**
 * Samples a process tree every `intervalMs` until stopped; keeps the peaks, and the CPU each
 * process had used when last seen. Their sum counts the Chromium processes that GNU time misses
 * (renderers are reaped by the zygote, not by the command), less each one's last interval; and
 * Node's share (the processes running this very Node, under GNU time or not), to tell how Node's
 * work and Chromium's grow apart.
 */
export function sampleTree(root: number, intervalMs: number, withPss: boolean) {
  const peak = { rss: 0, pss: 0, processes: 0, samples: 0, cpuMs: 0, nodeCpuMs: 0 };
  const cpu = new Map<number, number>();
  const isNode = new Map<number, boolean>();
  const tick = () => {
    const m = treeMemory(root, withPss, cpu);
    for (const pid of cpu.keys()) if (!isNode.has(pid)) isNode.set(pid, runsThisNode(pid));
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
      peak.cpuMs = [...cpu.values()].reduce((sum, ms) => sum + ms, 0);
      peak.nodeCpuMs = [...cpu].reduce((sum, [pid, ms]) => sum + (isNode.get(pid) ? ms : 0), 0);
      return peak;
    },
  };
}

function runsThisNode(pid: number): boolean {
  try {
    return readlinkSync(`/proc/${pid}/exe`) === process.execPath;
  } catch {
    return false;
  }
}
