// Errors that say how a delivery (a trigger event, a task) should be answered.

/** Thrown when the event should be delivered again later (partial failure, or a live duplicate). */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}
