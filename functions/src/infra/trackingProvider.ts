// What the polling fallback needs from a parcel-tracking API: the latest known state of one parcel.
// One implementation ships (infra/deliveryTracker.ts); tests inject their own.
import { Carrier } from '../domain/carriers';
import { TrackingStatus } from '../domain/tracking';

/** The provider's latest event for a parcel, normalized. */
export interface ProviderEvent {
  status: TrackingStatus;
  /** Courier time, epoch ms; null when the provider gives none. */
  occurredAt: number | null;
  location: string | null;
  description: string | null;
}

/** `found: false`: the provider does not know this number (yet): not an error, nothing to apply. */
export type ProviderTrackResult = { found: false } | { found: true; lastEvent: ProviderEvent | null };

export interface TrackingProvider {
  /** Short stable name, part of the ids of polled events. */
  readonly name: string;
  /** Throws ProviderError when the provider could not answer. */
  track(carrier: Carrier, trackingNumber: string): Promise<ProviderTrackResult>;
}

/**
 * - unavailable: outage, timeout, unreadable answer: this parcel is retried on the next run.
 * - rate_limited / unauthorized: every further call would fail too: the run stops, and all its
 *   remaining parcels are retried on the next run.
 */
export type ProviderErrorKind = 'unavailable' | 'rate_limited' | 'unauthorized';

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly kind: ProviderErrorKind,
  ) {
    super(message);
    this.name = 'ProviderError';
  }

  get stopsRun(): boolean {
    return this.kind !== 'unavailable';
  }
}
