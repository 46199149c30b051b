// Decides, offline, whether Firestore can serve a query with the indexes of firestore.indexes.json.
// Pure: no Firebase imports. Conservative by design: it accepts a query only through the plans
// described below and reports anything else as needing an index, so it can reject a query that
// production would serve in some other way (index merging of composite indexes, for one), but it
// should never accept one production refuses.
//
// What it models (https://firebase.google.com/docs/firestore/query-data/index-overview):
// - A filter is taken to disjunctive normal form: each `or` branch is planned on its own; `in` is an
//   equality and `array-contains-any` an array-contains in every branch (same index shape).
// - Automatic single-field indexes: ascending, descending and array-contains, at collection scope
//   only, for every field, unless a field override replaces them (an override of a map field also
//   covers its subfields). They serve: no filter and no order; equality/array-contains filters only
//   (merged, each field needs its own single-field index); or one field alone (its filters and its
//   order, in the direction asked).
// - Anything else needs a composite index of the same collection group and query scope whose fields
//   are exactly: the equality and array-contains fields, in any order (array-contains fields with
//   arrayConfig CONTAINS), then the order fields in order and direction. The order fields are the
//   explicit orderBys (those on an equality field dropped), then the inequality fields not ordered
//   yet, by name, in the direction of the last explicit order (ascending if none). The implicit
//   trailing `__name__` (same direction as the field before it) is left out on both sides.

export type Direction = 'ASCENDING' | 'DESCENDING';
export type QueryScope = 'COLLECTION' | 'COLLECTION_GROUP';

export type FilterOp =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'not-in'
  | 'array-contains'
  | 'array-contains-any'
  | 'is-null'
  | 'is-nan'
  | 'is-not-null'
  | 'is-not-nan';

export type QueryFilter =
  | { field: string; op: FilterOp; /** values of in / not-in / array-contains-any */ valueCount?: number }
  | { and: QueryFilter[] }
  | { or: QueryFilter[] };

/** The parts of a query that decide its index: where it reads, how it filters and orders. */
export interface QueryShape {
  collectionGroup: string;
  scope: QueryScope;
  filter?: QueryFilter;
  orderBy: { field: string; direction: Direction }[];
}

export interface IndexField {
  fieldPath: string;
  order?: Direction;
  arrayConfig?: 'CONTAINS';
}

export interface CompositeIndex {
  collectionGroup: string;
  queryScope: QueryScope;
  fields: IndexField[];
}

export interface FieldOverride {
  collectionGroup: string;
  fieldPath: string;
  ttl?: boolean;
  indexes: { order?: Direction; arrayConfig?: 'CONTAINS'; queryScope: QueryScope }[];
}

export interface IndexFile {
  indexes: CompositeIndex[];
  fieldOverrides: FieldOverride[];
}

/** Firestore refuses a query whose normal form has more disjunctions than this. */
export const MAX_DISJUNCTIONS = 30;

const EQUALITY_OPS: readonly FilterOp[] = ['==', 'in', 'is-null', 'is-nan'];
const CONTAINS_OPS: readonly FilterOp[] = ['array-contains', 'array-contains-any'];
const INEQUALITY_OPS: readonly FilterOp[] = ['!=', '<', '<=', '>', '>=', 'not-in', 'is-not-null', 'is-not-nan'];
const NAME = '__name__';

type Atom = { field: string; op: FilterOp; valueCount?: number };

/** One branch of the normal form, reduced to what an index must provide. */
export interface Plan {
  equalities: string[];
  contains: string[];
  inequalities: string[];
  orders: { field: string; direction: Direction }[];
}

export type Coverage = { kind: 'automatic'; detail: string } | { kind: 'composite'; index: CompositeIndex };

export interface BranchResult {
  plan: Plan;
  coverage: Coverage | null;
  /** Why it is not served, and the composite index that would serve it. */
  problem?: string;
  suggestion?: CompositeIndex;
}

export interface MatchResult {
  served: boolean;
  branches: BranchResult[];
  problems: string[];
}

