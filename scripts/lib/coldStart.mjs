// Cold start of every deployed function, as a Cloud Functions instance pays it: a fresh Node process
// loads functions/lib/index.js and reads the one export its function target names (the getter loads
// lib/fn/<name>.js). Compared with a bare module that only requires firebase-functions/v2/https and
// defines one onCall, sampled in the same rounds (interleaved, re-sampled every few targets), so the
// ratios compare across machines and survive a loaded one. Used by `npm run bench` and by
// scripts/measure-cold-start.mjs.
//
// The time of a sample is the CPU time (user + system) the process spent in the require: on a shared
// 2-core machine, wall time mostly measures the neighbours. Wall time is kept alongside.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionsTable } from '../bundle-functions.mjs';

export const FUNCTIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'functions');
const LIB = join(FUNCTIONS_DIR, 'lib');
const BARE_EVERY = 6; // a bare sample before every 6 targets, so the reference follows the machine's load

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Targets: { label: code that loads it }. `unbundled` adds the tsc output's module of each function
 * (lib/<path>.js, what deploys loaded before the bundles) for a before/after comparison.
 */
export function coldStartTargets({ unbundled = false, names } = {}) {
  if (!existsSync(join(LIB, 'fn'))) throw new Error('functions/lib/fn is missing: run `npm run build` first');
  const table = functionsTable().filter((row) => !names || names.includes(row.name));
  const index = JSON.stringify(join(LIB, 'index.js'));
  const targets = { 'lib/index.js': `require(${index})` };
  for (const { name } of table) targets[name] = `require(${index})[${JSON.stringify(name)}]`;
  if (unbundled) {
    // One per source module (several functions share one), as the earlier benches measured them.
    for (const path of new Set(table.map((row) => row.path))) {
      const file = join(LIB, `${path}.js`);
      if (existsSync(file)) targets[`unbundled lib/${path.slice(2)}.js`] = `require(${JSON.stringify(file)})`;
    }
  }
  return { table, targets };
}

/**
 * Medians per target: { bare: {cpu, wall}, results: [{ label, cpu, wall, ratio }] } with ratio =
 * median CPU time / the bare module's median CPU time.
 */
export function measureColdStart({ runs = 7, unbundled = false, names, node = process.execPath, log = () => {} } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'cold-start-'));
  try {
    const httpsPath = execFileSync(node, ['-p', "require.resolve('firebase-functions/v2/https')"], { cwd: FUNCTIONS_DIR, encoding: 'utf8' }).trim();
    const bare = join(scratch, 'bare.js');
    writeFileSync(bare, `const { onCall } = require(${JSON.stringify(httpsPath)});\nexports.hello = onCall(() => 'hi');\n`);
    const { targets } = coldStartTargets({ unbundled, names });
    const all = { bare: `require(${JSON.stringify(bare)})`, ...targets };
    const env = { ...process.env, GCLOUD_PROJECT: 'demo-cold-start' };
    delete env.NODE_OPTIONS; // an instance starts without the caller's flags (e.g. tsx's loader)
    const sample = (code) => {
      const probe = `const c=process.cpuUsage(),t=process.hrtime.bigint();${code};` +
        `const u=process.cpuUsage(c);process.stdout.write(JSON.stringify([(u.user+u.system)/1e3,Number(process.hrtime.bigint()-t)/1e6]));process.exit(0);`;
      return JSON.parse(execFileSync(node, ['-e', probe], { cwd: FUNCTIONS_DIR, env, encoding: 'utf8' }));
    };
    const labels = Object.keys(targets);
    const samples = Object.fromEntries(['bare', ...labels].map((label) => [label, []]));
    for (const label of ['bare', ...labels]) sample(all[label]); // warm the file-system cache
    for (let run = 0; run < runs; run += 1) {
      log(`round ${run + 1}/${runs}`);
      for (let i = 0; i < labels.length; i += 1) {
        if (i % BARE_EVERY === 0) samples.bare.push(sample(all.bare));
        const label = labels[(i + run) % labels.length]; // each round starts at a different target
        samples[label].push(sample(all[label]));
      }
    }
    const summary = (list) => ({ cpu: median(list.map(([cpu]) => cpu)), wall: median(list.map(([, wall]) => wall)) });
    const reference = summary(samples.bare);
    return {
      bare: reference,
      bareSamples: samples.bare.length,
      results: labels.map((label) => {
        const { cpu, wall } = summary(samples[label]);
        return { label, cpu, wall, ratio: cpu / reference.cpu };
      }),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
