// Counts Firestore document reads and writes at the data-access layer (@google-cloud/firestore,
// what firebase-admin uses), for the duration of one measured command. Reads are counted the way
// Firestore bills them: one per document fetched (a missing document too), a query at least one.
// Writes: one per set/update/create/delete staged in a transaction or batch, or made on a reference.
//
// The SDK calls itself (Transaction#set stages through WriteBatch#set, DocumentReference#get goes
// through Firestore#getAll), so only the outermost wrapped call counts: a synchronous depth guard.
// Run measured commands one at a time: a transaction that retries is counted twice, as it is billed.
// The same measurement counts the RPCs sent to Firestore (test/support/rpcCounter.ts).
import { RpcCount, RpcMethod, startRpcCount } from './rpcCounter';

export interface Operation {
  kind: 'read' | 'write';
  via: string;
  path: string;
}

export interface OpCount {
  reads: number;
  writes: number;
  operations: Operation[];
  /** RPCs sent to Firestore, per method, and in the order they were sent. */
  rpcs: RpcCount;
  rpcSequence: RpcMethod[];
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

let installed = false;
let depth = 0;
let active: Operation[] | null = null;

const pathOf = (value: unknown): string => {
  const candidate = value as { path?: unknown; _queryOptions?: { collectionId?: string } } | undefined;
  if (typeof candidate?.path === 'string') return candidate.path;
  if (candidate?._queryOptions?.collectionId) return `query:${candidate._queryOptions.collectionId}`;
  return 'unknown';
};

function record(kind: Operation['kind'], via: string, path: string, times = 1): void {
  if (!active) return;
  for (let i = 0; i < times; i += 1) active.push({ kind, via, path });
}

/** Documents a read result stands for: a snapshot 1, an array its length, a query result its size (min 1). */
function readsIn(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const querySnapshot = result as { docs?: unknown[] };
  if (Array.isArray(querySnapshot?.docs)) return Math.max(1, querySnapshot.docs.length);
  return 1;
}

function wrap(prototype: object, method: string, name: string, onCall: (self: unknown, args: unknown[], result: unknown) => void): void {
  const methods = prototype as Record<string, AnyFunction>;
  const original = methods[method];
  if (typeof original !== 'function') throw new Error(`op counter: ${name}.${method} is not a function`);
  methods[method] = function counted(this: unknown, ...args: unknown[]) {
    const outermost = depth === 0;
    depth += 1;
    let result: unknown;
    try {
      result = original.apply(this, args);
    } finally {
      depth -= 1;
    }
    if (outermost && active) onCall(this, args, result);
    return result;
  };
}

function countWrite(via: string) {
  return (_self: unknown, args: unknown[]) => record('write', via, pathOf(args[0]));
}

function countRead(via: string, target: (self: unknown, args: unknown[]) => unknown) {
  return (self: unknown, args: unknown[], result: unknown) => {
    const operations = active;
    void Promise.resolve(result).then(
      (value) => {
        // Attribute late results to the measurement they were started in.
        if (operations)
          for (let i = 0; i < readsIn(value); i += 1) operations.push({ kind: 'read', via, path: pathOf(target(self, args)) });
      },
      () => undefined,
    );
  };
}

export function installOpCounter(): void {
  if (installed) return;
  installed = true;
  /* eslint-disable @typescript-eslint/no-require-imports -- patches the copy of the Firestore SDK that firebase-admin loads */
  const { DocumentReference, Firestore, Query, Transaction, WriteBatch } =
    require('@google-cloud/firestore') as typeof import('@google-cloud/firestore');
  /* eslint-enable @typescript-eslint/no-require-imports */
  for (const method of ['set', 'update', 'create', 'delete']) {
    wrap(Transaction.prototype, method, 'Transaction', countWrite(`Transaction.${method}`));
    wrap(WriteBatch.prototype, method, 'WriteBatch', countWrite(`WriteBatch.${method}`));
    wrap(DocumentReference.prototype, method, 'DocumentReference', (self) => record('write', `DocumentReference.${method}`, pathOf(self)));
  }
  wrap(
    Transaction.prototype,
    'get',
    'Transaction',
    countRead('Transaction.get', (_self, args) => args[0]),
  );
  wrap(
    Transaction.prototype,
    'getAll',
    'Transaction',
    countRead('Transaction.getAll', () => 'getAll'),
  );
  wrap(
    DocumentReference.prototype,
    'get',
    'DocumentReference',
    countRead('DocumentReference.get', (self) => self),
  );
  wrap(
    Firestore.prototype,
    'getAll',
    'Firestore',
    countRead('Firestore.getAll', () => 'getAll'),
  );
  wrap(
    Query.prototype,
    'get',
    'Query',
    countRead('Query.get', (self) => self),
  );
}

/** Runs `work` with every Firestore operation it makes counted. */
export async function countOperations<T>(work: () => Promise<T>): Promise<{ result: T } & OpCount> {
  installOpCounter();
  if (active) throw new Error('op counter: measurements must not overlap');
  const operations: Operation[] = [];
  active = operations;
  const stopRpcCount = startRpcCount();
  let result: T;
  let rpcs: ReturnType<typeof stopRpcCount>;
  try {
    result = await work();
    // Let read results that resolved with the work be attributed.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    active = null;
    rpcs = stopRpcCount();
  }
  return {
    result,
    rpcs: rpcs.count,
    rpcSequence: rpcs.sequence,
    reads: operations.filter((op) => op.kind === 'read').length,
    writes: operations.filter((op) => op.kind === 'write').length,
    operations,
  };
}
