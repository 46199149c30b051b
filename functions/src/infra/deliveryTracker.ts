// TrackingProvider for Delivery Tracker (딜리버리 트래커, tracker.delivery), a GraphQL API covering
// the Korean couriers of domain/carriers.ts. What this relies on, from its documentation
// (sources in docs/tracking.md):
// - POST https://apis.tracker.delivery/graphql, header `Authorization: TRACKQL-API-KEY <clientId>:<clientSecret>`.
// - Query.track(carrierId, trackingNumber) → TrackInfo; TrackInfo.lastEvent is the most likely current
//   event and prefers DELIVERED even when a later scan exists.
// - TrackEvent { time: DateTime (RFC 3339 with offset), status { code: TrackEventStatusCode, name },
//   description, location { name } }.
// - Errors come in `errors[].extensions.code` (ErrorCode: UNAUTHENTICATED, FORBIDDEN, INTERNAL,
//   BAD_REQUEST, NOT_FOUND), possibly with HTTP 200.
// - Default quota: 10 API calls per second per project; recommended timeout: up to 15 seconds.
import { z } from 'zod/mini';
import { Carrier } from '../domain/carriers';
import { toWellFormedText } from '../domain/text';
import { isPlausibleCourierTime, toTrackingStatus } from '../domain/tracking';
import { now } from './clock';
import { ProviderError, ProviderEvent, ProviderTrackResult, TrackingProvider } from './trackingProvider';

export const DELIVERY_TRACKER_ENDPOINT = 'https://apis.tracker.delivery/graphql';

export const TRACK_QUERY = `query Track($carrierId: ID!, $trackingNumber: String!) {
  track(carrierId: $carrierId, trackingNumber: $trackingNumber) {
    lastEvent {
      time
      status { code name }
      description
      location { name }
    }
  }
}`;

const nullishString = z.nullish(z.string());

const trackEvent = z.object({
  time: nullishString,
  status: z.object({ code: z.string(), name: nullishString }),
  description: nullishString,
  location: z.nullish(z.object({ name: nullishString })),
});

const trackResponse = z.object({
  data: z.nullish(z.object({ track: z.nullish(z.object({ lastEvent: z.nullish(trackEvent) })) })),
  errors: z.nullish(z.array(z.object({ message: nullishString, extensions: z.nullish(z.object({ code: nullishString })) }))),
});

export interface DeliveryTrackerOptions {
  /** `<clientId>:<clientSecret>` from the Delivery Tracker console (secret DELIVERY_TRACKER_API_KEY). */
  apiKey: string;
  fetch?: typeof fetch;
  endpoint?: string;
  timeoutMs?: number;
  /** The clock event times are checked against (epoch ms); the server clock by default. */
  now?: () => number;
}

const blank = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? toWellFormedText(trimmed) : null;
};

export class DeliveryTrackerProvider implements TrackingProvider {
  readonly name = 'delivery-tracker';
  private readonly fetchImpl: typeof fetch;
  private readonly endpoint: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: DeliveryTrackerOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.endpoint = options.endpoint ?? DELIVERY_TRACKER_ENDPOINT;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  async track(carrier: Carrier, trackingNumber: string): Promise<ProviderTrackResult> {
    // Messages never include the key, so they are safe to log.
    if (!this.options.apiKey) throw new ProviderError('delivery-tracker: no API key configured', 'unauthorized');
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `TRACKQL-API-KEY ${this.options.apiKey}`,
        },
        body: JSON.stringify({ query: TRACK_QUERY, variables: { carrierId: carrier.deliveryTrackerId, trackingNumber } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ProviderError(`delivery-tracker: request failed (${(error as Error)?.name ?? 'error'})`, 'unavailable');
    }

    if (response.status === 401 || response.status === 403) {
      throw new ProviderError(`delivery-tracker: HTTP ${response.status}`, 'unauthorized');
    }
    if (response.status === 429) throw new ProviderError('delivery-tracker: HTTP 429', 'rate_limited');

    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ProviderError(`delivery-tracker: unreadable body (HTTP ${response.status})`, 'unavailable');
    }
    const parsed = trackResponse.safeParse(json);
    if (!parsed.success) {
      throw new ProviderError(`delivery-tracker: unexpected body (HTTP ${response.status})`, 'unavailable');
    }

    const errorCode = parsed.data.errors?.[0]?.extensions?.code ?? (parsed.data.errors?.length ? 'UNKNOWN' : null);
    if (errorCode) {
      switch (errorCode) {
        case 'NOT_FOUND': // the courier has no record of this number (yet)
        case 'BAD_REQUEST': // the number is not one the courier can have: nothing to learn by retrying soon
          return { found: false };
        case 'UNAUTHENTICATED':
        case 'FORBIDDEN':
          throw new ProviderError(`delivery-tracker: ${errorCode}`, 'unauthorized');
        default:
          throw new ProviderError(`delivery-tracker: ${errorCode}`, 'unavailable');
      }
    }
    if (!response.ok) throw new ProviderError(`delivery-tracker: HTTP ${response.status}`, 'unavailable');

    // GraphQL answers a request with `data` (a null `track`: the courier doesn't know the number).
    // No `data` at all is not an answer about the parcel: a broken proxy or gateway, so retry.
    if (!parsed.data.data) {
      throw new ProviderError(`delivery-tracker: no data in the answer (HTTP ${response.status})`, 'unavailable');
    }
    const track = parsed.data.data.track;
    if (!track) return { found: false };
    const last = track.lastEvent;
    if (!last) return { found: true, lastEvent: null };
    const time = last.time ? Date.parse(last.time) : NaN;
    const lastEvent: ProviderEvent = {
      status: toTrackingStatus(last.status.code),
      // Unparseable or implausible (year 0, epoch microseconds): no courier time.
      occurredAt: isPlausibleCourierTime(time, (this.options.now ?? now)()) ? time : null,
      location: blank(last.location?.name),
      description: blank(last.description) ?? blank(last.status.name),
    };
    return { found: true, lastEvent };
  }
}
