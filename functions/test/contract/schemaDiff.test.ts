// The breaking-change detector the contract snapshot test relies on.
import { strict as assert } from 'node:assert';
import { breakingChanges } from './schemaDiff';

const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required });
const str = { type: 'string' };
const channel = (...values: string[]) => ({ type: 'string', enum: values });

describe('contract: breaking-change detection between JSON Schemas', () => {
  it('an identical schema has no breaking change', () => {
    const schema = object({ a: str, b: channel('x', 'y') }, ['a']);
    assert.deepEqual(breakingChanges(schema, structuredClone(schema), 'request'), []);
    assert.deepEqual(breakingChanges(schema, structuredClone(schema), 'response'), []);
  });

  it('request: a removed field, a new required field, a narrowed type or enum, a tighter bound', () => {
    const before = object({ a: str, b: channel('x', 'y'), n: { type: 'number', maximum: 10 }, o: { anyOf: [str, { type: 'null' }] } }, [
      'a',
    ]);
    const after = object({ b: channel('x'), n: { type: 'integer', maximum: 5 }, o: str, c: str }, ['c']);
    const found = breakingChanges(before, after, 'request');
    assert.ok(found.includes('$.a: removed'), found.join('\n'));
    assert.ok(found.includes('$.c: newly required'), found.join('\n'));
    assert.ok(found.includes('$.b: value y no longer in the set'), found.join('\n'));
    assert.ok(found.includes('$.n: type number no longer accepted'), found.join('\n'));
    assert.ok(found.includes('$.n: maximum 10 → 5'), found.join('\n'));
    assert.ok(found.includes('$.o: type null no longer accepted'), found.join('\n'));
  });

  it('request: a new optional field, a wider enum and a looser bound are compatible', () => {
    const before = object({ a: str, b: channel('x'), n: { type: 'integer', minimum: 1 } }, ['a']);
    const after = object({ a: str, b: channel('x', 'y'), n: { type: 'number', minimum: 0 }, extra: str }, ['a']);
    assert.deepEqual(breakingChanges(before, after, 'request'), []);
  });

  it('response: a removed field, a field no longer always present, a new enum value or type break apps', () => {
    const before = object({ a: str, b: channel('x'), c: str, d: str }, ['a', 'b', 'c']);
    const after = object({ b: channel('x', 'y'), c: str, d: { anyOf: [str, { type: 'null' }] } }, ['b']);
    const found = breakingChanges(before, after, 'response');
    assert.ok(found.includes('$.a: removed'), found.join('\n'));
    assert.ok(found.includes('$.c: no longer always present'), found.join('\n'));
    assert.ok(found.includes('$.b: value y is new'), found.join('\n'));
    assert.ok(found.includes('$.d: type null is new'), found.join('\n'));
  });

  it('response: a new field is compatible; nested objects and arrays are compared too', () => {
    const before = object({ items: { type: 'array', items: object({ id: str }, ['id']) } }, ['items']);
    assert.deepEqual(
      breakingChanges(
        before,
        object({ items: { type: 'array', items: object({ id: str, name: str }, ['id', 'name']) }, more: str }, ['items']),
        'response',
      ),
      [],
    );
    const found = breakingChanges(before, object({ items: { type: 'array', items: object({}, []) } }, ['items']), 'response');
    assert.deepEqual(found, ['$.items[].id: removed']);
  });
});
