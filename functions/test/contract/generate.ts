// Writes the client package's generated contract, the JSON Schemas and docs/contract.md:
//   cd functions && npx tsx test/contract/generate.ts
// Refuses when a request or response changed incompatibly and CONTRACT_VERSION was not raised.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildContract } from './build';
import { compatibilityProblems, committedSnapshot } from './snapshot';

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
