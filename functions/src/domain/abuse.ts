// Who may order or apply, and how fast a customer may order. Pure: the callables read the token,
// the Auth record and the customer's placement log, and this decides. Times are epoch ms.
import type { Reason } from './reasons';

/** The parts of an ID token (decoded) and an Auth user record the account checks use. */
export interface AccountFacts {
  /** `firebase.sign_in_provider` of the ID token ('anonymous', 'password', 'google.com', ...). */
  signInProvider: string | null;
  /** The Auth record read during the call: null when the account no longer exists. */
  account: { disabled: boolean; emailVerified: boolean } | null;
}

export type AccountPurpose = 'order' | 'apply';

/**
 * Why this account may not place an order or apply for a store, or null.
 * - Anonymous accounts may do neither: they cost nothing to make, so limits per account mean nothing.
 * - Disabled or deleted accounts may do neither: their ID tokens stay valid for up to an hour.
 * - An unverified email may order (customers sign in with phone or social accounts too, and the
 *   store sees the order before anything is made), but may not apply: the application's address
 *   is where the review result and the store's business mail go.
 */
export function accountRefusal(facts: AccountFacts, purpose: AccountPurpose): Reason | null {
  if (facts.signInProvider === 'anonymous') return 'anonymous_account';
  if (facts.account === null || facts.account.disabled) return 'account_disabled';
  if (purpose === 'apply' && !facts.account.emailVerified) return 'email_not_verified';
  return null;
}

export function signInProviderOf(token: Record<string, unknown>): string | null {
  const firebase = token.firebase;
  if (!firebase || typeof firebase !== 'object') return null;
  const provider = (firebase as Record<string, unknown>).sign_in_provider;
  return typeof provider === 'string' ? provider : null;
}

export interface OrderLimits {
  /** At most this many `received` orders of one customer at one store. */
  maxUnansweredPerStore: number;
  /** At most this many placements by one customer, over all stores, per window. */
  ratePerWindow: number;
  windowMs: number;
}

/**
 * Decides one placement. `recentPlacements` are the customer's earlier placements (any store) from
 * their limits document; `unansweredAtStore` is how many of their orders at this store are still
 * `received` (counted up to the limit). Returns the refusal, or the placement log to store: the
 * ones still inside the window plus this one, so the log never grows past the rate limit.
 */
export function orderLimitDecision<P extends { at: number }>(
  limits: OrderLimits,
  state: { recentPlacements: readonly P[]; unansweredAtStore: number },
  placement: P,
): { refusal: Reason } | { recentPlacements: P[] } {
  if (state.unansweredAtStore >= limits.maxUnansweredPerStore) return { refusal: 'too_many_unanswered_orders' };
  const recent = recentWithin(state.recentPlacements, limits.windowMs, placement.at);
  if (recent.length >= limits.ratePerWindow) return { refusal: 'order_rate_limited' };
  // Sorted again: another instance's clock may be a little ahead of this one.
  return { recentPlacements: [...recent, placement].sort((a, b) => a.at - b.at) };
}

/** Placements inside the window that ends now, oldest first. */
export function recentWithin<P extends { at: number }>(placements: readonly P[], windowMs: number, now: number): P[] {
  return placements.filter((placement) => Number.isFinite(placement.at) && placement.at > now - windowMs).sort((a, b) => a.at - b.at);
}
