// The tracking webhook's body (contract in docs/tracking.md): one courier event, parsed and
// normalized with zod for a clock reading (occurredAt must be plausible then).
import { z } from 'zod/mini';
// English, the webhook's language (docs/tracking.md), whatever locale the process installed for the
// callables: zod/mini installs none, and classic zod's English default is gone with it.
import { en } from 'zod/locales';
import { carrierFromProviderCode, normalizeTrackingNumber } from '../domain/carriers';
import { isPlausibleCourierTime, toTrackingStatus, TrackingEvent } from '../domain/tracking';
import { integer, isoWithOffset, text, trimmedText } from './primitives';
import { FieldIssue, zodIssues } from './zodIssues';

/** Epoch ms below this are surely seconds sent by mistake (it is 2001-09-09). */
const MIN_EPOCH_MS = 1_000_000_000_000;

/** One event is a few hundred bytes; anything far larger is refused (413) before it is parsed. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

const optionalText = (max: number) =>
  z.pipe(
    z.nullish(trimmedText(max)),
    z.transform((value: string | null | undefined) => (value ? value : null)),
  );

/**
 * The body of one event, for a clock reading `now` (occurredAt must be plausible then). Unknown
 * fields are ignored, so a provider may send more.
 */
export function trackingWebhookBodyAt(now: () => number) {
  return z.object({
    eventId: trimmedText(200, 1),
    carrier: z.pipe(
      trimmedText(64, 1),
      z.transform((raw: string) => carrierFromProviderCode(raw)?.code ?? raw),
    ),
    trackingNumber: z.pipe(
      z.pipe(text().check(z.maxLength(64)), z.transform(normalizeTrackingNumber)),
      z.string().check(z.minLength(1), z.maxLength(40)),
    ),
    status: z.pipe(trimmedText(64, 1), z.transform(toTrackingStatus)),
    occurredAt: z
      .union([isoWithOffset, integer(MIN_EPOCH_MS)])
      .check(z.refine((ms) => isPlausibleCourierTime(ms, now()), 'occurredAt must be between 2000-01-01 and a day from now')),
    location: optionalText(200),
    description: optionalText(500),
  });
}

const englishMessages = en().localeError;

export type ParsedBody = { ok: true; event: TrackingEvent } | { ok: false; fields: FieldIssue[] };

export function parseTrackingWebhookBody(rawBody: Buffer, at: () => number): ParsedBody {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, fields: [{ path: '', message: 'body is not JSON' }] };
  }
  const parsed = trackingWebhookBodyAt(at).safeParse(json, { error: englishMessages });
  if (!parsed.success) {
    return {
      ok: false,
      fields: zodIssues(parsed.error),
    };
  }
  return { ok: true, event: parsed.data };
}
