// The reads the Gocafein apps make, each described ONCE, declaratively. From each description come:
//   - the Firebase JS SDK (v9+ modular) code shown in docs/rules-and-indexes.md (renderQueryCode),
//   - the query the rules tests run with the real SDK against the emulator (buildQuery),
//   - the shape the index check matches against firestore.indexes.json (shapeOf).
// So the documented code, the rules tests and the index check cannot drift apart. After changing
// this file, regenerate the docs: `npx tsx test/rules/writeDocs.ts` (a test fails until you do).
import {
  collection,
  doc,
  type DocumentReference,
  type Firestore,
  limit,
  orderBy,
  query,
  type Query,
  type QueryConstraint,
  where,
  type WhereFilterOp,
} from 'firebase/firestore';
import { OPEN_DELIVERY_STATUSES, OPEN_PICKUP_STATUSES, PICKUP_CHANNELS, TERMINAL_STATUSES } from '../../src/domain/order';
import { type CompositeIndex, type FilterOp, type IndexFile, matchQuery, type QueryShape } from '../support/indexMatcher';

/** The variables an app fills in: the partner's store, the signed-in user, an order, a sub-tab. */
export type ParamName = 'storeId' | 'uid' | 'orderId' | 'status';
export type Params = Partial<Record<ParamName, string>>;
export interface Param {
  param: ParamName;
}
type Value = string | number | boolean | readonly string[] | Param;

/** Who the rules let run the query (docs/rules-and-indexes.md "What the rules allow"). */
export type Reader =
  | 'store member'
  | 'customer'
  | 'customer or store member'
  | 'user'
  | 'applicant'
  | 'admin'
  | 'anyone';

export interface AppQuery {
  id: string;
  title: string;
  reader: Reader;
  /** Collection path, segment by segment. */
  path: readonly (string | Param)[];
  where: readonly (readonly [field: string, op: WhereFilterOp, value: Value])[];
  orderBy?: readonly (readonly [field: string, direction: 'asc' | 'desc'])[];
  limit?: number;
  /** Values a parameter takes in the app (one sub-tab each). */
  choices?: Partial<Record<ParamName, readonly string[]>>;
  note?: string;
}

export interface AppDocumentRead {
  id: string;
  title: string;
  reader: Reader;
  path: readonly (string | Param)[];
}

const p = (param: ParamName): Param => ({ param });

