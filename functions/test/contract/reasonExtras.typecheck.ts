// Type-level check (compiled by `npm run typecheck`, which `npm test` runs first): a DomainError's
// extras must be the ones ReasonExtras (src/contract/types.ts) declares for its reason, so the
// client's typed `details` are what the server sends. Each @ts-expect-error line must fail to compile.
import { DomainError } from '../../src/domain/reasons';

export const allowed = [
  new DomainError('too_many_stores', { max: 3 }),
  new DomainError('unknown_option', { menuItemId: 'm', groupId: 'size', choiceId: 'xl' }),
  new DomainError('order_cancelled', { status: 'cancelled' }),
  new DomainError('order_not_found'),
];

export const refused = [
  // @ts-expect-error a misspelled extra
  new DomainError('too_many_stores', { maximum: 3 }),
  // @ts-expect-error a required extra left out
  new DomainError('unknown_option', { menuItemId: 'm' }),
  // @ts-expect-error a status that doesn't exist
  new DomainError('order_cancelled', { status: 'bogus' }),
];
