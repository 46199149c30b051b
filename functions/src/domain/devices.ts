// Push devices: which platforms an app registers from, and the per-user device policy. A user keeps
// at most MAX_DEVICES_PER_USER devices: each new one retires the least recently refreshed, so fake
// or abandoned tokens can't inflate every push to the store. A token held by another user moves to
// the registering user (a shared phone never notifies the previous account).

export const MAX_DEVICES_PER_USER = 10;

export const PLATFORMS = ['ios', 'android', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface Device {
  uid: string;
  token: string;
  platform: Platform;
  createdAt: number;
  refreshedAt: number;
}

/** Who held the token before (if someone else) and whether it is a new device for `uid`. */
export function registrationOf(uid: string, previous: Device | null): { movedFrom: string | null; isNewForUser: boolean } {
  const movedFrom = previous && previous.uid !== uid ? previous.uid : null;
  return { movedFrom, isNewForUser: !previous || movedFrom !== null };
}

/** The devices to retire (ids, from `oldestFirst`) so that one more fits under `max`. */
export function devicesToRetire(oldestFirst: readonly string[], max: number = MAX_DEVICES_PER_USER): string[] {
  const excess = oldestFirst.length + 1 - max;
  return oldestFirst.slice(0, Math.max(0, excess));
}

/** The device as registered at `at`: a refresh by the same user keeps its creation time. */
export function registeredDevice(
  uid: string,
  token: string,
  platform: Platform,
  previous: Device | null,
  movedFrom: string | null,
  at: number,
): Device {
  return { uid, token, platform, createdAt: previous && !movedFrom ? previous.createdAt : at, refreshedAt: at };
}
