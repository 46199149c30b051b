// Lazy access to Firestore. firebase-admin/firestore pulls in gRPC and protobufs, which are the
// bulk of a cold start, so it loads on the first database call, not when a function module loads.
import type * as FirestoreModule from 'firebase-admin/firestore';
import type { DocumentData, Firestore } from 'firebase-admin/firestore';

let firestoreModule: typeof FirestoreModule | undefined;
let database: Firestore | undefined;

/**
 * Initializes the default admin app once. Checks for the default app by name: firebase-functions
 * creates a named app of its own for Firestore-triggered functions, so "some app exists" is not
 * enough.
 */
export function ensureAdminApp(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- firebase-admin/app loads on first use, not at cold start
  const { getApps, initializeApp } = require('firebase-admin/app') as typeof import('firebase-admin/app');
  if (!getApps().some((app) => app.name === '[DEFAULT]')) initializeApp();
}

export function firestore(): typeof FirestoreModule {
  if (!firestoreModule) {
    ensureAdminApp();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- firebase-admin/firestore loads on first use, not at cold start
    firestoreModule = require('firebase-admin/firestore') as typeof FirestoreModule;
  }
  return firestoreModule;
}

export function db(): Firestore {
  if (!database) database = firestore().getFirestore();
  return database;
}

/**
 * Stored documents keep times as Timestamps; domain objects keep epoch milliseconds. By convention
 * every time field is named `at` or ends in `At`, so the conversion needs no per-field list.
 */
const isTimeKey = (key: string): boolean => key === 'at' || key.endsWith('At');

export function toStored(value: unknown, key = ''): unknown {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && isTimeKey(key)) return firestore().Timestamp.fromMillis(value);
  if (Array.isArray(value)) return value.map((element) => toStored(element));
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    const out: DocumentData = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toStored(v, k);
    }
    return out;
  }
  return value;
}

export function fromStored<T>(value: unknown): T {
  return convertFromStored(value) as T;
}

function convertFromStored(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toMillis?: unknown }).toMillis === 'function') {
    return (value as { toMillis(): number }).toMillis();
  }
  if (Array.isArray(value)) return value.map(convertFromStored);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = convertFromStored(v);
  return out;
}