/** The conjunctions of the filter's normal form (one empty conjunction for no filter). */
export function disjunctions(filter: QueryFilter | undefined): Atom[][] {
  if (!filter) return [[]];
  if ('field' in filter) return [[filter]];
  if ('and' in filter) {
    let product: Atom[][] = [[]];
    for (const part of filter.and) {
      const branches = disjunctions(part);
      product = product.flatMap((left) => branches.map((right) => [...left, ...right]));
    }
    return product;
  }
  return filter.or.flatMap((part) => disjunctions(part));
}

/** How many disjunctions Firestore counts: every value of an `in` or `array-contains-any` is one. */
export function disjunctionCount(filter: QueryFilter | undefined): number {
  return disjunctions(filter).reduce((sum, atoms) => {
    const ways = atoms.reduce(
      (product, atom) => (atom.op === 'in' || atom.op === 'array-contains-any' ? product * Math.max(1, atom.valueCount ?? 1) : product),
      1,
    );
    return sum + ways;
  }, 0);
}

export function planOf(atoms: Atom[], orderBy: QueryShape['orderBy']): Plan {
  const unique = (fields: string[]) => [...new Set(fields)];
  const equalities = unique(atoms.filter((a) => EQUALITY_OPS.includes(a.op)).map((a) => a.field));
  const contains = unique(atoms.filter((a) => CONTAINS_OPS.includes(a.op)).map((a) => a.field));
  const inequalities = unique(atoms.filter((a) => INEQUALITY_OPS.includes(a.op)).map((a) => a.field)).sort();
  const fixed = new Set(equalities);
  const orders: Plan['orders'] = [];
  for (const order of orderBy) {
    // Ordering by a field fixed by an equality changes nothing; an order given twice counts once.
    if (fixed.has(order.field) || orders.some((o) => o.field === order.field)) continue;
    orders.push(order);
  }
  const lastDirection: Direction = orders.length > 0 ? orders[orders.length - 1].direction : 'ASCENDING';
  const nameIndex = orders.findIndex((o) => o.field === NAME);
  for (const field of inequalities) {
    if (orders.some((o) => o.field === field)) continue;
    // Implicit orders go before an explicit `__name__`, which always sorts last.
    const implicit = { field, direction: lastDirection };
    if (nameIndex >= 0) orders.splice(orders.length - 1, 0, implicit);
    else orders.push(implicit);
  }
  return { equalities, contains, inequalities, orders: withoutImplicitName(orders) };
}

/** Drops a trailing `__name__` in the direction Firestore adds by itself (that of the field before it). */
function withoutImplicitName<T extends { field: string; direction: Direction }>(fields: T[]): T[] {
  if (fields.length === 0 || fields[fields.length - 1].field !== NAME) return fields;
  const before: Direction = fields.length > 1 ? fields[fields.length - 2].direction : 'ASCENDING';
  return fields[fields.length - 1].direction === before ? fields.slice(0, -1) : fields;
}

type SingleFieldKind = Direction | 'CONTAINS';

/** The single-field indexes a field has at a scope: the override's (its own, or its nearest map parent's), else the defaults. */
export function singleFieldIndexes(file: IndexFile, collectionGroup: string, field: string, scope: QueryScope): SingleFieldKind[] {
  const overrides = file.fieldOverrides.filter((o) => o.collectionGroup === collectionGroup);
  let path = field;
  for (;;) {
    const override = overrides.find((o) => o.fieldPath === path);
    if (override) {
      return override.indexes
        .filter((i) => i.queryScope === scope)
        .map((i): SingleFieldKind => (i.arrayConfig === 'CONTAINS' ? 'CONTAINS' : (i.order ?? 'ASCENDING')));
    }
    const dot = path.lastIndexOf('.');
    if (dot < 0) break;
    path = path.slice(0, dot);
  }
  return scope === 'COLLECTION' ? ['ASCENDING', 'DESCENDING', 'CONTAINS'] : [];
}

