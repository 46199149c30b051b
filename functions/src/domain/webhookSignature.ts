// Authentication of the tracking webhook: HMAC-SHA256 over `${timestamp}.${rawBody}` with a shared
// secret, and a freshness window on the timestamp so a captured request cannot be replayed later.
// Pure (node:crypto only): the HTTP shell passes headers, the raw body, the secret and the time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-gocafein-timestamp';
export const SIGNATURE_HEADER = 'x-gocafein-signature';

/** Events older than this are refused. */
export const MAX_EVENT_AGE_MS = 5 * 60 * 1000;
/** Tolerated clock difference for a timestamp ahead of ours; beyond it the event is "from the future". */
export const MAX_CLOCK_SKEW_MS = 30 * 1000;

export type SignatureFailure =
  | 'no_secret'
  | 'missing_timestamp'
  | 'malformed_timestamp'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'missing_signature'
  | 'malformed_signature'
  | 'signature_mismatch';

export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

type HeaderValue = string | string[] | undefined;

function mac(secret: string, timestamp: string, rawBody: Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

/** The header value a sender puts in `X-Gocafein-Signature`. */
export function signWebhookBody(rawBody: Buffer | string, timestampSeconds: number, secret: string): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return `sha256=${mac(secret, String(timestampSeconds), body).toString('hex')}`;
}

const single = (value: HeaderValue): string | undefined => (Array.isArray(value) ? undefined : value);

/**
 * Checks one request. The reason is for our logs only; callers answer every failure the same way.
 * The signature is compared in constant time, and only after its format is known to be right, so
 * the comparison never depends on where a guess first differs.
 */
export function verifyWebhookSignature(
  rawBody: Buffer,
  headers: Record<string, HeaderValue>,
  secret: string,
  nowMs: number,
): SignatureCheck {
  // An empty key would let anyone compute a valid signature: a missing secret refuses everything.
  if (!secret) return { ok: false, reason: 'no_secret' };

  const timestamp = single(headers[TIMESTAMP_HEADER]);
  if (timestamp === undefined || timestamp === '') return { ok: false, reason: 'missing_timestamp' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed_timestamp' };
  const sentAtMs = Number(timestamp) * 1000;
  if (nowMs - sentAtMs > MAX_EVENT_AGE_MS) return { ok: false, reason: 'stale_timestamp' };
  if (sentAtMs - nowMs > MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'future_timestamp' };

  const signature = single(headers[SIGNATURE_HEADER]);
  if (signature === undefined || signature === '') return { ok: false, reason: 'missing_signature' };
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(signature.trim());
  if (!match) return { ok: false, reason: 'malformed_signature' };

  const expected = mac(secret, timestamp, rawBody);
  const given = Buffer.from(match[1], 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'signature_mismatch' };
}
