// Writes the client package's generated contract, the JSON Schemas and docs/contract.md:
//   cd functions && npx tsx test/contract/generate.ts
// Refuses when a request or response changed incompatibly and CONTRACT_VERSION was not raised.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildContract } from './build';
import { compatibilityProblems, committedSnapshot } from './snapshot';
import { CALLABLES } from '../../src/contract/callables';
import * as indexExports from '../../src/index';

const exported = Object.entries(indexExports as Record<string, unknown>)
  .filter(([, value]) => Boolean((value as { __endpoint?: { callableTrigger?: unknown } })?.__endpoint?.callableTrigger))
  .map(([name]) => name);
const missing = exported.filter((name) => !(name in CALLABLES));
if (missing.length) {
  console.error(`Callables exported by src/index.ts without a contract entry (src/contract/callables.ts): ${missing.join(', ')}`);
  process.exit(1);
}
const built = buildContract();
const problems = compatibilityProblems(committedSnapshot(), built);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
for (const [path, content] of built.files) {
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
  writeFileSync(path, content);
  console.log(`updated ${path}`);
}
