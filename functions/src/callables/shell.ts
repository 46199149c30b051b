// The thin shell every callable shares: auth guard, zod validation at the boundary, and one error
// convention. Handlers receive a validated input and an authenticated caller; whatever they throw
// leaves as an HttpsError with a standard code, a stable `details.reason` and a Korean message.
import { CallableRequest, HttpsError, onCall } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import { z } from 'zod/mini';
import { Caller } from '../app/caller';
import { GRPC, grpcCodeOf } from '../boundary/grpc';
import { FieldIssue, zodIssues } from '../boundary/zodIssues';
import { appCheckEnforced, booleanParamValue, callableMaxInstances } from '../config';
import { DomainError, REASONS, Reason } from '../domain/reasons';
import { useKoreanValidationMessages } from './koreanMessages';
import type { MemoryOption } from 'firebase-functions/v2/options';
import { FUNCTION_MEMORY } from '../memory';
import { LOG_EVENTS } from '../logEvents';

// Field-level validation messages in Korean for every schema, applied once at the shared boundary.
useKoreanValidationMessages();

export type { FieldIssue } from '../boundary/zodIssues';

/**
 * The Korean message is also in `details.message`: the web SDK appends " [<http status>]" to the
 * error's own message, so apps show `details.message` as is.
 */
export function httpsErrorFor(reason: Reason, extra: Record<string, unknown> = {}): HttpsError {
  const { code } = REASONS[reason];
  // A denial may carry a more specific sentence, e.g. the next opening time (domain/storeHours.ts).
  const message = typeof extra.message === 'string' ? extra.message : REASONS[reason].message;
  return new HttpsError(code, message, { reason, ...extra, message });
}

export function invalidArgument(issues: FieldIssue[]): HttpsError {
  return httpsErrorFor('invalid_argument', { fields: issues });
}

/** Maps anything a handler throws to the public error convention. */
export function toHttpsError(error: unknown, context: Record<string, unknown>): HttpsError {
  if (error instanceof HttpsError) return error;
  if (error instanceof DomainError) return httpsErrorFor(error.reason as Reason, error.extra);
  // A transaction that kept losing to concurrent writers (gRPC ABORTED after the SDK's retries):
  // safe to retry, and every callable is idempotent for a retry with the same input.
  if (grpcCodeOf(error) === GRPC.ABORTED) {
    logger.warn(LOG_EVENTS.callableContention, { ...context, error: String(error) });
    return httpsErrorFor('contention');
  }
  logger.error(LOG_EVENTS.callableUnexpectedError, { ...context, error: String(error), stack: (error as Error)?.stack });
  return httpsErrorFor('internal');
}

export function callerOf(request: Pick<CallableRequest, 'auth'>): Caller {
  // The emulator accepts unverified tokens and may give `auth` without a uid: guard on the uid.
  const uid = request.auth?.uid;
  if (!uid) throw httpsErrorFor('unauthenticated');
  return { uid, token: request.auth?.token ?? {} };
}

export interface CallableShellOptions {
  /**
   * App Check replay protection: the token is consumed, and a token seen before is refused
   * (`app_check_token_reused`). For low-volume, costly calls only: each one costs an App Check call.
   */
  consumeAppCheckToken?: boolean;
  /** Memory of this callable when it needs more than FUNCTION_MEMORY.callable (src/memory.ts). */
  memory?: MemoryOption;
}

/**
 * App Check, checked again inside the handler: the platform refuses a missing or invalid token when
 * `enforceAppCheck` is on, and marks a consumed one with `alreadyConsumed`, which only the handler
 * can refuse. Off (APP_CHECK_ENFORCED=false) in the emulators, where no client attests.
 */
export function appCheckRefusal(
  request: Pick<CallableRequest, 'app'>,
  options: CallableShellOptions,
): 'app_check_failed' | 'app_check_token_reused' | null {
  if (!booleanParamValue(appCheckEnforced)) return null;
  if (!request.app?.appId) return 'app_check_failed';
  if (options.consumeAppCheckToken && request.app.alreadyConsumed === true) return 'app_check_token_reused';
  return null;
}

export function defineCallable<Schema extends z.ZodMiniType, Result>(
  name: string,
  schema: Schema,
  handler: (input: z.output<Schema>, caller: Caller) => Promise<Result>,
  options: CallableShellOptions = {},
) {
  return onCall(
    {
      enforceAppCheck: appCheckEnforced,
      // Consuming needs enforcement: without App Check (the emulators) there is nothing to consume.
      consumeAppCheckToken: options.consumeAppCheckToken ? appCheckEnforced : false,
      maxInstances: callableMaxInstances,
      memory: options.memory ?? FUNCTION_MEMORY.callable,
    },
    async (request) => {
      const appCheck = appCheckRefusal(request, options);
      if (appCheck) {
        logger.warn(LOG_EVENTS.callableAppCheckRefused, { callable: name, reason: appCheck, uid: request.auth?.uid ?? null });
        throw httpsErrorFor(appCheck);
      }
      const caller = callerOf(request);
      const parsed = schema.safeParse(request.data ?? {});
      if (!parsed.success) throw invalidArgument(zodIssues(parsed.error));
      try {
        return await handler(parsed.data, caller);
      } catch (error) {
        // Lines about an order carry its ids (order commands have orderId; store callables storeId).
        const { orderId, storeId } = parsed.data as { orderId?: unknown; storeId?: unknown };
        throw toHttpsError(error, { callable: name, uid: caller.uid, orderId, storeId });
      }
    },
  );
}