function automaticCoverage(file: IndexFile, shape: QueryShape, plan: Plan): Coverage | null {
  const { equalities, contains, inequalities, orders } = plan;
  const has = (field: string, kind: SingleFieldKind) => singleFieldIndexes(file, shape.collectionGroup, field, shape.scope).includes(kind);
  const hasOrdered = (field: string) => has(field, 'ASCENDING') || has(field, 'DESCENDING');
  if (equalities.length + contains.length + inequalities.length + orders.length === 0) {
    return { kind: 'automatic', detail: 'no filter and no order: read in document-name order' };
  }
  if (orders.length === 0 && inequalities.length === 0) {
    const ok = equalities.every(hasOrdered) && contains.every((f) => has(f, 'CONTAINS'));
    const fields = [...equalities, ...contains];
    const detail = fields.length === 1 ? `single-field index on ${fields[0]}` : `single-field indexes on ${fields.join(', ')}, merged`;
    return ok ? { kind: 'automatic', detail } : null;
  }
  if (orders.length === 1 && orders[0].field === NAME && equalities.length + contains.length + inequalities.length === 0) {
    return { kind: 'automatic', detail: 'ordered by document name only' };
  }
  const fields = new Set([...equalities, ...contains, ...inequalities, ...orders.map((o) => o.field)]);
  if (fields.size === 1 && orders.length === 1 && contains.length === 0) {
    const { field, direction } = orders[0];
    return has(field, direction) ? { kind: 'automatic', detail: `single-field index ${field} ${direction}` } : null;
  }
  return null;
}

/** Whether this composite index serves this plan exactly. */
export function compositeServes(index: CompositeIndex, shape: QueryShape, plan: Plan): boolean {
  if (index.collectionGroup !== shape.collectionGroup || index.queryScope !== shape.scope) return false;
  const fields = withoutImplicitName(
    index.fields.map((f) => ({ ...f, field: f.fieldPath, direction: (f.order ?? 'ASCENDING') as Direction })),
  );
  const prefixSize = plan.equalities.length + plan.contains.length;
  if (fields.length !== prefixSize + plan.orders.length) return false;
  const prefix = fields.slice(0, prefixSize);
  const prefixNames = new Set(prefix.map((f) => f.fieldPath));
  if (prefixNames.size !== prefixSize) return false;
  for (const field of plan.equalities) {
    const entry = prefix.find((f) => f.fieldPath === field);
    if (!entry || entry.arrayConfig || !entry.order) return false;
  }
  for (const field of plan.contains) {
    const entry = prefix.find((f) => f.fieldPath === field);
    if (!entry || entry.arrayConfig !== 'CONTAINS') return false;
  }
  return plan.orders.every((order, i) => {
    const entry = fields[prefixSize + i];
    return entry.fieldPath === order.field && !entry.arrayConfig && entry.order === order.direction;
  });
}

/** The composite index that serves a plan, as firestore.indexes.json spells it. */
export function suggestIndex(shape: QueryShape, plan: Plan): CompositeIndex {
  return {
    collectionGroup: shape.collectionGroup,
    queryScope: shape.scope,
    fields: [
      ...plan.equalities.map((fieldPath): IndexField => ({ fieldPath, order: 'ASCENDING' })),
      ...plan.contains.map((fieldPath): IndexField => ({ fieldPath, arrayConfig: 'CONTAINS' })),
      ...plan.orders.map(({ field, direction }): IndexField => ({ fieldPath: field, order: direction })),
    ],
  };
}

export function matchQuery(shape: QueryShape, file: IndexFile): MatchResult {
  const problems: string[] = [];
  const count = disjunctionCount(shape.filter);
  if (count > MAX_DISJUNCTIONS) problems.push(`${count} disjunctions, over Firestore's limit of ${MAX_DISJUNCTIONS}`);
  const branches = disjunctions(shape.filter).map((atoms): BranchResult => {
    const plan = planOf(atoms, shape.orderBy);
    // A composite index made for the query is what production picks when there is one.
    const index = file.indexes.find((candidate) => compositeServes(candidate, shape, plan));
    if (index) return { plan, coverage: { kind: 'composite', index } };
    const automatic = automaticCoverage(file, shape, plan);
    if (automatic) return { plan, coverage: automatic };
    const suggestion = suggestIndex(shape, plan);
    return { plan, coverage: null, problem: 'no index serves it', suggestion };
  });
  for (const branch of branches) {
    if (branch.problem) problems.push(`${describePlan(branch.plan)}: ${branch.problem}; needs ${JSON.stringify(branch.suggestion)}`);
  }
  return { served: problems.length === 0, branches, problems };
}

export function describePlan(plan: Plan): string {
  const parts = [
    ...plan.equalities.map((f) => `${f} ==`),
    ...plan.contains.map((f) => `${f} array-contains`),
    ...plan.inequalities.map((f) => `${f} range`),
    ...plan.orders.map((o) => `order ${o.field} ${o.direction === 'ASCENDING' ? 'asc' : 'desc'}`),
  ];
  return parts.length ? parts.join(', ') : '(no filter, no order)';
}

