// Tracking test helpers: shipped delivery orders, and signed calls to the exported trackingWebhook
// with Express-like request and response stand-ins.
import { prepareShipment, shipOrder } from '../../src/callables/orderCommands';
import { signWebhookBody } from '../../src/domain/webhookSignature';
import { trackingWebhook } from '../../src/http/trackingWebhook';
import { now } from '../../src/infra/clock';
import { as, call } from './callables';
import { STORE_ID } from './fixtures';
import { placeDelivery } from './orders';
import { setDependenciesForTest } from '../../src/deps';

export const WEBHOOK_SECRET = 'whsec_test_webhook_secret';
// defineSecret reads the secret from the environment at call time, as Cloud Functions provides it.
process.env.TRACKING_WEBHOOK_SECRET = WEBHOOK_SECRET;

export const owner = as.owner(STORE_ID);

export async function shippedOrder(carrier = 'cj', trackingNumber = '123456789012'): Promise<string> {
  const orderId = await placeDelivery();
  await call(prepareShipment, { orderId }, owner);
  await call(shipOrder, { orderId, carrier, trackingNumber }, owner);
  return orderId;
}

/**
 * The courier events below carry fixed times on 2026-11-26 (KST). Orders must be placed before
 * them (a scan older than its order is ignored), so tests that use them run on a clock that starts
 * at midnight of that day and moves with real time.
 */
export const TRACKING_DAY_START = Date.parse('2026-11-26T00:00:00+09:00');
export function useTrackingDayClock(): void {
  const base = Date.now();
  setDependenciesForTest({ clock: () => TRACKING_DAY_START + (Date.now() - base) });
}

let eventCounter = 0;
export function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  eventCounter += 1;
  return {
    eventId: `evt-${Date.now()}-${eventCounter}`,
    carrier: 'cj',
    trackingNumber: '123456789012',
    status: 'delivered',
    occurredAt: '2026-11-26T14:03:00+09:00',
    location: '서울강남',
    description: '배달완료',
    ...overrides,
  };
}

export interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface PostOptions {
  timestampSeconds?: number;
  secret?: string;
  signature?: string | null;
  timestampHeader?: string | null;
  method?: string;
}

export async function postWebhook(body: unknown, options: PostOptions = {}): Promise<Answer> {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  const timestamp = options.timestampSeconds ?? Math.floor(now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const timestampHeader = options.timestampHeader === undefined ? String(timestamp) : options.timestampHeader;
  if (timestampHeader !== null) headers['x-gocafein-timestamp'] = timestampHeader;
  const signature = options.signature === undefined ? signWebhookBody(raw, timestamp, options.secret ?? WEBHOOK_SECRET) : options.signature;
  if (signature !== null) headers['x-gocafein-signature'] = signature;

  const answer: Answer = { status: 200, body: undefined, headers: {} };
  const res = {
    headersSent: false,
    status(code: number) {
      answer.status = code;
      return res;
    },
    set(field: string, value: string) {
      answer.headers[field.toLowerCase()] = value;
      return res;
    },
    json(payload: unknown) {
      answer.body = payload;
      res.headersSent = true;
      return res;
    },
    send(payload: unknown) {
      answer.body = payload;
      res.headersSent = true;
      return res;
    },
    end() {
      res.headersSent = true;
      return res;
    },
    on() {
      return res;
    },
  };
  const req = { method: options.method ?? 'POST', headers, rawBody: raw, body: undefined };
  await trackingWebhook(req as never, res as never);
  return answer;
}
