// fast-check arbitraries for hostile input: arbitrary JSON values, and near misses of a valid seed
// payload (one field replaced, removed or added). Every payload is passed through JSON once, as the
// callable protocol and the webhook receive it; `__proto__` keys are kept as own properties.
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** A copy that keeps `__proto__` as an own key (JSON.parse does; object spread would not). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every path in a JSON value, the root included. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  const here: Path[] = [path];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, i) => pathsOf(item, [...path, i])));
  if (value && typeof value === 'object') {
    return here.concat(Object.keys(value).flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...path, key])));
  }
  return here;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], value);
}

function nest(depth: number, leaf: Json, asArray: boolean): Json {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

const LONG = '가'.repeat(5_000) + 'x'.repeat(20_000);

/** Values that have broken parsers and stores before: the "odd input" of issue 11. */
export const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  // numbers: huge, negative, fractional, beyond the safe integers
  fc.constantFrom<Json>(1e308, -1e308, 2 ** 53 + 2, -(2 ** 53), 2 ** 31, -1, 0, 0.5, 1e21, 4.000000000000001),
  fc.double({ noNaN: true, noDefaultInfinity: true }) as fc.Arbitrary<Json>,
  // strings that look like numbers, booleans or nothing
  fc.constantFrom<Json>('NaN', 'Infinity', '-Infinity', '1e999', '-0', '0x10', '', ' ', '\t\n', 'null', 'undefined', 'true'),
  // ids and keys with special meaning to JS objects or Firestore paths
  fc.constantFrom<Json>('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '__name__', '.', '..', 'a/b', '/', 'stores'),
  // lone UTF-16 surrogates, alone or inside text
  fc.constantFrom<Json>('\ud800', '\udc00', 'a\ud83d', '\ude00b', '카페\ud800라떼', '\udbff\udbff'),
  fc.string({ unit: 'binary', maxLength: 8 }) as fc.Arbitrary<Json>,
  // dates at and past the edges of Firestore's Timestamp
  fc.constantFrom<Json>(
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59-23:59',
    '1969-12-31T23:59:59Z',
    '2026-11-26T15:30:00+09:00',
    '+275760-09-13T00:00:00Z',
  ),
  // long strings and deep nesting
  fc.constantFrom<Json>(LONG, 'x'.repeat(1_500)),
  fc.tuple(fc.integer({ min: 20, max: 200 }), fc.boolean()).map(([depth, asArray]) => nest(depth, 1, asArray)),
  // objects that try to reach the prototype
  fc.constant(JSON.parse('{"__proto__": {"admin": true, "polluted": 1}}') as Json),
  fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}') as Json),
);

const unknownKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'admin', 'storeId', 'uid', 'x'), fc.string({ maxLength: 6 }));

/** The seed with one change: a value replaced by an odd one, a key removed, or an unknown key added. */
export function nearMiss(seed: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(seed);
  const objectPaths = paths.filter((path) => {
    const node = at(seed, path);
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  const replace = fc.tuple(fc.constantFrom(...paths), oddValue).map(([path, value]) => {
    if (path.length === 0) return value;
    const copy = clone(seed);
    setOwn(at(copy, path.slice(0, -1)) as Record<string, unknown>, path.at(-1)!, value);
    return copy;
  });
  const arms: fc.Arbitrary<unknown>[] = [replace];
  const inner = paths.filter((path) => path.length > 0);
  if (inner.length > 0) {
    arms.push(
      fc.constantFrom(...inner).map((path) => {
        const copy = clone(seed);
        const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
        if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
        else delete parent[path.at(-1)!];
        return copy;
      }),
    );
  }
  if (objectPaths.length > 0) {
    arms.push(
      fc.tuple(fc.constantFrom(...objectPaths), unknownKey, oddValue).map(([path, key, value]) => {
        const copy = clone(seed);
        setOwn(at(copy, path) as Record<string, unknown>, key, value);
        return copy;
      }),
    );
  }
  return fc.oneof(...arms);
}

/** Mostly near misses of the seed (they reach deep into the handlers), some arbitrary JSON, and the seed. */
export function payloadFor(seed: unknown): fc.Arbitrary<unknown> {
  return fc
    .oneof(
      { weight: 6, arbitrary: nearMiss(seed) },
      { weight: 1, arbitrary: nearMiss(seed).chain((once) => nearMiss(once)) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.constant(seed) },
    )
    .map((payload) => (payload === undefined ? payload : clone(payload)));
}
