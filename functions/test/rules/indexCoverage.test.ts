// Offline: firestore.indexes.json serves every query the apps run (appQueries.ts, the code the docs
// show) and every query the server code runs during this mocha run (recorded by
// test/support/queryRecorder.ts), as test/support/indexMatcher.ts decides it.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import type { Query } from 'firebase-admin/firestore';
import { memberUidsOf, pruneDevicesRefreshedBefore } from '../../src/infra/devices';
import { db } from '../../src/infra/firestore';
import { unansweredOrdersQuery } from '../../src/infra/orderLimits';
import { overdueOrdersQuery, redactionCandidatesQuery, shippedOrdersOf, staleShipments } from '../../src/infra/orderQueries';
import { APP_QUERY_DOCS, generatedBlock, INDEXES_PATH, loadIndexFile } from '../support/indexFile';
import {
  compositeServes,
  describeShape,
  disjunctions,
  matchQuery,
  planOf,
  QueryShape,
  shapeFromStructuredQuery,
} from '../support/indexMatcher';
import { querySitesIn, querySitesInServerCode, recordedQueries } from '../support/queryRecorder';
import { APP_QUERIES, renderAppQueriesMarkdown, shapeOf } from './appQueries';

const structured = (query: Query): QueryShape =>
  shapeFromStructuredQuery((query as unknown as { toStructuredQuery(): never }).toStructuredQuery());

/** The server's query builders, built without running them (the recorder also sees them run). */
const SERVER_QUERIES: { name: string; shape: () => QueryShape }[] = [
  {
    name: 'auto-complete sweep (infra/orderQueries.ts overdueOrdersQuery)',
    shape: () => structured(overdueOrdersQuery(Date.now(), 200)),
  },
  {
    name: 'tracking parcel lookup (infra/orderQueries.ts shippedOrdersOf)',
    shape: () => structured(shippedOrdersOf({ carrier: 'kr.cjlogistics', trackingNumber: '1234567890' })),
  },
  { name: 'tracking poll queue (infra/orderQueries.ts staleShipments)', shape: () => structured(staleShipments(Date.now(), 100)) },
  {
    name: 'unanswered orders of a customer at a store (infra/orderLimits.ts unansweredOrdersQuery)',
    shape: () => structured(unansweredOrdersQuery('customer-1', 'store-1', 3)),
  },
  {
    name: 'personal data redaction (infra/orderQueries.ts redactionCandidatesQuery)',
    shape: () => structured(redactionCandidatesQuery(Date.now(), 200)),
  },
];

function report(shape: QueryShape, where: string): string {
  const result = matchQuery(shape, loadIndexFile());
  return `${where}\n    query: ${describeShape(shape)}\n    ${result.problems.join('\n    ')}`;
}

