#!/usr/bin/env node
// The fresh-clone check (functions/test/stack/localStack.test.ts runs it in `npm test`): a new
// user's first commands, on a `git clone` of the committed tree with no node_modules.
//   1. `npm start` installs, builds, comes up, seeds and prints READY_LINE and its push outbox;
//   2. `npm run demo` passes against it (both lifecycles, and one order completed by its timer);
//      the triggers and timers are checked on the stack's own output and the outbox; then the
//      lunch rush (`npm run rush -- --running`) holds against the same stack;
//   3. `npm start` is killed hard (SIGKILL of its whole process group; the emulators survive);
//      the next `npm start` stops those leftovers and comes up again;
//   4. a third `npm start` refuses in one line while the second runs; Ctrl-C stops the second and
//      leaves nothing running;
//   5. a foreign process on a stack port: `npm start` names it in one line and starts nothing.
// npm installs from its cache (--prefer-offline) and hidane comes from ~/.cache/gocafein, so the
// run costs the two `npm ci`s, one build and two stack starts. Node built-ins only. Prints one
// "fresh clone: …" line per step and the time each took; exit code 0 when everything held.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './setup.mjs';
import { PORTS, READY_LINE } from './stack.mjs';
import { checkRushLog, checkTimers, checkTriggers, rushTriggerExecutions, waitForExecutions } from './stackChecks.mjs';
import { descendantsOf, portOpen, takenPorts } from './stackProcesses.mjs';

