// Destroys customers' contact details a fixed retention after an order ends (개인정보 보호법); the
// work is app/personalDataRedaction.ts redactExpiredPersonalData. Daily, bounded per run, idempotent.
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { redactExpiredPersonalData } from '../app/personalDataRedaction';
import { FUNCTION_MEMORY } from '../memory';

export const redactPersonalData = onSchedule(
  // Daily at 03:30 Seoul; a backlog larger than one batch is worked off over the following days
  // (raise REDACTION_BATCH_SIZE for a one-off backfill).
  { schedule: 'every day 03:30', timeZone: 'Asia/Seoul', timeoutSeconds: 300, retryCount: 0, memory: FUNCTION_MEMORY.scheduled },
  async () => {
    await redactExpiredPersonalData();
  },
);
