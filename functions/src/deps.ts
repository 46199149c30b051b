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

let overrides: Partial<Dependencies> = {};
const resets: Partial<Record<DependencyName, () => void>> = {};

/** The test's replacement for this dependency, if any. */
export function dependency<K extends DependencyName>(name: K): Dependencies[K] | undefined {
  return overrides[name];
}

/** Replaces the given dependencies (the others stay as they are). */
export function setDependenciesForTest(partial: Partial<Dependencies>): void {
  overrides = { ...overrides, ...partial };
}

/** Back to the real dependencies: the named ones, or all. Cached real clients are dropped too. */
export function resetDependencies(...names: DependencyName[]): void {
  const all = Object.keys({ clock: 0, auth: 0, messaging: 0, tasks: 0, exportStorage: 0, trackingProvider: 0 } satisfies Record<DependencyName, 0>) as DependencyName[];
  for (const name of names.length > 0 ? names : all) {
    delete overrides[name];
    resets[name]?.();
  }
}

/** An adapter's own cache to drop on reset (a real client built for another environment). */
export function onReset(name: DependencyName, reset: () => void): void {
  resets[name] = reset;
}
