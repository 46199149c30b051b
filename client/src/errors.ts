// What the Firebase SDK throws for a failed callable, turned into the backend's error convention:
// a standard code, a stable reason with its typed extras, and the Korean message to show as is.
import { REASONS, type ReasonExtras } from './generated/contract.js';

export type Reason = keyof typeof REASONS;
export interface FieldIssue {
  path: string;
  message: string;
}

/** One member per reason: `switch (error.reason)` narrows `details` to that reason's extras. */
export type GocafeinError = {
  [R in Reason]: {
    code: (typeof REASONS)[R]['code'];
    reason: R;
    /** Korean, without the SDK's " [400]" suffix. */
    message: string;
    fields?: FieldIssue[];
    details: { reason: R; message: string } & ReasonExtras[R];
  };
}[Reason];

/** Anything else: the network, an old server with an unknown reason, a bug. */
export interface UnknownGocafeinError {
  code: string;
  reason: 'unknown';
  message: string;
  fields?: undefined;
  details: Record<string, unknown>;
  cause: unknown;
}

export type ParsedError = GocafeinError | UnknownGocafeinError;

const FALLBACK_MESSAGES: Record<string, string> = {
  unavailable: '서버에 연결할 수 없습니다. 네트워크 연결을 확인해 주세요.',
  'deadline-exceeded': '응답이 늦어지고 있습니다. 잠시 후 다시 시도해 주세요.',
  cancelled: '요청이 취소되었습니다.',
  unauthenticated: REASONS.unauthenticated.message,
  'permission-denied': '권한이 없습니다.',
  'resource-exhausted': '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
};

const STATUS_SUFFIX = /\s*\[\d{3}\]\s*$/;

export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REASONS, value);
}

/** Parses what `api.x(...)` / httpsCallable rejected with. Never throws. */
export function parseError(error: unknown): ParsedError {
  const raw = (error ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  const code = typeof raw.code === 'string' ? raw.code.replace(/^functions\//, '') : 'unknown';
  const details = raw.details !== null && typeof raw.details === 'object' ? (raw.details as Record<string, unknown>) : {};
  const reason = details.reason;
  if (isReason(reason)) {
    const message =
      typeof details.message === 'string' && details.message
        ? details.message
        : typeof raw.message === 'string' && raw.message && raw.message !== code
          ? raw.message.replace(STATUS_SUFFIX, '')
          : REASONS[reason].message;
    const fields = Array.isArray(details.fields) ? (details.fields as FieldIssue[]) : undefined;
    return {
      code: REASONS[reason].code,
      reason,
      message,
      ...(fields ? { fields } : {}),
      details: { ...details, reason, message },
    } as GocafeinError;
  }
  return {
    code,
    reason: 'unknown',
    message: FALLBACK_MESSAGES[code] ?? REASONS.internal.message,
    details,
    cause: error,
  };
}

/** The Korean message for a field path (`items.0.quantity`), if validation rejected it. */
export function fieldMessage(error: ParsedError, path: string): string | undefined {
  return error.fields?.find((issue) => issue.path === path)?.message;
}
