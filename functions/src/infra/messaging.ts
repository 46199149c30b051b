// The FCM boundary. Functions hand it exact multicast messages (at most 500 tokens each); tests
// replace it with a recorder. firebase-admin/messaging loads on the first send, never when a
// function module loads, so callables that send nothing never pay for it.
import type { BatchResponse, MulticastMessage } from 'firebase-admin/messaging';
import { dependency } from '../deps';
import { ensureAdminApp } from './firestore';

export interface MessagingBoundary {
  sendEachForMulticast(message: MulticastMessage): Promise<BatchResponse>;
}

let real: MessagingBoundary | undefined;

/**
 * Under the emulator suite FCM can't be reached. When GOCAFEIN_PUSH_OUTBOX names a file, the
 * emulated functions append each multicast to it as one JSON line instead, and report every token
 * as sent: developers can watch the pushes, and the local-stack test counts them. Never in
 * production: it needs FUNCTIONS_EMULATOR=true, which only the emulator sets.
 */
function emulatorOutbox(): MessagingBoundary | undefined {
  const file = process.env.GOCAFEIN_PUSH_OUTBOX;
  if (!file || process.env.FUNCTIONS_EMULATOR !== 'true') return undefined;
  return {
    async sendEachForMulticast(message) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- node:fs only when the local file sink is used
      const { appendFileSync } = require('node:fs') as typeof import('node:fs');
      appendFileSync(file, `${JSON.stringify(message)}\n`);
      const responses = message.tokens.map((_, i) => ({ success: true, messageId: `outbox-${Date.now()}-${i}` }));
      return { responses, successCount: responses.length, failureCount: 0 };
    },
  };
}

export function messaging(): MessagingBoundary {
  const replaced = dependency('messaging');
  if (replaced) return replaced;
  if (!real) real = emulatorOutbox();
  if (!real) {
    ensureAdminApp();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- firebase-admin/messaging loads on the first push, not at cold start
    const { getMessaging } = require('firebase-admin/messaging') as typeof import('firebase-admin/messaging');
    real = getMessaging();
  }
  return real;
}
