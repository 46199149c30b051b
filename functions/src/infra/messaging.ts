// The FCM boundary. Functions hand it exact multicast messages (at most 500 tokens each); tests
// replace it with a recorder. firebase-admin/messaging loads on the first send, never when a
// function module loads, so callables that send nothing never pay for it.
import type { BatchResponse, MulticastMessage } from 'firebase-admin/messaging';
import { ensureAdminApp } from './firestore';

export interface MessagingBoundary {
  sendEachForMulticast(message: MulticastMessage): Promise<BatchResponse>;
}

let override: MessagingBoundary | undefined;
let real: MessagingBoundary | undefined;

export function messaging(): MessagingBoundary {
  if (override) return override;
  if (!real) {
    ensureAdminApp();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getMessaging } = require('firebase-admin/messaging') as typeof import('firebase-admin/messaging');
    real = getMessaging();
  }
  return real;
}

/** Tests inject a fake; `resetMessaging()` restores the real one. */
export function setMessaging(boundary: MessagingBoundary): void {
  override = boundary;
}

export function resetMessaging(): void {
  override = undefined;
}
