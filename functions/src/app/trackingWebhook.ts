// One tracking webhook delivery (contract in docs/tracking.md), after the HTTP method check: body
// size (too large before anything is parsed), then authentication (HMAC over the raw body with a
// fresh timestamp), then the body, then one transaction (app/trackingIntake.ts). The entry point
// (http/trackingWebhook.ts) maps the outcome to a status; only `recorded` is a 2xx, so the provider
// retries anything that failed.
import * as logger from 'firebase-functions/logger';
import { parseTrackingWebhookBody } from '../boundary/trackingWebhookBody';
import type { FieldIssue } from '../boundary/zodIssues';
import type { TrackingEvent } from '../domain/tracking';
import { verifyWebhookSignature } from '../domain/webhookSignature';
import { LOG_EVENTS } from '../logEvents';
import type { IntakeOutcome, IntakeResult } from './trackingIntake';

/** One event is a few hundred bytes; anything far larger is refused (413) before it is parsed. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

export interface WebhookDeps {
  secret: () => string;
  now: () => number;
  record: (event: TrackingEvent) => Promise<IntakeResult>;
}

export type WebhookOutcome =
  | { kind: 'too_large' }
  | { kind: 'unauthenticated' }
  | { kind: 'malformed'; fields: FieldIssue[] }
  | { kind: 'not_recorded' }
  | { kind: 'recorded'; eventId: string; outcome: IntakeOutcome };

export async function receiveTrackingWebhook(
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
  deps: WebhookDeps,
): Promise<WebhookOutcome> {
  if (rawBody.length > MAX_WEBHOOK_BODY_BYTES) {
    logger.warn(LOG_EVENTS.trackingWebhookTooLarge, { bytes: rawBody.length });
    return { kind: 'too_large' };
  }
  const check = verifyWebhookSignature(rawBody, headers, deps.secret(), deps.now());
  if (!check.ok) {
    // The reason stays in our logs; the caller learns nothing about which check failed.
    if (check.reason === 'no_secret') logger.error(LOG_EVENTS.trackingWebhookSecretMissing, { reason: check.reason });
    else logger.warn(LOG_EVENTS.trackingWebhookUnauthenticated, { reason: check.reason });
    return { kind: 'unauthenticated' };
  }
  const parsed = parseTrackingWebhookBody(rawBody, deps.now);
  if (!parsed.ok) {
    logger.warn(LOG_EVENTS.trackingWebhookMalformed, { fields: parsed.fields });
    return { kind: 'malformed', fields: parsed.fields };
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
    return { kind: 'not_recorded' };
  }
  return { kind: 'recorded', eventId: parsed.event.eventId, outcome: result.outcome };
}
