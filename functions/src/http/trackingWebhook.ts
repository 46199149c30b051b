// trackingWebhook: HTTPS intake of courier tracking events from a tracking provider (contract in
// docs/tracking.md). POST only; the checks and the transaction are app/trackingWebhook.ts
// receiveTrackingWebhook, whose outcome this maps to a status: 2xx only once the event is committed.
import { onRequest } from 'firebase-functions/v2/https';
import { receiveTrackingWebhook, WebhookDeps } from '../app/trackingWebhook';
import { recordTrackingEvent } from '../app/trackingIntake';
import { trackingWebhookSecret } from '../config';
import { now } from '../infra/clock';
import { FUNCTION_MEMORY } from '../memory';

export { MAX_WEBHOOK_BODY_BYTES, type WebhookDeps } from '../app/trackingWebhook';
export { parseTrackingWebhookBody, trackingWebhookBodyAt, type ParsedBody } from '../boundary/trackingWebhookBody';

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

export function createTrackingWebhookHandler(deps: WebhookDeps) {
  return async (req: WebhookRequest, res: WebhookResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.set('Allow', 'POST').status(405).end();
      return;
    }
    const result = await receiveTrackingWebhook(req.rawBody ?? Buffer.alloc(0), req.headers, deps);
    switch (result.kind) {
      case 'too_large':
        res.status(413).end();
        return;
      case 'unauthenticated':
        res.status(401).end();
        return;
      case 'malformed':
        res.status(400).json({ error: 'malformed_event', fields: result.fields });
        return;
      case 'not_recorded':
        res.status(500).json({ error: 'not_recorded' });
        return;
      case 'recorded':
        res.status(200).json({ eventId: result.eventId, outcome: result.outcome });
        return;
    }
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
