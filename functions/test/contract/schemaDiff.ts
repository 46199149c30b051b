// Breaking-change detection between two JSON Schemas of one request or response. Requests are what
// an app sends (narrowing them breaks old apps); responses are what it receives (removing or
// loosening fields, or new kinds of value, break old apps). Pure; tested in schemaDiff.test.ts.
import type { JsonSchema } from './typeWalker';

export type Side = 'request' | 'response';

interface Kinds {
  /** JSON types the schema accepts ('integer' counts as 'number' narrowed). */
  types: Set<string>;
  /** Allowed string/number values when the schema is an enum or const, else null (any value). */
  values: Set<unknown> | null;
  object?: JsonSchema;
  items?: JsonSchema;
}

function kindsOf(schema: JsonSchema): Kinds {
  const members = Array.isArray(schema.anyOf)
    ? (schema.anyOf as JsonSchema[])
    : Array.isArray(schema.oneOf)
      ? (schema.oneOf as JsonSchema[])
      : null;
  if (members) {
    const all = members.map(kindsOf);
    const types = new Set(all.flatMap((k) => [...k.types]));
    const values = all.some((k) => k.values === null && k.types.size && !k.types.has('null'))
      ? null
      : new Set(all.flatMap((k) => [...(k.values ?? [])]));
    return {
      types,
      values: values && values.size ? values : null,
      object: all.find((k) => k.object)?.object,
      items: all.find((k) => k.items)?.items,
    };
  }
  const declared = schema.type === undefined ? ['any'] : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const values = 'const' in schema ? new Set([schema.const]) : Array.isArray(schema.enum) ? new Set(schema.enum as unknown[]) : null;
  return {
    types: new Set(declared),
    values,
    object: declared.includes('object') ? schema : undefined,
    items: declared.includes('array') ? (schema.items as JsonSchema | undefined) : undefined,
  };
}

/** Does `wide` accept every value `narrow` accepts (as far as type and enum go)? */
function covers(wide: Kinds, narrow: Kinds): string | null {
  if (wide.types.has('any')) return null;
  for (const type of narrow.types) {
    if (type === 'any') return 'accepted any value';
    const ok = wide.types.has(type) || (type === 'integer' && wide.types.has('number'));
    if (!ok) return `type ${type} no longer accepted`;
  }
  if (wide.values !== null) {
    if (narrow.values === null) return `now limited to ${[...wide.values].map(String).join(', ')}`;
    const missing = [...narrow.values].filter((value) => !wide.values!.has(value));
    if (missing.length) return `value ${missing.map(String).join(', ')} no longer in the set`;
  }
  return null;
}

const BOUNDS: [keyword: string, tighter: (before: number, after: number) => boolean][] = [
  ['minimum', (b, a) => a > b],
  ['exclusiveMinimum', (b, a) => a > b],
  ['minLength', (b, a) => a > b],
  ['minItems', (b, a) => a > b],
  ['maximum', (b, a) => a < b],
  ['exclusiveMaximum', (b, a) => a < b],
  ['maxLength', (b, a) => a < b],
  ['maxItems', (b, a) => a < b],
];

/** Every breaking change from `before` to `after`, as "path: what" lines (empty: compatible). */
export function breakingChanges(before: JsonSchema, after: JsonSchema, side: Side, path = '$'): string[] {
  const out: string[] = [];
  const was = kindsOf(before);
  const now = kindsOf(after);
  const problem = side === 'request' ? covers(now, was) : covers(was, now);
  if (problem)
    out.push(
      `${path}: ${side === 'request' ? problem : problem.replace('no longer accepted', 'is new').replace('no longer in the set', 'is new')}`,
    );
  if (side === 'request') {
    for (const [keyword, tighter] of BOUNDS) {
      const b = before[keyword];
      const a = after[keyword];
      if (typeof a === 'number' && (typeof b !== 'number' || tighter(b, a))) out.push(`${path}: ${keyword} ${b ?? 'none'} → ${a}`);
    }
    if (typeof after.pattern === 'string' && after.pattern !== before.pattern) out.push(`${path}: pattern changed`);
  }
  if (was.object && now.object) {
    const oldProps = (was.object.properties ?? {}) as Record<string, JsonSchema>;
    const newProps = (now.object.properties ?? {}) as Record<string, JsonSchema>;
    const oldRequired = new Set((was.object.required ?? []) as string[]);
    const newRequired = new Set((now.object.required ?? []) as string[]);
    for (const [name, schema] of Object.entries(oldProps)) {
      if (!(name in newProps)) {
        out.push(`${path}.${name}: removed`);
        continue;
      }
      out.push(...breakingChanges(schema, newProps[name], side, `${path}.${name}`));
      if (side === 'response' && oldRequired.has(name) && !newRequired.has(name)) out.push(`${path}.${name}: no longer always present`);
    }
    for (const name of newRequired) {
      if (side === 'request' && !oldRequired.has(name)) out.push(`${path}.${name}: newly required`);
    }
    if (side === 'response') {
      // New fields are compatible, except where the old schema promised none.
      if (was.object.additionalProperties === false && now.object.additionalProperties !== false)
        out.push(`${path}: may carry other fields`);
    }
  }
  if (was.items && now.items) out.push(...breakingChanges(was.items, now.items, side, `${path}[]`));
  return out;
}
