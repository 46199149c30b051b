// The layer rule of functions/src (issue 17), checked on the import graph:
// - domain imports only domain (and Node built-ins, `node:*`): no Firebase, no zod, no config.
// - entry folders (callables, triggers, tasks, http, scheduled) don't import each other.
// - app (use cases) may import domain, infra, boundary, config; not the entry points.
// - infra may import domain, boundary, config; not app, not the entry points.
// - boundary (shared zod primitives for entry points and app) imports neither app, infra nor entry points.
// Folders the rule doesn't name (access, contract, ...) are free. Imports are read with TypeScript's
// pre-processor, so `import`, `export ... from`, `import()`, `typeof import()` and `require()` all count.
import { posix } from 'node:path';
import ts from 'typescript-api'; // TypeScript 5.9's compiler API: TypeScript 7 (the build's tsc) ships none

export const ENTRY_FOLDERS = ['callables', 'triggers', 'tasks', 'http', 'scheduled'] as const;

export interface SourceFile {
  /** Path under functions/src, with forward slashes: 'infra/orders.ts'. */
  path: string;
  text: string;
}

/** The layer of a path under src: its first folder, or the file's name without extension at the root ('config'). */
export function layerOf(path: string): string {
  const [first, ...rest] = path.split('/');
  return rest.length === 0 ? first!.replace(/\.(d\.)?ts$/, '') : first!;
}

export function importsOf(file: SourceFile): string[] {
  return ts.preProcessFile(file.text, true, true).importedFiles.map((imported) => imported.fileName);
}

/** Why importing `target` (a layer under src, or a package for bare specifiers) from layer `from` breaks the rule, or null. */
function denial(from: string, target: { layer: string } | { pkg: string }): string | null {
  const entry = (layer: string) => (ENTRY_FOLDERS as readonly string[]).includes(layer);
  if ('pkg' in target) {
    if (from === 'domain' && !target.pkg.startsWith('node:')) return 'domain imports no package (only node: built-ins)';
    return null;
  }
  const to = target.layer;
  if (from === to) return null;
  if (from === 'domain') return 'domain imports nothing outside domain';
  if (entry(from) && entry(to)) return 'entry folders do not import each other';
  if (from === 'infra' && (to === 'app' || entry(to))) return 'infra imports neither app nor entry points';
  if (from === 'app' && entry(to)) return 'app does not import entry points';
  if (from === 'boundary' && (to === 'app' || to === 'infra' || entry(to))) return 'boundary imports neither app, infra nor entry points';
  return null;
}

/** Every import that breaks the rule, as 'from/file.ts -> specifier (why)'. */
export function layerViolations(files: SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    const from = layerOf(file.path);
    for (const specifier of importsOf(file)) {
      let target: { layer: string } | { pkg: string };
      if (specifier.startsWith('.')) {
        const resolved = posix.normalize(posix.join(posix.dirname(file.path), specifier));
        // Outside src (../../test, ../package.json): not a layer; only domain may not do it.
        target = resolved.startsWith('..') ? { pkg: specifier } : { layer: layerOf(resolved) };
      } else {
        target = { pkg: specifier };
      }
      const why = denial(from, target);
      if (why) violations.push(`${file.path} -> ${specifier} (${why})`);
    }
  }
  return violations.sort();
}
