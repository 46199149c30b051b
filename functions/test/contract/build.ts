// Builds everything that comes from the contract (src/contract): the client package's generated
// types and tables, the JSON Schemas for non-JS clients, docs/contract.md and the callable and error
// tables of docs/orders.md. Pure function of the
// source; generate.ts writes the files and contract.test.ts checks the committed ones are current.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript-api'; // TypeScript 5.9's compiler API: TypeScript 7 (the build's tsc) ships none
import { z } from 'zod/mini';
import { CALLABLES, CONTRACT_VERSION } from '../../src/contract/callables';
import { CANCEL_REASONS } from '../../src/domain/cancelReasons';
import { CARRIERS } from '../../src/domain/carriers';
import { CHANNELS, ORDER_STATUSES, PICKUP_CHANNELS } from '../../src/domain/order';
import { OPEN_DELIVERY_STATUSES, OPEN_PICKUP_STATUSES, TERMINAL_STATUSES } from '../../src/domain/lifecycle';
import { CHANNEL_LABELS, STATUS_LABELS } from '../../src/domain/publicView';
import { REASONS } from '../../src/domain/reasons';
import { STORE_STATUS_LABELS } from '../../src/domain/store';
import { TRACKING_STATUS_LABELS } from '../../src/domain/tracking';
import { type JsonSchema, TypeWalker } from './typeWalker';

export const FUNCTIONS_DIR = join(__dirname, '..', '..');
export const ROOT = join(FUNCTIONS_DIR, '..');
export const CLIENT_DIR = join(ROOT, 'client');
export const GENERATED_TS = join(CLIENT_DIR, 'src', 'generated', 'contract.ts');
export const SCHEMAS_DIR = join(CLIENT_DIR, 'schemas');
export const CONTRACT_DOC = join(ROOT, 'docs', 'contract.md');
/** docs/orders.md shows the compact callable and error tables (once; README links to it). */
export const ORDERS_DOC = join(ROOT, 'docs', 'orders.md');
export const HOURS_SOURCE = join(FUNCTIONS_DIR, 'src', 'domain', 'hours.ts');
export const GENERATED_HOURS = join(CLIENT_DIR, 'src', 'generated', 'hours.ts');
const HOURS_HEADER =
  '// GENERATED: a copy of functions/src/domain/hours.ts by `cd functions && npx tsx test/contract/generate.ts`. Do not edit.';

export interface CallableSchemas {
  request: JsonSchema;
  response: JsonSchema;
}

export interface BuiltContract {
  version: number;
  schemas: Record<string, CallableSchemas>;
  /** Absolute path → content. */
  files: Map<string, string>;
}

const HEADER = '// GENERATED from functions/src/contract by `cd functions && npx tsx test/contract/generate.ts`. Do not edit.';

