// The server clock. Business time always comes from here, never from a client.
// Tests replace it (deps.ts `clock`) to drive timers (auto-complete, reminders) deterministically.
import { dependency } from '../deps';

export function now(): number {
  const clock = dependency('clock');
  return clock ? clock() : Date.now();
}