export const APP_QUERIES: readonly AppQuery[] = [
  {
    id: 'pickupOpenOrders',
    title: 'Partner · 주문현황 › 매장/포장 tab: open orders (접수, 준비 중), newest first',
    reader: 'store member',
    path: ['orders'],
    where: [
      ['storeId', '==', p('storeId')],
      ['channel', 'in', PICKUP_CHANNELS],
      ['status', 'in', OPEN_PICKUP_STATUSES],
    ],
    orderBy: [['createdAt', 'desc']],
    note: 'Listen with onSnapshot. Two `in` filters in one query are allowed (2 × 2 = 4 disjunctions of the 30 Firestore allows).',
  },
  {
    id: 'pickupFinishedOrders',
    title: 'Partner · 매장/포장 finished orders (완료, 취소), newest first, 50 a page',
    reader: 'store member',
    path: ['orders'],
    where: [
      ['storeId', '==', p('storeId')],
      ['channel', 'in', PICKUP_CHANNELS],
      ['status', 'in', TERMINAL_STATUSES],
    ],
    orderBy: [['createdAt', 'desc']],
    limit: 50,
    note: 'Next page: add startAfter(lastSnapshot) before limit (cursors need no other index).',
  },
  {
    id: 'deliveryTabOrders',
    title: 'Partner · 주문현황 › 배송 tab: one sub-tab (접수 / 배송 준비 중 / 배송 중), newest first',
    reader: 'store member',
    path: ['orders'],
    where: [
      ['storeId', '==', p('storeId')],
      ['channel', '==', 'delivery'],
      ['status', '==', p('status')],
    ],
    orderBy: [['createdAt', 'desc']],
    choices: { status: OPEN_DELIVERY_STATUSES },
  },
  {
    id: 'deliveryFinishedOrders',
    title: 'Partner · 배송 finished orders (완료, 취소), newest first, 50 a page',
    reader: 'store member',
    path: ['orders'],
    where: [
      ['storeId', '==', p('storeId')],
      ['channel', '==', 'delivery'],
      ['status', 'in', TERMINAL_STATUSES],
    ],
    orderBy: [['createdAt', 'desc']],
    limit: 50,
  },
  {
    id: 'partnerOrderEvents',
    title: 'Partner · 주문 상세: the order\'s history, oldest first',
    reader: 'store member',
    path: ['orders', p('orderId'), 'events'],
    where: [['storeId', '==', p('storeId')]],
    note: 'Event ids are zero-padded versions, so document order is version order. The storeId filter is what lets the rules allow the list.',
  },
  {
    id: 'customerOrderHistory',
    title: 'Customer · 주문 내역 (order history), newest first, 20 a page',
    reader: 'customer',
    path: ['orders'],
    where: [['customerUid', '==', p('uid')]],
    orderBy: [['createdAt', 'desc']],
    limit: 20,
  },
  {
    id: 'customerOrderEvents',
    title: 'Customer · order detail: the order\'s history, oldest first',
    reader: 'customer',
    path: ['orders', p('orderId'), 'events'],
    where: [['customerUid', '==', p('uid')]],
  },
  {
    id: 'activeStores',
    title: 'Anyone · active stores',
    reader: 'anyone',
    path: ['stores'],
    where: [['active', '==', true]],
    note: 'The `active == true` filter is required: rules only let a list through if it can return active stores alone.',
  },
  {
    id: 'storeMenu',
    title: 'Anyone · a store\'s menu (an active store\'s; its members read it always)',
    reader: 'anyone',
    path: ['stores', p('storeId'), 'menuItems'],
    where: [],
  },
  {
    id: 'storeMemberList',
    title: 'Partner · the store\'s members',
    reader: 'store member',
    path: ['stores', p('storeId'), 'members'],
    where: [],
  },
  {
    id: 'myPartnerApplications',
    title: 'Applicant · my partner applications (입점신청), newest first',
    reader: 'applicant',
    path: ['partnerApplications'],
    where: [['applicantUid', '==', p('uid')]],
    orderBy: [['createdAt', 'desc']],
  },
  {
    id: 'pendingPartnerApplications',
    title: 'Admin · pending partner applications, oldest first',
    reader: 'admin',
    path: ['partnerApplications'],
    where: [['status', '==', 'pending']],
    orderBy: [['createdAt', 'asc']],
  },
  {
    id: 'publicStoreReviews',
    title: 'Anyone · a store\'s reviews (visible ones), newest first, 20 a page',
    reader: 'anyone',
    path: ['publicReviews'],
    where: [['storeId', '==', p('storeId')]],
    orderBy: [['createdAt', 'desc']],
    limit: 20,
    note: 'Next page: startAfter(lastSnapshot) before limit. The rules refuse a list without a limit, or over 50. The store\'s rating is on the store document (`rating`).',
  },
  {
    id: 'partnerStoreReviews',
    title: 'Partner · 리뷰 tab: all reviews of the store with their replies (hidden ones too), newest first, 50 a page',
    reader: 'store member',
    path: ['reviews'],
    where: [
      ['storeId', '==', p('storeId')],
      ['status', 'in', ['visible', 'hidden']],
    ],
    orderBy: [['createdAt', 'desc']],
    limit: 50,
    note: 'Admins may run it too. `reportCount` shows reports; the reports themselves are in the review\'s `reports`.',
  },
  {
    id: 'partnerUnansweredReviews',
    title: 'Partner · 리뷰 › 미답변: visible reviews without a reply, newest first',
    reader: 'store member',
    path: ['reviews'],
    where: [
      ['storeId', '==', p('storeId')],
      ['status', '==', 'visible'],
      ['replied', '==', false],
    ],
    orderBy: [['createdAt', 'desc']],
    limit: 50,
  },
  {
    id: 'partnerReviewReports',
    title: 'Partner · the reports of one review (no reporter named)',
    reader: 'store member',
    path: ['reviews', p('orderId'), 'reports'],
    where: [['storeId', '==', p('storeId')]],
    note: 'A review\'s id is its order\'s id. The storeId filter is what lets the rules allow the list.',
  },
  {
    id: 'customerReviews',
    title: 'Customer · 내 리뷰: my reviews (hidden ones too), newest first, 20 a page',
    reader: 'customer',
    path: ['reviews'],
    where: [
      ['customerUid', '==', p('uid')],
      ['status', 'in', ['visible', 'hidden']],
    ],
    orderBy: [['createdAt', 'desc']],
    limit: 20,
  },
  {
    id: 'reportedReviews',
    title: 'Admin · reported reviews awaiting a decision (moderateReview), oldest report first',
    reader: 'admin',
    path: ['reviews'],
    where: [['reportState', '==', 'open']],
    orderBy: [['lastReportedAt', 'asc']],
  },
];