const started = Date.now();
const step = (text) => console.log(`fresh clone: ${text} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

const busy = await takenPorts(PORTS);
if (busy.length) {
  console.error(`fresh clone: stack ports already in use: ${busy.join('; ')}`);
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'gocafein-clone-'));
const clone = join(scratch, 'gocafein');
const home = join(scratch, 'home');
for (const dir of ['home', 'tmp', 'config']) mkdirSync(join(scratch, dir), { recursive: true });
// A user's machine: nothing of this checkout's test run leaks in. npm's cache and the hidane build
// are the machine's, as on a developer's second clone.
const env = { ...process.env };
for (const name of Object.keys(env)) {
  if (
    /^(FIRESTORE_EMULATOR_HOST|FIREBASE_AUTH_EMULATOR_HOST|CLOUD_TASKS_EMULATOR_HOST|GCLOUD_PROJECT|GOOGLE_CLOUD_PROJECT|FIREBASE_CONFIG|GOCAFEIN_PUSH_OUTBOX|HIDANE_BIN|npm_.*)$/i.test(
      name,
    )
  )
    delete env[name];
}
Object.assign(env, {
  HOME: home,
  TMPDIR: join(scratch, 'tmp'),
  XDG_CONFIG_HOME: join(scratch, 'config'),
  npm_config_cache: process.env.npm_config_cache || join(homedir(), '.npm'),
  GOCAFEIN_TOOLS_DIR: process.env.GOCAFEIN_TOOLS_DIR || join(homedir(), '.cache', 'gocafein'),
  CARGO_HOME: process.env.CARGO_HOME || join(homedir(), '.cargo'),
  RUSTUP_HOME: process.env.RUSTUP_HOME || join(homedir(), '.rustup'),
});

/** `npm <args>` in the clone, in a process group of its own (as a terminal would run it). */
function npm(args) {
  const child = spawn('npm', args, { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const run = { child, output: '', exited: null };
  run.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.stdout.on('data', (chunk) => (run.output += chunk));
  child.stderr.on('data', (chunk) => (run.output += chunk));
  return run;
}

async function waitFor(run, text, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  run.exited.then(() => (done = true));
  while (!run.output.includes(text)) {
    if (done) throw new Error(`exited before printing "${text}":\n${run.output.slice(-5000)}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs / 1000} s:\n${run.output.slice(-5000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Processes whose command line mentions the clone (its emulators, functions workers, node). */
function processesOfClone() {
  const table = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout ?? '';
  return table
    .split('\n')
    .filter((line) => line.includes(scratch) && !line.includes('freshCloneCheck'))
    .map((line) => line.trim());
}

const starts = [];
let failure;
try {
  const cloned = spawnSync('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8' });
  if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);
  if (existsSync(join(clone, 'node_modules')) || existsSync(join(clone, 'functions', 'node_modules'))) {
    throw new Error('the clone has node_modules');
  }
  step('cloned the committed tree (no node_modules)');

  // 1. npm start as the first command.
  const first = npm(['start']);
  starts.push(first);
  await waitFor(first, READY_LINE, 15 * 60_000);
  const outbox = first.output.match(/Pushes go to the local outbox (\S+) /)?.[1];
  if (!outbox) throw new Error('npm start did not print its push outbox');
  step(`npm start installed, built, came up and seeded (outbox ${outbox.slice(clone.length + 1)})`);

  // 2. npm run demo against it, then the stack-level checks.
  const demo = npm(['run', 'demo']);
  const demoExit = await demo.exited;
  if (demoExit.code !== 0) throw new Error(`npm run demo failed (${demoExit.code}):\n${demo.output.slice(-5000)}`);
  const resultLine = demo.output.split('\n').find((line) => line.startsWith('demo result: '));
  const result = JSON.parse(resultLine.slice('demo result: '.length));
  if (result.pickup !== 'completed' || result.delivery !== 'completed') throw new Error(`demo final states: ${resultLine}`);
  console.log(
    demo.output
      .split('\n')
      .filter((line) => /결과:|✗|타이머/.test(line))
      .join('\n'),
  );
  console.log(`  ${checkTimers(result, first.output)}`);
  for (let attempt = 0; ; attempt += 1) {
    try {
      console.log(`  ${checkTriggers(result, first.output, outbox)}`);
      break;
    } catch (error) {
      if (attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  step('npm run demo passed against it');

  // 2b. The lunch rush against the same stack: 100 orders, 20 customers at once, 2 racing partners.
  const logBefore = first.output.length;
  const rush = npm(['run', 'rush', '--', '--running']);
  const rushExit = await rush.exited;
  console.log(
    rush.output
      .split('\n')
      .filter((line) => line.startsWith('rush: '))
      .map((line) => `  ${line}`)
      .join('\n'),
  );
  if (rushExit.code !== 0) throw new Error(`npm run rush -- --running failed (${rushExit.code}):\n${rush.output.slice(-5000)}`);
  const backlog = await waitForExecutions(() => first.output, logBefore, rushTriggerExecutions(100));
  if (!backlog.done)
    throw new Error(
      `the rush's trigger events had not all run ${backlog.seconds.toFixed(0)} s after it: ${JSON.stringify(backlog.counts)}`,
    );
  console.log(`  ${checkRushLog(first.output, logBefore)}; trigger backlog done ${backlog.seconds.toFixed(1)} s after the last call`);
  step('the lunch rush held against it');

  // 3. Killed hard: SIGKILL of npm start's whole process group. The emulators live on.
  const emulatorPids = descendantsOf(first.child.pid);
  process.kill(-first.child.pid, 'SIGKILL');
  await first.exited;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // The hub (firebase-tools itself); the functions port was npm start's own queue and died with it.
  if (!(await portOpen(PORTS.hub))) throw new Error('after SIGKILL no emulator was left running: the test proves nothing');
  step(`npm start killed with SIGKILL; ${emulatorPids.length} processes of it still running`);
  const second = npm(['start']);
  starts.push(second);
  await waitFor(second, READY_LINE, 5 * 60_000);
  if (!/Stopped \d+ emulator processes left running by an earlier `npm start` that was killed/.test(second.output)) {
    throw new Error(`the next npm start did not report stopping the leftovers:\n${second.output.slice(0, 3000)}`);
  }
  step('the next npm start stopped the leftovers and came up');

  // 4. A third start while the second runs refuses in one line; Ctrl-C stops the second.
  const third = npm(['start']);
  const thirdExit = await third.exited;
  const refusal = third.output.split('\n').filter((line) => line.startsWith('npm start: '));
  if (thirdExit.code === 0 || refusal.length !== 1 || !/already running \(pid \d+\)/.test(refusal[0])) {
    throw new Error(`a second npm start did not refuse in one line:\n${third.output}`);
  }
  console.log(`  ${refusal[0]}`);
  process.kill(-second.child.pid, 'SIGINT');
  await second.exited;
  if (!second.output.includes('Stopping the emulators')) throw new Error(`Ctrl-C did not stop the stack:\n${second.output.slice(-3000)}`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const open = await takenPorts(PORTS);
  const left = processesOfClone();
  if (open.length || left.length) throw new Error(`after Ctrl-C: ${[...open, ...left].join('\n')}`);
  step('Ctrl-C stopped everything: no port open, no process of the clone left');

  // 5. A foreign process on a stack port is named in one line.
  const squatter = createServer();
  await new Promise((resolve) => squatter.listen(PORTS.hub, '127.0.0.1', resolve));
  try {
    const blocked = npm(['start']);
    const blockedExit = await blocked.exited;
    const lines = blocked.output.split('\n').filter((line) => line.startsWith('npm start: '));
    const expected = new RegExp(`port ${PORTS.hub} \\(hub\\) is in use by pid ${process.pid} \\(`);
    if (blockedExit.code === 0 || lines.length !== 1 || !expected.test(lines[0])) {
      throw new Error(`npm start with port ${PORTS.hub} taken did not name its holder in one line:\n${blocked.output}`);
    }
    console.log(`  ${lines[0].slice(0, 160)}`);
  } finally {
    await new Promise((resolve) => squatter.close(resolve));
  }
  step('a foreign process on a port is named in one line');
} catch (error) {
  failure = error;
} finally {
  for (const run of starts) {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      try {
        process.kill(-run.child.pid, 'SIGINT');
      } catch {
        // gone
      }
      await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    }
  }
  // Whatever still mentions the clone (a failed run's emulators) is ended before the folder goes.
  for (const line of processesOfClone()) {
    try {
      process.kill(Number(line.split(/\s+/)[0]), 'SIGKILL');
    } catch {
      // gone
    }
  }
  // rm -rf is several times faster than fs.rmSync on a node_modules tree; rmSync is the fallback.
  if (spawnSync('rm', ['-rf', scratch]).status !== 0) rmSync(scratch, { recursive: true, force: true });
}

if (failure) {
  console.error(`fresh clone check failed: ${failure.stack ?? failure}`);
  process.exit(1);
}
step('fresh clone check passed');
process.exit(0);
