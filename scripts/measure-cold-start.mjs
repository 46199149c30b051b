#!/usr/bin/env node
// Cold start of every deployed function against a bare firebase-functions onCall module, measured
// side by side (scripts/lib/coldStart.mjs; the same measurement as `npm run bench`'s cold-start rows).
// Usage: npm run build && node scripts/measure-cold-start.mjs [runs] [--unbundled] [--node PATH] [--only a,b]
//   --unbundled  also the tsc output's module of each function (lib/<path>.js: what deploys loaded
//                before the per-function bundles), for a before/after comparison
//   --node PATH  another Node binary (e.g. a Node 22 like the nodejs22 runtime)
import { measureColdStart } from './lib/coldStart.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 7);
const node = option('--node') ?? process.execPath;
const names = option('--only')?.split(',');
const { bare, bareSamples, results } = measureColdStart({
  runs,
  unbundled: args.includes('--unbundled'),
  names,
  node,
  log: (line) => process.stderr.write(`[cold start] ${line}\n`),
});
const version = (await import('node:child_process')).execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
console.log(
  `node ${version}; ${runs} interleaved fresh processes per target (bare: ${bareSamples}); ratio: median of CPU time / neighbouring bare samples; ms: median CPU and wall time of the load`,
);
console.log(`| module | ratio to bare onCall | CPU ms | wall ms |`);
console.log(`| --- | --- | --- | --- |`);
console.log(`| bare firebase-functions onCall module | 1.00× | ${bare.cpu.toFixed(1)} | ${bare.wall.toFixed(1)} |`);
for (const { label, ratio, cpu, wall } of results) {
  console.log(`| ${label} | ${ratio.toFixed(2)}×${ratio > 1.3 ? ' (over 1.3×)' : ''} | ${cpu.toFixed(1)} | ${wall.toFixed(1)} |`);
}
