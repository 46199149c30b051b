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
        details: {
            reason: R;
            message: string;
        } & ReasonExtras[R];
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
export declare function isReason(value: unknown): value is Reason;
/** Parses what `api.x(...)` / httpsCallable rejected with. Never throws. */
export declare function parseError(error: unknown): ParsedError;
/** The Korean message for a field path (`items.0.quantity`), if validation rejected it. */
export declare function fieldMessage(error: ParsedError, path: string): string | undefined;
