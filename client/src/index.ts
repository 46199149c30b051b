// @gocafein/client: the Gocafein backend's contract for apps on the Firebase JS SDK.
export { type CallableName, gocafein, type GocafeinApi, type RequestOf, type ResponseOf } from './callables.js';
export { type FieldIssue, fieldMessage, type GocafeinError, isReason, parseError, type ParsedError, type Reason, type UnknownGocafeinError } from './errors.js';
export * from './firestore.js';
export * from './labels.js';
// Opening hours, pause and busy mode: the store page's state computed from the store document (docs/hours.md).
export {
  type Availability,
  availabilityAt,
  availabilityMessage,
  type AvailabilityReason,
  type AvailabilityStatus,
  type BusyMode,
  busyAddMinutes,
  HOURS_LIMITS,
  type HoursRange,
  scheduleAt,
  seoulClock,
  type StoreHours,
  type StoreState,
  storeStateAt,
  type Weekday,
  WEEKDAYS,
  WEEKDAY_LABELS,
  type WeeklyHours,
} from './generated/hours.js';
export {
  APP_DOCUMENT_READS,
  APP_QUERIES,
  type AppDocumentRead,
  type AppDocumentReadId,
  type AppQuery,
  type AppQueryId,
  createReads,
  type DocumentKind,
  type DocumentTypes,
  fromStored,
  type Params,
  type Reader,
} from './queries.js';
export {
  CALLABLE_NAMES,
  type CallableRequests,
  type CallableResponses,
  CHANNELS,
  CONTRACT_VERSION,
  type MemberDoc,
  type MenuItemDoc,
  OPEN_DELIVERY_STATUSES,
  OPEN_PICKUP_STATUSES,
  ORDER_STATUSES,
  type OrderDoc,
  type OrderEventDoc,
  type OrderView,
  type PartnerApplicationDoc,
  PICKUP_CHANNELS,
  REASONS,
  type ReasonExtras,
  type StoreDoc,
  type StoreView,
  TERMINAL_STATUSES,
} from './generated/contract.js';
