// The server's side of opening hours: placeOrder's refusal while paused, outside hours and on
// holidays, with a Korean message naming the next opening time. Pure (domain/hours.ts decides).
import { availabilityAt, AvailabilityInput, availabilityMessage } from './hours';
import { DomainError } from './reasons';

/**
 * Why the hours refuse an order at `now`, or null. An admin's suspension and the owner's closed
 * switch are left to storeRefusal (domain/menu.ts), which has no next opening time to name.
 * The specific sentence goes in `message`, which replaces the reason's generic one in details.message.
 */
export function hoursRefusal(
  store: AvailabilityInput,
  now: number,
): DomainError<'store_paused' | 'store_outside_hours' | 'store_holiday'> | null {
  const availability = availabilityAt(store, now);
  const reason =
    availability.reason === 'paused'
      ? 'store_paused'
      : availability.reason === 'outside_hours'
        ? 'store_outside_hours'
        : availability.reason === 'holiday'
          ? 'store_holiday'
          : null;
  if (!reason) return null;
  const opensAt = availability.opensAt === null ? null : new Date(availability.opensAt).toISOString();
  return new DomainError(reason, { message: availabilityMessage(availability, now), opensAt });
}
