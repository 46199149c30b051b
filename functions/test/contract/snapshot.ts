// The committed JSON Schemas are the contract's snapshot: a breaking change against them needs a
// higher CONTRACT_VERSION (src/contract/callables.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuiltContract, type CallableSchemas, SCHEMAS_DIR } from './build';
import { breakingChanges } from './schemaDiff';

export interface Snapshot {
  version: number;
  schemas: Record<string, CallableSchemas>;
}

export function committedSnapshot(dir = SCHEMAS_DIR): Snapshot | null {
  const indexPath = join(dir, 'index.json');
  if (!existsSync(indexPath)) return null;
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { contractVersion: number; callables: string[] };
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  const schemas = Object.fromEntries(
    index.callables.map((name) => [name, { request: read(`${name}.request.json`), response: read(`${name}.response.json`) }]),
  );
  return { version: index.contractVersion, schemas };
}

/** Breaking changes since the snapshot, when the version was not raised past it (empty: fine). */
export function breakingSince(snapshot: Snapshot, current: Pick<BuiltContract, 'schemas'>): string[] {
  const out: string[] = [];
  for (const [name, before] of Object.entries(snapshot.schemas)) {
    const after = current.schemas[name];
    if (!after) {
      out.push(`${name}: callable removed`);
      continue;
    }
    out.push(...breakingChanges(before.request, after.request, 'request').map((line) => `${name} request ${line}`));
    out.push(...breakingChanges(before.response, after.response, 'response').map((line) => `${name} response ${line}`));
  }
  return out;
}

export function compatibilityProblems(snapshot: Snapshot | null, current: Pick<BuiltContract, 'schemas' | 'version'>): string[] {
  if (!snapshot) return [];
  if (current.version < snapshot.version) return [`CONTRACT_VERSION ${current.version} is lower than the snapshot's ${snapshot.version}`];
  if (current.version > snapshot.version) return [];
  const breaking = breakingSince(snapshot, current);
  return breaking.length
    ? [
        `Breaking contract change(s) at contract version ${current.version}:`,
        ...breaking.map((line) => `  ${line}`),
        'Raise CONTRACT_VERSION in functions/src/contract/callables.ts (and tell the app teams), or make the change compatible.',
      ]
    : [];
}