/** Single documents the apps read or listen to (no index involved; the rules tests cover them). */
export const APP_DOCUMENT_READS: readonly AppDocumentRead[] = [
  { id: 'order', title: 'An order (its customer, its store\'s members)', reader: 'customer or store member', path: ['orders', p('orderId')] },
  { id: 'store', title: 'A store (anyone if active; its members always)', reader: 'anyone', path: ['stores', p('storeId')] },
  { id: 'user', title: 'My user document (claimsVersion: refresh the ID token when it changes)', reader: 'user', path: ['users', p('uid')] },
  { id: 'review', title: 'A review, by its order id (its customer, its store\'s members, admins)', reader: 'customer or store member', path: ['reviews', p('orderId')] },
  { id: 'publicReview', title: 'A visible review\'s public copy (anyone)', reader: 'anyone', path: ['publicReviews', p('orderId')] },
];

// ---- The SDK query, for the tests.

function resolve(value: Value, params: Params): unknown {
  if (value !== null && typeof value === 'object' && 'param' in value) {
    const resolved = params[value.param];
    if (resolved === undefined) throw new Error(`parameter ${value.param} is missing`);
    return resolved;
  }
  return Array.isArray(value) ? [...value] : value;
}

function pathOf(path: readonly (string | Param)[], params: Params): [string, ...string[]] {
  const segments = path.map((segment) => String(resolve(segment, params)));
  return segments as [string, ...string[]];
}

export function buildQuery(db: Firestore, spec: AppQuery, params: Params): Query {
  const [first, ...rest] = pathOf(spec.path, params);
  const constraints: QueryConstraint[] = [
    ...spec.where.map(([field, op, value]) => where(field, op, resolve(value, params))),
    ...(spec.orderBy ?? []).map(([field, direction]) => orderBy(field, direction)),
    ...(spec.limit !== undefined ? [limit(spec.limit)] : []),
  ];
  return query(collection(db, first, ...rest), ...constraints);
}

export function buildDocument(db: Firestore, read: AppDocumentRead, params: Params): DocumentReference {
  const [first, ...rest] = pathOf(read.path, params);
  return doc(db, first, ...rest);
}

// ---- The shape, for the index check.

const SHAPE_OPS: Record<WhereFilterOp, FilterOp> = {
  '==': '==',
  '!=': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  in: 'in',
  'not-in': 'not-in',
  'array-contains': 'array-contains',
  'array-contains-any': 'array-contains-any',
};

