// @gocafein/client: the Gocafein backend's contract for apps on the Firebase JS SDK.
export { gocafein } from './callables.js';
export { fieldMessage, isReason, parseError } from './errors.js';
export * from './firestore.js';
export * from './labels.js';
export { APP_DOCUMENT_READS, APP_QUERIES, createReads, fromStored, } from './queries.js';
export { CALLABLE_NAMES, CHANNELS, CONTRACT_VERSION, OPEN_DELIVERY_STATUSES, OPEN_PICKUP_STATUSES, ORDER_STATUSES, PICKUP_CHANNELS, REASONS, TERMINAL_STATUSES, } from './generated/contract.js';
