// Sends one notification exactly once per event: claims the event (notificationLedger), sends in
// batches of at most 500 tokens through the messaging boundary, deletes tokens FCM rejects for
// good, and on transient failures records what succeeded and throws RetryLaterError, so the
// platform redelivers the event and the next attempt sends only to the tokens still owed.
import * as logger from 'firebase-functions/logger';
import { RetryLaterError } from '../boundary/errors';
import { chunk, multicast, PushContent, sendFailureKind } from '../domain/notifications';
import { deleteDevices, DeviceTarget } from '../infra/devices';
import { messaging } from '../infra/messaging';
import { ClaimContext, ClaimKey, claimNotification, recordClaimProgress } from '../infra/notificationLedger';
import { LOG_EVENTS } from '../logEvents';

export interface PushRequest {
  key: ClaimKey;
  context: ClaimContext;
  content: PushContent;
  /** Read after the claim, so a retry also reaches devices registered since. */
  recipients: () => Promise<DeviceTarget[]>;
  /** A store with no devices misses orders (warning); a customer without the app is normal (info). */
  noDevicesSeverity?: 'warn' | 'info';
}

export interface PushReport {
  outcome: 'sent' | 'duplicate' | 'gave_up';
  sent: number;
  invalid: number;
  failed: number;
}

export async function pushOnce(request: PushRequest): Promise<PushReport> {
  const { key, context } = request;
  const log = { orderId: context.orderId, storeId: context.storeId, kind: context.kind, ...key };
  const claim = await claimNotification(key, context);
  if (claim.status === 'finished') {
    if (claim.state === 'done') logger.info(LOG_EVENTS.pushDuplicateSkipped, log);
    return { outcome: claim.state === 'done' ? 'duplicate' : 'gave_up', sent: 0, invalid: 0, failed: 0 };
  }
  if (claim.status === 'busy') {
    logger.info(LOG_EVENTS.pushClaimBusy, { ...log, leaseExpiresAt: new Date(claim.leaseExpiresAt).toISOString() });
    throw new RetryLaterError('another attempt is sending this notification', { leaseExpiresAt: claim.leaseExpiresAt });
  }

  const { holder } = claim;
  let sent = 0;
  let invalid = 0;
  let permanent = 0;
  const owed: DeviceTarget[] = [];
  try {
    const targets = await request.recipients();
    const pending = targets.filter((target) => !claim.sentTokenIds.has(target.tokenId) && !claim.droppedTokenIds.has(target.tokenId));
    if (targets.length === 0) logger[request.noDevicesSeverity ?? 'warn']('push.no_devices', log);

    for (const batch of chunk(pending)) {
      const outcomes = await sendBatch(request.content, batch, log);
      const sentIds: string[] = [];
      const droppedIds: string[] = [];
      const invalidTargets: DeviceTarget[] = [];
      outcomes.forEach((outcome, index) => {
        const target = batch[index];
        if (outcome.success) {
          sentIds.push(target.tokenId);
          return;
        }
        const kind = sendFailureKind(outcome.code);
        if (kind === 'retry') {
          owed.push(target);
        } else {
          droppedIds.push(target.tokenId);
          if (kind === 'invalid_token') invalidTargets.push(target);
          else logger.warn(LOG_EVENTS.pushTokenFailed, { ...log, tokenId: target.tokenId, code: outcome.code });
        }
      });
      // Progress first: whatever happens next, a retry must not send to these tokens again.
      await recordClaimProgress(key, holder, { sent: sentIds, dropped: droppedIds });
      if (invalidTargets.length) {
        // Best effort: a token FCM called invalid fails again next time and is deleted then.
        await deleteDevices(invalidTargets).catch((error) =>
          logger.warn(LOG_EVENTS.pushTokenCleanupFailed, { ...log, count: invalidTargets.length, error: String(error) }),
        );
      }
      sent += sentIds.length;
      invalid += invalidTargets.length;
      permanent += droppedIds.length - invalidTargets.length;
    }
  } catch (error) {
    // Release the lease so a redelivery need not wait for it to expire.
    await recordClaimProgress(key, holder, { settle: 'retry' }).catch(() => undefined);
    throw error;
  }

  const report = { attempt: claim.attempt, sent, invalid, failed: permanent, retrying: owed.length };
  if (owed.length > 0) {
    await recordClaimProgress(key, holder, { settle: 'retry' });
    logger.warn(LOG_EVENTS.pushPartialFailure, { ...log, ...report });
    throw new RetryLaterError(`${owed.length} device(s) could not be reached; will retry`, report);
  }
  await recordClaimProgress(key, holder, { settle: 'done' });
  logger.info(LOG_EVENTS.pushSent, { ...log, ...report });
  return { outcome: 'sent', sent, invalid, failed: permanent };
}

interface SendOutcome {
  success: boolean;
  code?: string;
}

/** One multicast send; a send that throws leaves every token of the batch owed. */
async function sendBatch(content: PushContent, batch: DeviceTarget[], log: Record<string, unknown>): Promise<SendOutcome[]> {
  try {
    const response = await messaging().sendEachForMulticast(
      multicast(
        content,
        batch.map((target) => target.token),
      ),
    );
    return batch.map((_, index) => {
      const result = response.responses[index];
      if (!result) return { success: false };
      return result.success ? { success: true } : { success: false, code: result.error?.code };
    });
  } catch (error) {
    logger.warn(LOG_EVENTS.pushSendThrew, { ...log, error: String(error), tokens: batch.length });
    return batch.map(() => ({ success: false }));
  }
}
