// Records every query run through @google-cloud/firestore (what firebase-admin uses) during the test
// run, so test/rules/indexCoverage.test.ts can check that firestore.indexes.json serves each query
// the server code runs, and that every query written in functions/src ran at least once.
// Installed once by hooks.ts.
//
// - Run: the synchronous entry points (Query#get, #stream, #onSnapshot, AggregateQuery#get and
//   Transaction#get of a query) record the query with the caller's place; the request itself is
//   built later, asynchronously, where the caller is no longer on the stack.
// - Built: Query#where, #orderBy and Firestore#collectionGroup note where they were called, and every
//   query derived from a noted one (another filter, a limit, a cursor...) carries those places on.
// - The structured query comes from Query#toStructuredQuery(), the method Query#toProto() builds the
//   RunQueryRequest with. It is internal to the SDK: if a version drops it, installQueryRecorder
//   throws rather than recording nothing.
import { relative, resolve, sep } from 'node:path';
import { ProtoStructuredQuery, QueryShape, shapeFromStructuredQuery } from './indexMatcher';

export interface RecordedQuery {
  shape: QueryShape;
  /** Where it ran: the first stack frame outside node_modules and this file, `src/infra/devices.ts:147`. */
  site: string;
  /** Where its filters, orders and collection group were written (`src/infra/devices.ts:144`...). */
  buildSites: string[];
  /** Run or written in functions/src: a query of the server code, not only a test's own. */
  fromServerCode: boolean;
  via: string;
}

const FUNCTIONS_DIR = resolve(__dirname, '..', '..');
/** Other test helpers that wrap the same SDK methods: their frames are not the caller. */
const OTHER_WRAPPERS = [resolve(__dirname, 'opCounter.ts')];
const SRC_PREFIX = `src${sep}`;
const BUILD_SITES = Symbol('gocafein.queryBuildSites');

const recorded = new Map<string, RecordedQuery>();

/** Each distinct (query shape, run site, build sites) once, in the order first seen. */
export function recordedQueries(): RecordedQuery[] {
  return [...recorded.values()];
}

interface InternalQuery {
  toStructuredQuery(): ProtoStructuredQuery;
  [BUILD_SITES]?: string[];
}