function program() {
  const configPath = join(FUNCTIONS_DIR, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('contract: cannot read functions/tsconfig.json');
  const roots = ['src/contract/callables.ts', 'src/contract/types.ts'].map((file) => join(FUNCTIONS_DIR, file));
  return ts.createProgram(roots, { ...config.options, noEmit: true });
}

function declaredType(p: ts.Program, file: string, name: string): ts.Type {
  const source = p.getSourceFile(join(FUNCTIONS_DIR, file));
  if (!source) throw new Error(`contract: ${file} is not in the program`);
  let found: ts.Node | undefined;
  source.forEachChild((node) => {
    if ((ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) && node.name.text === name) found = node.name;
  });
  if (!found) throw new Error(`contract: ${file} has no type ${name}`);
  return p.getTypeChecker().getTypeAtLocation(found);
}

function propertiesOf(p: ts.Program, type: ts.Type): Map<string, ts.Type> {
  const checker = p.getTypeChecker();
  return new Map(checker.getPropertiesOfType(type).map((symbol) => [symbol.name, checker.getTypeOfSymbol(symbol)]));
}

const literal = (value: unknown) => JSON.stringify(value, null, 2);

export function buildContract(): BuiltContract {
  const p = program();
  const checker = p.getTypeChecker();
  const named = new Map<ts.Type, string>([
    [declaredType(p, 'src/domain/publicView.ts', 'OrderPublicView'), 'OrderView'],
    [declaredType(p, 'src/domain/store.ts', 'StoreView'), 'StoreView'],
  ]);
  const walker = new TypeWalker(checker, named);
  const requests = propertiesOf(p, declaredType(p, 'src/contract/callables.ts', 'CallableRequests'));
  const responses = propertiesOf(p, declaredType(p, 'src/contract/callables.ts', 'CallableResponses'));
  const reasonDetails = propertiesOf(p, declaredType(p, 'src/contract/types.ts', 'ReasonDetails'));
  const documents = propertiesOf(p, declaredType(p, 'src/contract/types.ts', 'ContractDocuments'));
  const names = Object.keys(CALLABLES);

  for (const name of names) {
    const response = responses.get(name);
    if (!response || response.flags & ts.TypeFlags.Never)
      throw new Error(`contract: ${name}'s response type is unknown (is responseOf<typeof import(...)['${name}']> right?)`);
  }
  const missingReasons = Object.keys(REASONS).filter((reason) => !reasonDetails.has(reason));
  if (missingReasons.length) throw new Error(`contract: ReasonDetails lacks ${missingReasons.join(', ')}`);

  // ---- JSON Schemas
  const schemas: Record<string, CallableSchemas> = {};
  for (const [name, callable] of Object.entries(CALLABLES)) {
    const request = z.toJSONSchema(callable.request as z.ZodMiniType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    schemas[name] = {
      request: { ...request, title: `${name} request` },
      response: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: `${name} response`,
        ...walker.schema(responses.get(name)!),
      },
    };
  }
  const files = new Map<string, string>();
  for (const [name, { request, response }] of Object.entries(schemas)) {
    files.set(join(SCHEMAS_DIR, `${name}.request.json`), `${JSON.stringify(request, null, 2)}\n`);
    files.set(join(SCHEMAS_DIR, `${name}.response.json`), `${JSON.stringify(response, null, 2)}\n`);
  }
  const errors = Object.fromEntries(
    Object.entries(REASONS).map(([reason, { code, message }]) => [
      reason,
      { code, message, details: walker.schema(reasonDetails.get(reason)!) },
    ]),
  );
  files.set(
    join(SCHEMAS_DIR, 'errors.json'),
    `${JSON.stringify({ title: 'Gocafein error reasons: HttpsError code, Korean message, extra details fields', reasons: errors }, null, 2)}\n`,
  );
  files.set(
    join(SCHEMAS_DIR, 'index.json'),
    `${JSON.stringify({ contractVersion: CONTRACT_VERSION, region: 'asia-northeast3', callables: names }, null, 2)}\n`,
  );

  // ---- TypeScript for the client package
  const ts_: string[] = [HEADER, ''];
  ts_.push('/** Raised on every breaking change to a request or response. */');
  ts_.push(`export const CONTRACT_VERSION = ${CONTRACT_VERSION};`, '');
  ts_.push(`export const CALLABLE_NAMES = ${literal(names)} as const;`, '');
  for (const [type, name] of named) ts_.push(`export type ${name} = ${walker.print(type, '', true)};`, '');
  ts_.push("/** What each callable takes: the zod schema's input side. */");
  ts_.push('export interface CallableRequests {');
  for (const name of names) ts_.push(`  ${name}: ${walker.print(requests.get(name)!, '  ')};`);
  ts_.push('}', '');
  ts_.push('/** What each callable returns (JSON: times are ISO-8601 strings). */');
  ts_.push('export interface CallableResponses {');
  for (const name of names) ts_.push(`  ${name}: ${walker.print(responses.get(name)!, '  ')};`);
  ts_.push('}', '');
  ts_.push('/** Every error reason with its HttpsError code and Korean message. */');
  const reasonTable = Object.fromEntries(Object.entries(REASONS).map(([reason, { code, message }]) => [reason, { code, message }]));
  ts_.push(`export const REASONS = ${literal(reasonTable)} as const;`, '');
  ts_.push('/** `details` fields beyond {reason, message}, per reason. */');
  ts_.push('export interface ReasonExtras {');
  for (const reason of Object.keys(REASONS)) ts_.push(`  ${reason}: ${walker.print(reasonDetails.get(reason)!, '  ')};`);
  ts_.push('}', '');
  for (const [name, type] of documents) ts_.push(`export interface ${name} ${walker.print(type)}`, '');
  ts_.push(`export const CHANNELS = ${literal(CHANNELS)} as const;`);
  ts_.push(`export const PICKUP_CHANNELS = ${literal(PICKUP_CHANNELS)} as const;`);
  ts_.push(`export const ORDER_STATUSES = ${literal(ORDER_STATUSES)} as const;`);
  ts_.push(`export const OPEN_PICKUP_STATUSES = ${literal(OPEN_PICKUP_STATUSES)} as const;`);
  ts_.push(`export const OPEN_DELIVERY_STATUSES = ${literal(OPEN_DELIVERY_STATUSES)} as const;`);
  ts_.push(`export const TERMINAL_STATUSES = ${literal(TERMINAL_STATUSES)} as const;`, '');
  ts_.push(`export const STATUS_LABELS = ${literal(STATUS_LABELS)} as const;`, '');
  ts_.push(`export const CHANNEL_LABELS = ${literal(CHANNEL_LABELS)} as const;`, '');
  ts_.push(`export const CANCEL_REASON_LABELS = ${literal(CANCEL_REASONS)} as const;`, '');
  ts_.push(`export const STORE_STATUS_LABELS = ${literal(STORE_STATUS_LABELS)} as const;`, '');
  ts_.push(`export const TRACKING_STATUS_LABELS = ${literal(TRACKING_STATUS_LABELS)} as const;`, '');
  const carriers = CARRIERS.map(({ code, name, trackingUrlTemplate }) => ({ code, name, trackingUrlTemplate }));
  ts_.push(`export const CARRIERS = ${literal(carriers)} as const;`);
  files.set(GENERATED_TS, `${ts_.join('\n')}\n`);
  // The opening-hours logic is shared verbatim: domain/hours.ts is pure and imports nothing.
  const hoursSource = readFileSync(HOURS_SOURCE, 'utf8');
  if (/^\s*(import|export \* from|export \{[^}]*\} from)\b/m.test(hoursSource))
    throw new Error('contract: src/domain/hours.ts must import nothing (it is copied into the client)');
  files.set(GENERATED_HOURS, `${HOURS_HEADER}\n${hoursSource}`);

  files.set(CONTRACT_DOC, renderContractDoc(schemas, reasonDetails, walker));
  let orders = readFileSync(ORDERS_DOC, 'utf8');
  orders = withBlock(orders, 'contract-callables', renderReadmeCallables(schemas));
  orders = withBlock(orders, 'contract-reasons', renderReadmeReasons());
  files.set(ORDERS_DOC, orders);
  return { version: CONTRACT_VERSION, schemas, files };
}