export function shapeOf(spec: AppQuery): QueryShape {
  const last = spec.path[spec.path.length - 1];
  if (typeof last !== 'string') throw new Error(`${spec.id}: the collection id must be fixed`);
  const atoms = spec.where.map(([field, op, value]) =>
    Array.isArray(value) ? { field, op: SHAPE_OPS[op], valueCount: value.length } : { field, op: SHAPE_OPS[op] },
  );
  return {
    collectionGroup: last,
    scope: 'COLLECTION',
    ...(atoms.length ? { filter: { and: atoms } } : {}),
    orderBy: (spec.orderBy ?? []).map(([field, direction]) => ({
      field,
      direction: direction === 'asc' ? 'ASCENDING' : 'DESCENDING',
    })),
  };
}

// ---- The code, for the docs.

function literal(value: Value): string {
  if (value !== null && typeof value === 'object' && 'param' in value) return value.param;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v as Value)).join(', ')}]`;
  return typeof value === 'string' ? `'${value}'` : String(value);
}

export function renderQueryCode(spec: AppQuery): string {
  const lines = [
    `collection(db, ${spec.path.map((s) => literal(s)).join(', ')})`,
    ...spec.where.map(([field, op, value]) => `where('${field}', '${op}', ${literal(value)})`),
    ...(spec.orderBy ?? []).map(([field, direction]) => `orderBy('${field}', '${direction}')`),
    ...(spec.limit !== undefined ? [`limit(${spec.limit})`] : []),
  ];
  const choices = Object.entries(spec.choices ?? {}).map(
    ([name, values]) => `// ${name}: one of ${values!.map((v) => `'${v}'`).join(', ')}\n`,
  );
  const code = lines.length === 1 ? lines[0] : `query(\n  ${lines.join(',\n  ')},\n)`;
  return `${choices.join('')}const ${spec.id} = ${code};`;
}

export function renderDocumentCode(read: AppDocumentRead): string {
  return `const ${read.id}Ref = doc(db, ${read.path.map((s) => literal(s)).join(', ')});`;
}

/** The generated part of docs/rules-and-indexes.md, between the app-queries markers. */
export function renderAppQueriesMarkdown(indexes: IndexFile): string {
  const out: string[] = [];
  out.push('```js');
  out.push("import { collection, doc, limit, onSnapshot, orderBy, query, where } from 'firebase/firestore';");
  out.push("// db = getFirestore(app); storeId = a store in the partner's `stores` claim; uid = auth.currentUser.uid");
  out.push('```');
  for (const spec of APP_QUERIES) {
    out.push('');
    out.push(`#### ${spec.title}`);
    out.push('');
    out.push(`Allowed for: ${spec.reader}. Index: ${coverageNote(spec, indexes)}.${spec.note ? ` ${spec.note}` : ''}`);
    out.push('');
    out.push('```js');
    out.push(renderQueryCode(spec));
    out.push('```');
  }
  out.push('');
  out.push('#### Single documents (getDoc / onSnapshot)');
  out.push('');
  out.push('```js');
  for (const read of APP_DOCUMENT_READS) out.push(`// ${read.title}\n${renderDocumentCode(read)}`);
  out.push('```');
  return out.join('\n');
}

/** Which index serves the query, as the index check decides it. */
function coverageNote(spec: AppQuery, indexes: IndexFile): string {
  const result = matchQuery(shapeOf(spec), indexes);
  if (!result.served) return `**none serves it** (${result.problems.join('; ')})`;
  const notes = new Set(
    result.branches.map(({ coverage }) =>
      coverage!.kind === 'composite' ? `composite ${describeIndex(coverage!.index)}` : `automatic (${coverage!.detail})`,
    ),
  );
  return [...notes].join('; ');
}

export function describeIndex(index: CompositeIndex): string {
  const fields = index.fields.map((f) => (f.arrayConfig ? `${f.fieldPath} array-contains` : `${f.fieldPath}${f.order === 'DESCENDING' ? ' desc' : ''}`));
  const scope = index.queryScope === 'COLLECTION_GROUP' ? ' (collection group)' : '';
  return `\`${index.collectionGroup}: ${fields.join(', ')}\`${scope}`;
}
