// The reads the Gocafein apps make are described ONCE, in the client package (client/src/queries.ts,
// published as @gocafein/client): the app runs exactly these. From the same descriptions come here:
//   - the Firebase JS SDK (v9+ modular) code shown in docs/rules-and-indexes.md (renderQueryCode),
//   - the query the rules tests run with the real SDK against the emulator (buildQuery, the package's own builder),
//   - the shape the index check matches against firestore.indexes.json (shapeOf).
// So the app, the documented code, the rules tests and the index check cannot drift apart. After changing
// the descriptions, regenerate the docs: `npx tsx test/rules/writeDocs.ts` (a test fails until you do).
import * as firestoreSdk from 'firebase/firestore';
import type { WhereFilterOp } from 'firebase/firestore';
import {
  APP_DOCUMENT_READS as CLIENT_DOCUMENT_READS,
  APP_QUERIES as CLIENT_QUERIES,
  type AppDocumentRead,
  type AppQuery,
  createReads,
  type Value,
} from '../../../client/src/queries';
import { type CompositeIndex, type FilterOp, type IndexFile, matchQuery, type QueryShape } from '../support/indexMatcher';

export type { AppDocumentRead, AppQuery, Param, ParamName, Params, Reader } from '../../../client/src/queries';

export const APP_QUERIES: readonly AppQuery[] = CLIENT_QUERIES;
export const APP_DOCUMENT_READS: readonly AppDocumentRead[] = CLIENT_DOCUMENT_READS;

/** The package's builders, on this test's copy of the SDK (the rules tests' Firestore instances come from it). */
export const { buildQuery, buildDocument } = createReads(firestoreSdk);

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
  const fields = index.fields.map((f) =>
    f.arrayConfig ? `${f.fieldPath} array-contains` : `${f.fieldPath}${f.order === 'DESCENDING' ? ' desc' : ''}`,
  );
  const scope = index.queryScope === 'COLLECTION_GROUP' ? ' (collection group)' : '';
  return `\`${index.collectionGroup}: ${fields.join(', ')}\`${scope}`;
}
