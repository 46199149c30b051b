// What `npm start` leaves behind when it is killed hard (SIGKILL, a closed terminal): the
// emulators run in a session of their own and outlive it. startStack() records every process it
// started in .runtime/stack-pids.json; the next start stops those that are still alive (checked
// against their recorded start time, so a reused pid is never touched) before it checks the ports,
// and names whatever else holds a port in one line. Linux /proc; Node built-ins only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { ROOT } from './setup.mjs';

export const PID_FILE = join(ROOT, '.runtime', 'stack-pids.json');

export const portOpen = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22), or null. */
export function startTimeOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return null;
  }
}

export function commandOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** Every live descendant of a process, from the process table. */
export function descendantsOf(rootPid) {
  const table = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout ?? '';
  const children = new Map();
  for (const line of table.trim().split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const out = [];
  const queue = [rootPid];
  while (queue.length) {
    for (const pid of children.get(queue.shift()) ?? []) {
      out.push(pid);
      queue.push(pid);
    }
  }
  return out;
}

/** Records the owner (this process) and every process of the stack, with their start times. */
export function writePidFile({ owner = process.pid, pids }, file = PID_FILE) {
  mkdirSync(dirname(file), { recursive: true });
  const entry = (pid) => ({ pid, startTime: startTimeOf(pid), command: commandOf(pid).slice(0, 200) });
  const record = { owner: entry(owner), processes: pids.map(entry).filter((p) => p.startTime !== null) };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
}

export function removePidFile(file = PID_FILE) {
  rmSync(file, { force: true });
}

const sameProcess = (entry) => entry && entry.startTime !== null && startTimeOf(entry.pid) === entry.startTime;

/**
 * Stops what a previous start left running. Returns { running: owner } when that start is still
 * alive (its stack is in use: nothing is stopped), else { stopped: [pids] }.
 */
export async function stopLeftovers(file = PID_FILE) {
  if (!existsSync(file)) return { stopped: [] };
  let record;
  try {
    record = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    removePidFile(file);
    return { stopped: [] };
  }
  if (record.owner?.pid !== process.pid && sameProcess(record.owner)) return { running: record.owner };
  const recorded = (record.processes ?? []).filter(sameProcess);
  // Workers the emulators spawned after the file was written are descendants of recorded ones.
  const later = recorded.flatMap(({ pid }) => descendantsOf(pid)).map((pid) => ({ pid, startTime: startTimeOf(pid) }));
  const alive = [...recorded, ...later.filter((p) => !recorded.some((r) => r.pid === p.pid))];
  for (const { pid } of alive) signal(pid, 'SIGKILL');
  const deadline = Date.now() + 5_000;
  while (alive.some(sameProcess) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  removePidFile(file);
  return { stopped: alive.map((p) => p.pid) };
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** The socket inodes listening on a TCP port, from /proc/net/tcp and tcp6. */
function listeningInodes(port) {
  const inodes = new Set();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const [, localPort] = fields[1].split(':');
      if (localPort === hexPort && fields[3] === '0A') inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The process listening on a port: { pid, command }, or null when it can't be seen. */
export function portHolder(port) {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let fds = [];
    try {
      fds = readdirSync(`/proc/${name}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const link = readlinkSync(`/proc/${name}/fd/${fd}`);
        if (link.startsWith('socket:[') && inodes.has(link.slice(8, -1))) return { pid: Number(name), command: commandOf(Number(name)) };
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/** One line per taken port, naming the process that holds it. */
export async function takenPorts(ports) {
  const lines = [];
  for (const [name, port] of Object.entries(ports)) {
    if (!(await portOpen(port))) continue;
    const holder = portHolder(port);
    const who = holder ? `pid ${holder.pid} (${holder.command.slice(0, 120) || 'unknown command'})` : 'a process this user cannot see';
    lines.push(`port ${port} (${name}) is in use by ${who}`);
  }
  return lines;
}