/** The caller's place, relative to functions/: `src/infra/devices.ts:147`. */
function callSite(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const line of stack.split('\n').slice(1)) {
    const match = /\(?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?\s*$/.exec(line);
    if (!match) continue;
    const file = match[1].replace(/^file:\/\//, '');
    if (file.includes(`${sep}node_modules${sep}`) || file === __filename || OTHER_WRAPPERS.includes(file)) continue;
    return `${relative(FUNCTIONS_DIR, file)}:${match[2]}`;
  }
  return 'unknown';
}

export function recordQuery(query: unknown, via: string): void {
  const site = callSite();
  const internal = query as InternalQuery;
  const shape = shapeFromStructuredQuery(internal.toStructuredQuery());
  const buildSites = [...(internal[BUILD_SITES] ?? [])];
  const fromServerCode = [site, ...buildSites].some((s) => s.startsWith(SRC_PREFIX));
  const key = `${site}|${buildSites.join(',')}|${JSON.stringify(shape)}`;
  if (!recorded.has(key)) recorded.set(key, { shape, site, buildSites, fromServerCode, via });
}

let installed = false;

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

function wrap(prototype: object, method: string, around: (self: unknown, args: unknown[], call: () => unknown) => unknown): void {
  const original = (prototype as Record<string, AnyFunction>)[method];
  if (typeof original !== 'function') throw new Error(`query recorder: ${method} is not a function`);
  (prototype as Record<string, AnyFunction>)[method] = function recorded(this: unknown, ...args: unknown[]) {
    return around(this, args, () => original.apply(this, args));
  };
}

function tag(result: unknown, sites: string[]): unknown {
  if (result && typeof result === 'object' && sites.length > 0) {
    Object.defineProperty(result, BUILD_SITES, { value: [...new Set(sites)], enumerable: false, configurable: true });
  }
  return result;
}

const sitesOf = (query: unknown): string[] => (query as InternalQuery)?.[BUILD_SITES] ?? [];

export function installQueryRecorder(): void {
  if (installed) return;
  installed = true;
  /* eslint-disable @typescript-eslint/no-require-imports -- patches the copy of the Firestore SDK that firebase-admin loads */
  const { Firestore, Query, Transaction } = require('@google-cloud/firestore') as typeof import('@google-cloud/firestore');
  const { AggregateQuery } = require('@google-cloud/firestore/build/src/reference/aggregate-query') as {
    AggregateQuery: abstract new (...args: never[]) => object;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (typeof (Query.prototype as unknown as Partial<InternalQuery>).toStructuredQuery !== 'function') {
    throw new Error('query recorder: this @google-cloud/firestore has no Query#toStructuredQuery');
  }

  // Built: the places that shape the query's index needs, carried to every derived query.
  for (const method of ['where', 'orderBy']) {
    wrap(Query.prototype, method, (self, _args, call) => tag(call(), [...sitesOf(self), callSite()]));
  }
  for (const method of ['limit', 'limitToLast', 'offset', 'select', 'startAt', 'startAfter', 'endAt', 'endBefore', 'withConverter']) {
    wrap(Query.prototype, method, (self, _args, call) => tag(call(), sitesOf(self)));
  }
  wrap(Firestore.prototype, 'collectionGroup', (_self, _args, call) => tag(call(), [callSite()]));

  // Run.
  const innerQuery = (aggregate: unknown) => (aggregate as { query: unknown }).query;
  const before = (record: (self: unknown, args: unknown[]) => void) => (self: unknown, args: unknown[], call: () => unknown) => {
    record(self, args);
    return call();
  };
  wrap(
    Query.prototype,
    'get',
    before((self) => recordQuery(self, 'Query#get')),
  );
  wrap(
    Query.prototype,
    'stream',
    before((self) => recordQuery(self, 'Query#stream')),
  );
  wrap(
    Query.prototype,
    'onSnapshot',
    before((self) => recordQuery(self, 'Query#onSnapshot')),
  );
  wrap(
    AggregateQuery.prototype,
    'get',
    before((self) => recordQuery(innerQuery(self), 'AggregateQuery#get')),
  );
  wrap(
    Transaction.prototype,
    'get',
    before((_self, [target]) => {
      if (target instanceof Query) recordQuery(target, 'Transaction#get');
      else if (target instanceof AggregateQuery) recordQuery(innerQuery(target), 'Transaction#get(aggregate)');
    }),
  );
}

// ---- Where the server code writes queries, read from its source.

const QUERY_CALL = /\.(where|orderBy|collectionGroup)\s*\(/;

/**
 * Each line of a source file that calls where, orderBy or collectionGroup (comments skipped), as
 * `src/...:line`: every one must show up among the recorded build sites once the whole suite ran.
 */
export function querySitesIn(file: string, text: string): string[] {
  const sites: string[] = [];
  let inBlockComment = false;
  text.split('\n').forEach((raw, index) => {
    let line = raw;
    if (inBlockComment) {
      const end = line.indexOf('*/');
      if (end < 0) return;
      line = line.slice(end + 2);
      inBlockComment = false;
    }
    line = line.replace(/\/\*.*?\*\//g, '');
    const open = line.indexOf('/*');
    if (open >= 0) {
      inBlockComment = true;
      line = line.slice(0, open);
    }
    const comment = line.indexOf('//');
    if (comment >= 0) line = line.slice(0, comment);
    if (QUERY_CALL.test(line)) sites.push(`${file}:${index + 1}`);
  });
  return sites;
}

/** querySitesIn for every .ts file under functions/src. */
export function querySitesInServerCode(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- node:fs only when the server code is scanned
  const { readdirSync, readFileSync } = require('node:fs') as typeof import('node:fs');
  const srcDir = resolve(FUNCTIONS_DIR, 'src');
  const sites: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = resolve(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) sites.push(...querySitesIn(relative(FUNCTIONS_DIR, path), readFileSync(path, 'utf8')));
    }
  };
  walk(srcDir);
  return sites;
}