describe('firestore.indexes.json', () => {
  it('is well formed: known scopes, one of order or arrayConfig per field, no duplicates', () => {
    const file = loadIndexFile();
    const seen = new Set<string>();
    for (const index of file.indexes) {
      assert.ok(['COLLECTION', 'COLLECTION_GROUP'].includes(index.queryScope), JSON.stringify(index));
      assert.ok(index.fields.length >= 2, `a composite index needs two fields or more: ${JSON.stringify(index)}`);
      for (const field of index.fields) {
        assert.ok((field.order === undefined) !== (field.arrayConfig === undefined), JSON.stringify(field));
      }
      const key = JSON.stringify(index);
      assert.ok(!seen.has(key), `duplicate index ${key}`);
      seen.add(key);
    }
    const overridden = new Set<string>();
    for (const override of file.fieldOverrides) {
      const key = `${override.collectionGroup}/${override.fieldPath}`;
      assert.ok(!overridden.has(key), `two overrides for ${key}`);
      overridden.add(key);
      assert.ok(Array.isArray(override.indexes), `${key}: indexes must be listed ([] disables them)`);
    }
  });

  describe('serves every app query (appQueries.ts, shown in docs/rules-and-indexes.md)', () => {
    for (const spec of APP_QUERIES) {
      it(spec.id, () => {
        const result = matchQuery(shapeOf(spec), loadIndexFile());
        assert.ok(result.served, report(shapeOf(spec), `app query ${spec.id} is not served by ${INDEXES_PATH}`));
      });
    }
  });

  describe('serves the server queries', () => {
    for (const query of SERVER_QUERIES) {
      it(query.name, () => {
        const shape = query.shape();
        assert.ok(matchQuery(shape, loadIndexFile()).served, report(shape, query.name));
      });
    }

    it('matches the sweep with its composite index, not by luck', () => {
      const shape = structured(overdueOrdersQuery(Date.now(), 200));
      assert.deepEqual(disjunctions(shape.filter).length, 1);
      const plan = planOf(disjunctions(shape.filter)[0], shape.orderBy);
      assert.deepEqual(plan.equalities, ['status']);
      const indexes = loadIndexFile().indexes.filter((index) => compositeServes(index, shape, plan));
      assert.equal(indexes.length, 1);
      assert.deepEqual(
        indexes[0].fields.map((f) => f.fieldPath),
        ['status', 'autoCompleteAt'],
      );
    });
  });

  it('has no composite index that no known query uses', () => {
    const file = loadIndexFile();
    const shapes = [...APP_QUERIES.map(shapeOf), ...SERVER_QUERIES.map((q) => q.shape()), ...recordedQueries().map((r) => r.shape)];
    const unused = file.indexes.filter(
      (index) =>
        !shapes.some((shape) => disjunctions(shape.filter).some((atoms) => compositeServes(index, shape, planOf(atoms, shape.orderBy)))),
    );
    assert.deepEqual(unused, [], 'remove these indexes, or document the query that needs them in appQueries.ts');
  });

  it('is what docs/rules-and-indexes.md shows for the app queries', () => {
    for (const path of APP_QUERY_DOCS) {
      const block = generatedBlock(readFileSync(path, 'utf8'));
      assert.ok(block !== null, `${path} has lost its app-queries markers`);
      assert.equal(
        block,
        renderAppQueriesMarkdown(loadIndexFile()),
        `${path} is stale: run \`npx tsx test/rules/writeDocs.ts\` in functions/`,
      );
    }
  });
});

describe('query recorder', () => {
  const recordedAt = (file: string) => recordedQueries().filter((r) => r.site.startsWith(file));
  const HERE = 'test/rules/indexCoverage.test.ts';

  it('records queries run by the server code with where they ran and where they were written', async () => {
    await memberUidsOf('store-recorder');
    await pruneDevicesRefreshedBefore(0, 10);
    const members = recordedAt('src/infra/devices.ts').find((r) => r.shape.collectionGroup === 'members');
    assert.ok(members?.fromServerCode, JSON.stringify(recordedQueries()));
    const prune = recordedAt('src/infra/devices.ts').find((r) => r.shape.collectionGroup === 'deviceTokens');
    assert.deepEqual(prune?.shape, {
      collectionGroup: 'deviceTokens',
      scope: 'COLLECTION',
      filter: { field: 'refreshedAt', op: '<' },
      orderBy: [{ field: 'refreshedAt', direction: 'ASCENDING' }],
    });
    const written = querySitesInServerCode().filter((site) => site.startsWith('src/infra/devices.ts'));
    assert.ok(written.length >= 2, JSON.stringify(written));
    // The prune query's two builder lines (where, orderBy) are among the query lines of the file.
    assert.equal(prune.buildSites.length, 2, JSON.stringify(prune.buildSites));
    for (const site of prune.buildSites) assert.ok(written.includes(site), `${site} in ${JSON.stringify(written)}`);
  });

  it('counts a server-code query run from a test as server code', async () => {
    await overdueOrdersQuery(0, 1).get();
    const run = recordedAt(HERE).find((r) => r.buildSites.some((site) => site.startsWith('src/infra/orderQueries.ts')));
    assert.ok(run?.fromServerCode, JSON.stringify(recordedAt(HERE)));
  });

  it('records transaction, aggregate and stream reads, and marks a test’s own query as not server code', async () => {
    const before = recordedAt(HERE).length;
    await db().runTransaction(async (tx) => tx.get(db().collection('recorderProbe').where('a', '==', 1)));
    await db().collection('recorderProbe').where('b', '==', 1).count().get();
    await new Promise<void>((resolve, reject) =>
      db()
        .collection('recorderProbe')
        .where('c', '==', 1)
        .limit(3)
        .stream()
        .on('data', () => undefined)
        .on('end', resolve)
        .on('error', reject),
    );
    const mine = recordedAt(HERE).slice(before);
    assert.deepEqual(
      mine.map((r) => r.via),
      ['Transaction#get', 'AggregateQuery#get', 'Query#stream'],
    );
    assert.ok(mine.every((r) => !r.fromServerCode));
    // The streamed query was written over several lines: its where() line is carried through limit().
    const [streamed] = mine.slice(-1);
    assert.equal(streamed.buildSites.length, 1);
    assert.ok(streamed.buildSites[0].startsWith(`${HERE}:`));
    assert.equal(Number(streamed.buildSites[0].split(':')[1]), Number(streamed.site.split(':')[1]) - 2);
  });

  it('finds query calls in source, skipping comments', () => {
    const source = [
      'const q = db()', // 1
      "  .collection('orders')", // 2
      "  .where('a', '==', 1) // by a", // 3
      "  // .where('commented', '==', 1)", // 4
      '  /* .orderBy(x) */ .limit(1);', // 5
      '/*', // 6
      " db().collectionGroup('x')", // 7
      '*/', // 8
      "db().collectionGroup('members').orderBy('uid');", // 9
    ].join('\n');
    assert.deepEqual(querySitesIn('src/x.ts', source), ['src/x.ts:3', 'src/x.ts:9']);
  });
});

