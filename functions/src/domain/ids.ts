// Deterministic ids. An order's id is derived from (customer, requestId), so the order document is
// its own idempotency record: a retried placeOrder reads it and returns it instead of a second order.
import { createHash } from 'node:crypto';

export function orderIdFor(customerUid: string, requestId: string): string {
  return createHash('sha256').update(`order\u0000${customerUid}\u0000${requestId}`).digest('base64url').slice(0, 24);
}

/** Canonical JSON (sorted keys) hashed: tells a retry from a different request under the same id. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
