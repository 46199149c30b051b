// The server clock. Business time always comes from here, never from a client.
// Tests replace it to drive timers (auto-complete, reminders) deterministically.
let source: () => number = () => Date.now();

export function now(): number {
  return source();
}

export function setClock(next: () => number): void {
  source = next;
}

export function resetClock(): void {
  source = () => Date.now();
}
