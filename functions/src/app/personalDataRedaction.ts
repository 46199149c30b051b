// Destroys customers' contact details once the order's purpose is fulfilled (개인정보 보호법: destroy
// personal information without delay once it is no longer needed): a fixed retention after an
// order ends (PERSONAL_DATA_RETENTION_DAYS, default 90), the delivery phone number and address
// are replaced (domain/privacy.ts redactedDelivery). Bounded per run, idempotent: each order
// is re-read and re-checked in its own transaction, and a redacted order leaves the query.
import * as logger from 'firebase-functions/logger';
import { ABUSE_DEFAULTS, paramValue, personalDataRetentionDays, redactionBatchSize } from '../config';
import { DAY_MS, redactedDelivery, redactionDue } from '../domain/privacy';
import { now } from '../infra/clock';
import { db, toStored } from '../infra/firestore';
import { redactionCandidatesQuery } from '../infra/orderQueries';
import { orderFromSnapshot, orderRef } from '../infra/orders';
import { LOG_EVENTS } from '../logEvents';

export interface RedactionReport {
  scanned: number;
  redacted: number;
  cutoff: string;
}

export async function redactExpiredPersonalData(options: { batchSize?: number; retentionDays?: number } = {}): Promise<RedactionReport> {
  const retentionDays = options.retentionDays ?? (paramValue(personalDataRetentionDays) || ABUSE_DEFAULTS.personalDataRetentionDays);
  const batchSize = options.batchSize ?? (paramValue(redactionBatchSize) || ABUSE_DEFAULTS.redactionBatchSize);
  const at = now();
  const retentionMs = retentionDays * DAY_MS;
  const cutoff = at - retentionMs;
  const candidates = await redactionCandidatesQuery(cutoff, batchSize).get();
  let redacted = 0;
  for (const candidate of candidates.docs) {
    const done = await db().runTransaction(async (tx) => {
      const snapshot = await tx.get(orderRef(candidate.id));
      if (!snapshot.exists) return false;
      const order = orderFromSnapshot(snapshot);
      const redactedAt = (snapshot.get('personalDataRedactedAt') as { toMillis(): number } | null | undefined)?.toMillis() ?? null;
      if (redactedAt !== null) return false; // a rerun, or a concurrent run, got here first
      if (!order.delivery) {
        // Nothing to destroy: take it out of the query so it never fills a batch again.
        tx.update(orderRef(order.orderId), toStored({ personalDataRedactedAt: at }) as Record<string, unknown>);
        return false;
      }
      if (!redactionDue({ ...order, personalDataRedactedAt: redactedAt }, retentionMs, at)) return false;
      // Not a transition: no version, history entry or updatedAt change (the order's timeline stays).
      tx.update(
        orderRef(order.orderId),
        toStored({ delivery: redactedDelivery(order.delivery), personalDataRedactedAt: at }) as Record<string, unknown>,
      );
      return true;
    });
    if (done) {
      redacted += 1;
      logger.info(LOG_EVENTS.orderPersonalDataRedacted, { orderId: candidate.id, storeId: candidate.get('storeId') as string });
    }
  }
  const report = { scanned: candidates.size, redacted, cutoff: new Date(cutoff).toISOString() };
  logger.info(LOG_EVENTS.ordersPersonalDataRedaction, { ...report, batchSize, retentionDays });
  return report;
}