// ---- docs/contract.md

function typeText(schema: JsonSchema): string {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeText).join(' \\| ');
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => `\`${String(v)}\``).join(' \\| ');
  if ('const' in schema) return `\`${String(schema.const)}\``;
  if (schema.type === 'array') return `${typeText((schema.items ?? {}) as JsonSchema)}[]`;
  if (schema.type === 'object') return 'object';
  return typeof schema.type === 'string' ? schema.type : 'any';
}

/** zod's int() bounds are the safe-integer limits: no bound worth showing. */
const bounded = (value: unknown) => (typeof value === 'number' && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined);

function constraintText(schema: JsonSchema): string {
  const parts: string[] = [];
  const pick = (key: string, label: string) => bounded(schema[key]) !== undefined && parts.push(`${label} ${schema[key] as number}`);
  pick('minLength', 'min length');
  pick('maxLength', 'max length');
  pick('minimum', '≥');
  pick('maximum', '≤');
  pick('minItems', 'min items');
  pick('maxItems', 'max items');
  if (typeof schema.format === 'string') parts.push(`format ${schema.format}`);
  else if (typeof schema.pattern === 'string' && schema.pattern.length <= 40)
    parts.push(`pattern \`${schema.pattern.replace(/\|/g, '\\|')}\``);
  return parts.join(', ');
}

