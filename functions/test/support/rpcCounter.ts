// Counts the RPCs firebase-admin sends to Firestore, at the lowest seam in this process: the
// generated v1 client (@google-cloud/firestore's FirestoreClient), whose methods are called once
// per request on the wire, retries included. Above it, Firestore#request/requestStream hide the
// SDK's own retries; below it is gRPC. A transaction in firebase-admin 13 starts lazily inside its
// first read (`newTransaction` on BatchGetDocuments/RunQuery), so beginTransaction stays 0 unless
// something calls it directly. Rollback is sent fire-and-forget after a failed attempt; it is
// counted when it is sent, which is before runTransaction's promise settles.

/** The RPCs a command can make, by the client method's name. */
export const RPC_METHODS = [
  'beginTransaction',
  'batchGetDocuments',
  'runQuery',
  'runAggregationQuery',
  'commit',
  'rollback',
  'batchWrite',
  'getDocument',
  'listDocuments',
] as const;
export type RpcMethod = (typeof RPC_METHODS)[number];
export type RpcCount = Record<RpcMethod, number>;

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

let installed = false;
let active: RpcMethod[] | null = null;

export function installRpcCounter(): void {
  if (installed) return;
  installed = true;
  /* eslint-disable @typescript-eslint/no-require-imports -- patches the copy of the Firestore SDK that firebase-admin loads */
  const { v1 } = require('@google-cloud/firestore') as { v1: { prototype: object } };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const methods = v1.prototype as Record<string, AnyFunction>;
  for (const method of RPC_METHODS) {
    const original = methods[method];
    if (typeof original !== 'function') throw new Error(`rpc counter: FirestoreClient.${method} is not a function`);
    methods[method] = function counted(this: unknown, ...args: unknown[]) {
      active?.push(method);
      return original.apply(this, args);
    };
  }
}

/** Starts recording; the returned function stops and gives the count per method (all keys present). */
export function startRpcCount(): () => { count: RpcCount; sequence: RpcMethod[] } {
  installRpcCounter();
  if (active) throw new Error('rpc counter: measurements must not overlap');
  const sequence: RpcMethod[] = [];
  active = sequence;
  return () => {
    active = null;
    const count = Object.fromEntries(RPC_METHODS.map((m) => [m, 0])) as RpcCount;
    for (const method of sequence) count[method] += 1;
    return { count, sequence };
  };
}
