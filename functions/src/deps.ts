// The one way to replace the adapters the functions talk to (clock, Auth, FCM, Cloud Tasks, the
// export storage, the tracking provider): tests call setDependenciesForTest with the ones they
// fake and resetDependencies to go back to the real ones. Each adapter module asks `dependency()`
// first and otherwise builds its real client lazily (cold start). Types only from the adapters,
// so loading this module loads none of them.
import type { AuthAdapter } from './infra/auth';
import type { CloudTasksApi } from './infra/cloudTasks';
import type { ExportStorage } from './infra/exportStorage';
import type { MessagingBoundary } from './infra/messaging';
import type { TrackingProvider } from './infra/trackingProvider';

export interface Dependencies {
  /** Epoch ms of "now": business time always comes from here, never from a client. */
  clock: () => number;
  auth: AuthAdapter;
  messaging: MessagingBoundary;
  tasks: CloudTasksApi;
  exportStorage: ExportStorage;
  trackingProvider: TrackingProvider;
}

export type DependencyName = keyof Dependencies;

// One registry per process, shared by every copy of this module: the build bundles each function
// separately (lib/fn/<name>.js), so a process that loads several bundles has several copies.
interface Registry {
  overrides: Partial<Dependencies>;
  resets: Partial<Record<DependencyName, Array<() => void>>>;
}
const REGISTRY_KEY = Symbol.for('gocafein.dependencies');
const holder = globalThis as { [REGISTRY_KEY]?: Registry };
const registry: Registry = (holder[REGISTRY_KEY] ??= { overrides: {}, resets: {} });

/** The test's replacement for this dependency, if any. */
export function dependency<K extends DependencyName>(name: K): Dependencies[K] | undefined {
  return registry.overrides[name];
}

/** Replaces the given dependencies (the others stay as they are). */
export function setDependenciesForTest(partial: Partial<Dependencies>): void {
  registry.overrides = { ...registry.overrides, ...partial };
}

/** Back to the real dependencies: the named ones, or all. Cached real clients are dropped too. */
export function resetDependencies(...names: DependencyName[]): void {
  const all = Object.keys({ clock: 0, auth: 0, messaging: 0, tasks: 0, exportStorage: 0, trackingProvider: 0 } satisfies Record<
    DependencyName,
    0
  >) as DependencyName[];
  for (const name of names.length > 0 ? names : all) {
    delete registry.overrides[name];
    for (const reset of registry.resets[name] ?? []) reset();
  }
}

/** An adapter's own cache to drop on reset (a real client built for another environment). */
export function onReset(name: DependencyName, reset: () => void): void {
  (registry.resets[name] ??= []).push(reset);
}