function fieldRows(schema: JsonSchema, prefix = '', rows: string[] = []): string[] {
  const objectSchema = Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[]).find((s) => s.type === 'object') : schema;
  if (!objectSchema || objectSchema.type !== 'object') return rows;
  const required = new Set((objectSchema.required ?? []) as string[]);
  for (const [name, property] of Object.entries((objectSchema.properties ?? {}) as Record<string, JsonSchema>)) {
    const path = `${prefix}${name}`;
    rows.push(`| \`${path}\` | ${typeText(property)} | ${required.has(name) ? 'yes' : ''} | ${constraintText(property)} |`);
    const nested = Array.isArray(property.anyOf)
      ? (property.anyOf as JsonSchema[]).find((s) => s.type === 'object' || s.type === 'array')
      : property;
    if (nested?.type === 'object') fieldRows(nested, `${path}.`, rows);
    if (nested?.type === 'array' && (nested.items as JsonSchema | undefined)?.type === 'object')
      fieldRows(nested.items as JsonSchema, `${path}[].`, rows);
  }
  return rows;
}

function renderContractDoc(schemas: Record<string, CallableSchemas>, reasonDetails: Map<string, ts.Type>, walker: TypeWalker): string {
  const out: string[] = [];
  const schemaLink = (name: string, side: string) => `../${relative(ROOT, join(SCHEMAS_DIR, `${name}.${side}.json`))}`;
  out.push(
    '<!-- GENERATED from functions/src/contract by `cd functions && npx tsx test/contract/generate.ts`; a test fails when stale. -->',
  );
  out.push('# Callable contract', '');
  out.push(
    `Contract version **${CONTRACT_VERSION}**. Region \`asia-northeast3\`. TypeScript apps use [\`@gocafein/client\`](../client/README.md);`,
  );
  out.push('other clients (Android, iOS) use the JSON Schemas in [`client/schemas`](../client/schemas). Every error carries');
  out.push(
    '`details.reason` (stable) and `details.message` (Korean, show it as is); `invalid-argument` adds `details.fields` `[{path, message}]`',
  );
  out.push('(every reason with its extras, as JSON: [`client/schemas/errors.json`](../client/schemas/errors.json)).');
  out.push(
    'Adding a callable: one entry in `functions/src/contract/callables.ts`, then regenerate ([client/README.md](../client/README.md#adding-a-callable)).',
    '',
  );
  out.push('| callable | who | what | schemas |', '| --- | --- | --- | --- |');
  for (const [name, entry] of Object.entries(CALLABLES)) {
    out.push(
      `| \`${name}\` | ${entry.audience} | ${entry.summary} ([more](../${entry.doc})) | [request](${schemaLink(name, 'request')}), [response](${schemaLink(name, 'response')}) |`,
    );
  }
  for (const [name, { request, response }] of Object.entries(schemas)) {
    out.push('', `## ${name}`, '', `${CALLABLES[name as keyof typeof CALLABLES].summary}`, '');
    out.push('Request:', '', '| field | type | required | constraints |', '| --- | --- | --- | --- |', ...fieldRows(request));
    const top = Object.entries((response.properties ?? {}) as Record<string, JsonSchema>);
    out.push('', `Response: ${top.map(([field, s]) => `\`${field}\` (${typeText(s)})`).join(', ')}.`);
  }
  out.push('', '## Error reasons', '', '| reason | code | message | extra `details` |', '| --- | --- | --- | --- |');
  for (const [reason, { code, message }] of Object.entries(REASONS)) {
    const extras = walker.print(reasonDetails.get(reason)!).replace(/\s+/g, ' ').replace(/\|/g, '\\|');
    out.push(`| \`${reason}\` | \`${code}\` | ${message} | ${extras === 'Record<never, never>' ? '' : `\`${extras}\``} |`);
  }
  return `${out.join('\n')}\n`;
}

// ---- docs/orders.md blocks (between <!-- NAME:start --> and <!-- NAME:end -->)

export function withBlock(markdown: string, name: string, block: string): string {
  const start = `<!-- ${name}:start (generated from functions/src/contract: cd functions && npx tsx test/contract/generate.ts) -->`;
  const end = `<!-- ${name}:end -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) throw new Error(`contract: docs/orders.md has no ${name} markers`);
  return `${markdown.slice(0, from + start.length)}\n${block}\n${markdown.slice(to)}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** A compact one-line shape of a request: `{orderId, prepMinutes: 1..180}`. */
export function compactShape(schema: JsonSchema): string {
  if (Array.isArray(schema.anyOf)) {
    const members = schema.anyOf as JsonSchema[];
    const nonNull = members.filter((m) => m.type !== 'null');
    return `${nonNull.map(compactShape).join('|')}${nonNull.length < members.length ? '|null' : ''}`;
  }
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => `'${String(v)}'`).join('|');
  const range = (rawMin: unknown, rawMax: unknown) => {
    const [min, max] = [bounded(rawMin), bounded(rawMax)];
    return typeof min === 'number' && typeof max === 'number'
      ? `${min}..${max}`
      : typeof max === 'number'
        ? `≤${max}`
        : typeof min === 'number'
          ? `≥${min}`
          : '';
  };
  if (schema.type === 'object') {
    const required = new Set((schema.required ?? []) as string[]);
    const fields = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => {
      const inner = compactShape(property);
      return `${name}${required.has(name) ? '' : '?'}${inner ? (inner.startsWith('(') ? ` ${inner}` : `: ${inner}`) : ''}`;
    });
    return `{${fields.join(', ')}}`;
  }
  if (schema.type === 'array') {
    const items = compactShape((schema.items ?? {}) as JsonSchema);
    const count = range(schema.minItems, schema.maxItems);
    return `[${items || '…'}]${count ? ` (${count})` : ''}`;
  }
  if (schema.type === 'integer' || schema.type === 'number') return range(schema.minimum, schema.maximum);
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'string') {
    if (schema.format === 'date-time') return 'ISO-8601';
    const length = range((schema.minLength as number) > 1 ? schema.minLength : undefined, schema.maxLength);
    return length && !schema.pattern ? `(${length} chars)` : '';
  }
  return '';
}

function isOrderView(schema: JsonSchema): boolean {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return 'statusLabel' in properties && 'items' in properties && 'orderId' in properties;
}

function renderReadmeCallables(schemas: Record<string, CallableSchemas>): string {
  const out = ['| callable | who | input | result |', '| --- | --- | --- | --- |'];
  for (const [name, { request, response }] of Object.entries(schemas)) {
    const audience = CALLABLES[name as keyof typeof CALLABLES].audience;
    const result = isOrderView(response) ? 'public view' : `{${Object.keys((response.properties ?? {}) as object).join(', ')}}`;
    out.push(`| \`${name}\` | ${audience} | \`${cell(compactShape(request))}\` | ${result === 'public view' ? result : `\`${result}\``} |`);
  }
  out.push('', 'Field constraints, response fields and JSON Schemas: [contract.md](contract.md).');
  return out.join('\n');
}

function renderReadmeReasons(): string {
  const out = ['| reason | code | message |', '| --- | --- | --- |'];
  for (const [reason, { code, message }] of Object.entries(REASONS)) out.push(`| \`${reason}\` | \`${code}\` | ${message} |`);
  out.push('', "Each reason's extra `details` fields: [contract.md](contract.md#error-reasons).");
  return out.join('\n');
}