/** Every spec file mocha runs by default (.mocharc.json spec: every .test.ts under test/). */
function allSpecFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) files.push(resolvePath(path));
    }
  };
  walk(join(__dirname, '..'));
  return files.sort();
}

/** Whether every test of the tree ran (none left out by --grep, --bail or an interrupted run). */
function everyTestRan(root: Mocha.Suite): boolean {
  const visit = (suite: Mocha.Suite): boolean => suite.tests.every((t) => t.state !== undefined) && suite.suites.every(visit);
  return visit(root);
}

function specFilesRun(root: Mocha.Suite): string[] {
  const files = new Set<string>();
  const visit = (suite: Mocha.Suite) => {
    if (suite.file) files.add(resolvePath(suite.file));
    suite.suites.forEach(visit);
  };
  visit(root);
  return [...files].sort();
}

// After every test of the run (a root-level hook): each query the server code ran must be served;
// and when the whole suite ran, each query the server code writes must have run.
after(function checkRecordedQueries() {
  const file = loadIndexFile();
  const server = recordedQueries().filter((r) => r.fromServerCode);
  if (process.env.SHOW_QUERIES) {
    for (const query of server)
      console.log(`[queries] ${query.site} ${describeShape(query.shape)} (written at ${query.buildSites.join(', ') || '-'})`);
  }
  const unserved = server.flatMap((query) => {
    const result = matchQuery(query.shape, file);
    return result.served
      ? []
      : [
          `${query.site} (${query.via}; written at ${query.buildSites.join(', ') || '-'}): ${describeShape(query.shape)}\n    ${result.problems.join('\n    ')}`,
        ];
  });
  if (unserved.length > 0) {
    assert.fail(`${unserved.length} queries run by the server code are not served by ${INDEXES_PATH}:\n  ${unserved.join('\n  ')}`);
  }

  const root = this.test!.parent!;
  const wholeSuite = JSON.stringify(specFilesRun(root)) === JSON.stringify(allSpecFiles()) && everyTestRan(root);
  const ran = new Set(recordedQueries().flatMap((r) => r.buildSites));
  const neverRan = querySitesInServerCode().filter((site) => !ran.has(site));
  if (wholeSuite) {
    if (process.env.SHOW_QUERIES)
      console.log(`[queries] whole suite: ${querySitesInServerCode().length} query sites in functions/src, ${neverRan.length} never ran`);
    if (neverRan.length > 0) {
      assert.fail(
        `queries written in functions/src that no test ran, so their index was never checked (test them):\n  ${neverRan.join('\n  ')}`,
      );
    }
  } else if (neverRan.length > 0 && process.env.SHOW_QUERIES) {
    console.log(`[queries] not run in this partial run: ${neverRan.join(', ')}`);
  }
});
