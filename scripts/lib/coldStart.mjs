// Cold start of every deployed function, as a Cloud Functions instance pays it: a fresh Node process
// loads functions/lib/index.js and reads the one export its function target names (the getter loads
// lib/fn/<name>.js). Compared with a bare module that only requires firebase-functions/v2/https and
// defines one onCall, sampled in the same rounds (interleaved, a bare sample between every two), so the
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
const BARE_EVERY = 2; // a bare sample between every two targets: each ratio compares neighbours in time

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
 * Per target: { bare: {cpu, wall}, results: [{ label, cpu, wall, ratio }] }: cpu and wall are medians;
 * ratio is the median over the target's samples of its CPU time / the mean CPU time of the bare
 * samples taken just before and just after it (so a burst of load on the machine cancels out).
 */
export function measureColdStart({ runs = 7, unbundled = false, names, node = process.execPath, log = () => {} } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'cold-start-'));
  try {
    const httpsPath = execFileSync(node, ['-p', "require.resolve('firebase-functions/v2/https')"], {
      cwd: FUNCTIONS_DIR,
      encoding: 'utf8',
    }).trim();
    const bare = join(scratch, 'bare.js');
    writeFileSync(bare, `const { onCall } = require(${JSON.stringify(httpsPath)});\nexports.hello = onCall(() => 'hi');\n`);
    const { targets } = coldStartTargets({ unbundled, names });
    const all = { bare: `require(${JSON.stringify(bare)})`, ...targets };
    const env = { ...process.env, GCLOUD_PROJECT: 'demo-cold-start' };
    delete env.NODE_OPTIONS; // an instance starts without the caller's flags (e.g. tsx's loader)
    const sample = (code) => {
      const probe =
        `const c=process.cpuUsage(),t=process.hrtime.bigint();${code};` +
        `const u=process.cpuUsage(c);process.stdout.write(JSON.stringify([(u.user+u.system)/1e3,Number(process.hrtime.bigint()-t)/1e6]));process.exit(0);`;
      return JSON.parse(execFileSync(node, ['-e', probe], { cwd: FUNCTIONS_DIR, env, encoding: 'utf8' }));
    };
    const labels = Object.keys(targets);
    const bareSamples = [];
    const samples = Object.fromEntries(labels.map((label) => [label, []]));
    for (const label of ['bare', ...labels]) sample(all[label]); // warm the file-system cache
    for (let run = 0; run < runs; run += 1) {
      log(`round ${run + 1}/${runs}`);
      // Each round starts at a different target; a bare sample before every BARE_EVERY targets, so
      // each target sample has a bare sample just before and just after it.
      let pending = [];
      const bareSample = () => {
        const reference = sample(all.bare);
        bareSamples.push(reference);
        for (const entry of pending) entry.after = reference;
        pending = [];
        return reference;
      };
      let before = bareSample();
      for (let i = 0; i < labels.length; i += 1) {
        const label = labels[(i + run) % labels.length];
        const entry = { value: sample(all[label]), before };
        samples[label].push(entry);
        pending.push(entry);
        if ((i + 1) % BARE_EVERY === 0 || i === labels.length - 1) before = bareSample();
      }
    }
    const reference = { cpu: median(bareSamples.map(([cpu]) => cpu)), wall: median(bareSamples.map(([, wall]) => wall)) };
    return {
      bare: reference,
      bareSamples: bareSamples.length,
      results: labels.map((label) => {
        const list = samples[label];
        // The ratio of each sample to the mean of its neighbouring bare samples (the machine's load
        // at that moment), then the median of those ratios.
        const ratios = list.map(({ value, before: b, after: a }) => value[0] / ((b[0] + a[0]) / 2));
        return {
          label,
          cpu: median(list.map(({ value }) => value[0])),
          wall: median(list.map(({ value }) => value[1])),
          ratio: median(ratios),
        };
      }),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