export function describeShape(shape: QueryShape): string {
  const filter = (f: QueryFilter): string =>
    'field' in f ? `${f.field} ${f.op}` : 'and' in f ? `(${f.and.map(filter).join(' AND ')})` : `(${f.or.map(filter).join(' OR ')})`;
  const scope = shape.scope === 'COLLECTION_GROUP' ? 'collectionGroup' : 'collection';
  const where = shape.filter ? ` where ${filter(shape.filter)}` : '';
  const order = shape.orderBy.length
    ? ` orderBy ${shape.orderBy.map((o) => `${o.field} ${o.direction === 'ASCENDING' ? 'asc' : 'desc'}`).join(', ')}`
    : '';
  return `${scope}(${shape.collectionGroup})${where}${order}`;
}

// ---- From the wire: the StructuredQuery of a RunQueryRequest (what @google-cloud/firestore sends).

interface ProtoFieldRef {
  fieldPath: string;
}
interface ProtoFilter {
  compositeFilter?: { op: string; filters: ProtoFilter[] };
  fieldFilter?: { field: ProtoFieldRef; op: string; value?: { arrayValue?: { values?: unknown[] } } };
  unaryFilter?: { op: string; field: ProtoFieldRef };
}
export interface ProtoStructuredQuery {
  from?: { collectionId?: string; allDescendants?: boolean }[];
  where?: ProtoFilter;
  orderBy?: { field: ProtoFieldRef; direction?: string }[];
}

const FIELD_OPS: Record<string, FilterOp> = {
  EQUAL: '==',
  NOT_EQUAL: '!=',
  LESS_THAN: '<',
  LESS_THAN_OR_EQUAL: '<=',
  GREATER_THAN: '>',
  GREATER_THAN_OR_EQUAL: '>=',
  IN: 'in',
  NOT_IN: 'not-in',
  ARRAY_CONTAINS: 'array-contains',
  ARRAY_CONTAINS_ANY: 'array-contains-any',
};
const UNARY_OPS: Record<string, FilterOp> = {
  IS_NULL: 'is-null',
  IS_NAN: 'is-nan',
  IS_NOT_NULL: 'is-not-null',
  IS_NOT_NAN: 'is-not-nan',
};

function filterFromProto(filter: ProtoFilter): QueryFilter {
  if (filter.compositeFilter) {
    const parts = filter.compositeFilter.filters.map(filterFromProto);
    return filter.compositeFilter.op === 'OR' ? { or: parts } : { and: parts };
  }
  if (filter.fieldFilter) {
    const op = FIELD_OPS[filter.fieldFilter.op];
    if (!op) throw new Error(`unknown filter operator ${filter.fieldFilter.op}`);
    const values = filter.fieldFilter.value?.arrayValue?.values;
    const atom: QueryFilter = { field: filter.fieldFilter.field.fieldPath, op };
    return Array.isArray(values) && (op === 'in' || op === 'not-in' || op === 'array-contains-any')
      ? { ...atom, valueCount: values.length }
      : atom;
  }
  if (filter.unaryFilter) {
    const op = UNARY_OPS[filter.unaryFilter.op];
    if (!op) throw new Error(`unknown unary operator ${filter.unaryFilter.op}`);
    return { field: filter.unaryFilter.field.fieldPath, op };
  }
  throw new Error(`unknown filter ${JSON.stringify(filter)}`);
}

/** A shape from a StructuredQuery. A kindless query (no collection id) has the group ''. */
export function shapeFromStructuredQuery(query: ProtoStructuredQuery): QueryShape {
  const from = query.from?.[0] ?? {};
  return {
    collectionGroup: from.collectionId ?? '',
    scope: from.allDescendants ? 'COLLECTION_GROUP' : 'COLLECTION',
    ...(query.where ? { filter: filterFromProto(query.where) } : {}),
    orderBy: (query.orderBy ?? []).map((o) => ({
      field: o.field.fieldPath,
      direction: o.direction === 'DESCENDING' ? 'DESCENDING' : 'ASCENDING',
    })),
  };
}
