// trackingWebhook: HTTPS intake of courier tracking events from a tracking provider (contract in
// docs/tracking.md). Order of checks: method, then body size (413 before anything is parsed), then
// authentication (HMAC over the raw body with a fresh timestamp), then the body, then one
// transaction (app/trackingIntake.ts). 2xx only once the event is committed, so the provider
// retries anything that failed.
import * as logger from 'firebase-functions/logger';
import { onRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { text } from '../boundary/primitives';
import { trackingWebhookSecret } from '../config';
import { FieldIssue, zodIssues } from '../boundary/zodIssues';
import { carrierFromProviderCode, normalizeTrackingNumber } from '../domain/carriers';
import { isPlausibleCourierTime, toTrackingStatus, TrackingEvent } from '../domain/tracking';
import { verifyWebhookSignature } from '../domain/webhookSignature';
import { now } from '../infra/clock';
import { IntakeResult, recordTrackingEvent } from '../app/trackingIntake';
import { LOG_EVENTS } from '../logEvents';
import { FUNCTION_MEMORY } from '../memory';

/** Epoch ms below this are surely seconds sent by mistake (it is 2001-09-09). */
const MIN_EPOCH_MS = 1_000_000_000_000;

/** One event is a few hundred bytes; anything far larger is refused (413) before it is parsed. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

/**
 * The body of one event, for a clock reading `now` (occurredAt must be plausible then). Unknown
 * fields are ignored, so a provider may send more.
 */
export function trackingWebhookBodyAt(now: () => number) {
  return z.object({
    eventId: text().trim().min(1).max(200),
    carrier: text()
      .trim()
      .min(1)
      .max(64)
      .transform((raw) => carrierFromProviderCode(raw)?.code ?? raw),
    trackingNumber: text().max(64).transform(normalizeTrackingNumber).pipe(z.string().min(1).max(40)),
    status: text().trim().min(1).max(64).transform(toTrackingStatus),
    occurredAt: z
      .union([z.iso.datetime({ offset: true }).transform((iso) => Date.parse(iso)), z.number().int().min(MIN_EPOCH_MS)])
      .refine((ms) => isPlausibleCourierTime(ms, now()), 'occurredAt must be between 2000-01-01 and a day from now'),
    location: optionalText(200),
    description: optionalText(500),
  });
}

/** The body of one event, checked against the server clock. */
export const trackingWebhookBody = trackingWebhookBodyAt(now);

export type ParsedBody = { ok: true; event: TrackingEvent } | { ok: false; fields: FieldIssue[] };

export function parseTrackingWebhookBody(rawBody: Buffer, at: () => number = now): ParsedBody {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, fields: [{ path: '', message: 'body is not JSON' }] };
  }
  const parsed = trackingWebhookBodyAt(at).safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      fields: zodIssues(parsed.error),
    };
  }
  return { ok: true, event: parsed.data };
}

/** The parts of the Express request and response this handler uses. */
export interface WebhookRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody?: Buffer;
}
export interface WebhookResponse {
  status(code: number): WebhookResponse;
  set(field: string, value: string): WebhookResponse;
  json(body: unknown): unknown;
  end(): unknown;
}

export interface WebhookDeps {
  secret: () => string;
  now: () => number;
  record: (event: TrackingEvent) => Promise<IntakeResult>;
}

export function createTrackingWebhookHandler(deps: WebhookDeps) {
  return async (req: WebhookRequest, res: WebhookResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.set('Allow', 'POST').status(405).end();
      return;
    }
    const rawBody = req.rawBody ?? Buffer.alloc(0);
    if (rawBody.length > MAX_WEBHOOK_BODY_BYTES) {
      logger.warn(LOG_EVENTS.trackingWebhookTooLarge, { bytes: rawBody.length });
      res.status(413).end();
      return;
    }
    const check = verifyWebhookSignature(rawBody, req.headers, deps.secret(), deps.now());
    if (!check.ok) {
      // The reason stays in our logs; the caller learns nothing about which check failed.
      if (check.reason === 'no_secret') logger.error(LOG_EVENTS.trackingWebhookSecretMissing, { reason: check.reason });
      else logger.warn(LOG_EVENTS.trackingWebhookUnauthenticated, { reason: check.reason });
      res.status(401).end();
      return;
    }
    const parsed = parseTrackingWebhookBody(rawBody, deps.now);
    if (!parsed.ok) {
      logger.warn(LOG_EVENTS.trackingWebhookMalformed, { fields: parsed.fields });
      res.status(400).json({ error: 'malformed_event', fields: parsed.fields });
      return;
    }
    let result: IntakeResult;
    try {
      result = await deps.record(parsed.event);
    } catch (error) {
      logger.error(LOG_EVENTS.trackingWebhookFailed, {
        eventId: parsed.event.eventId,
        error: String((error as Error)?.message ?? error),
        stack: (error as Error)?.stack,
      });
      res.status(500).json({ error: 'not_recorded' });
      return;
    }
    res.status(200).json({ eventId: parsed.event.eventId, outcome: result.outcome });
  };
}

export const trackingWebhook = onRequest(
  { secrets: [trackingWebhookSecret], invoker: 'public', memory: FUNCTION_MEMORY.webhook },
  createTrackingWebhookHandler({
    secret: () => trackingWebhookSecret.value(),
    now,
    record: (event) => recordTrackingEvent(event, 'webhook'),
  }),
);
