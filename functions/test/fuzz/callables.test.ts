// Fuzz: every exported callable, called by every kind of actor with arbitrary JSON and with near
// misses of a valid payload (test/fuzz/payloads.ts). Whatever comes in, the answer is success or
// one of the documented errors (domain/reasons.ts: standard code, stable reason, Korean message),
// never `internal` and never a hang; and a refused call writes nothing (database and claims).
// FUZZ_RUNS (default 50 per callable) tunes the depth; FUZZ_SEED replays a failure.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { z } from 'zod/mini';
import { CallableFunction, HttpsError } from 'firebase-functions/v2/https';
import { defineCallable } from '../../src/callables/shell';
import { DomainError, REASONS } from '../../src/domain/reasons';
import { db } from '../../src/infra/firestore';
import * as indexExports from '../../src/index';
import { installFakeAuth } from '../support/auth';
import { AuthContext, call } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { OTHER_STORE_ID, seedStore } from '../support/fixtures';
import { placeDelivery } from '../support/orders';
import { seedMember } from '../support/partners';
import { payloadFor } from './payloads';
import { snapshotDatabase } from './snapshot';
import { FUZZ_APPLICANT, FUZZ_BARISTA, FUZZ_NEWCOMER, FUZZ_SEEDS, FUZZ_STORE_ID, FUZZ_UIDS } from './seeds';

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** One call that takes longer than this is a hang (a write Firestore can never commit, retried). */
const CALL_TIMEOUT_MS = 10_000;

const ACTORS = ['anonymous', 'customer', 'otherCustomer', 'staff', 'owner', 'otherPartner', 'admin'] as const;
type ActorKind = (typeof ACTORS)[number];

/** Every code a refusal may carry: those of REASONS, except `internal`. */
const DOCUMENTED_CODES = new Set(
  Object.values(REASONS)
    .map((reason) => reason.code as string)
    .filter((code) => code !== 'internal'),
);

function exportedCallables(): string[] {
  return Object.entries(indexExports as Record<string, unknown>)
    .filter(([, value]) => Boolean((value as { __endpoint?: { callableTrigger?: unknown } })?.__endpoint?.callableTrigger))
    .map(([name]) => name)
    .sort();
}

function withTimeout<T>(promise: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms: ${label}`)), CALL_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Calls `fn` once and checks the answer: success, or a documented refusal after which the database
 * and the claims are as they were. Returns "ok" or "code/reason".
 */
async function checkedCall(
  fn: CallableFunction<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any callable, whatever its input and output
  payload: unknown,
  context: AuthContext | undefined,
  label: string,
  claimsWrites: () => number,
): Promise<string> {
  const before = await snapshotDatabase();
  const claimsBefore = claimsWrites();
  try {
    await withTimeout(call(fn, payload, context), `${label} with ${show(payload)}`);
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof HttpsError, `${label} threw ${String(error)} for ${show(payload)}`);
    const reason = (error.details as { reason?: string } | undefined)?.reason ?? '';
    const outcome = `${error.code}/${reason}`;
    assert.ok(DOCUMENTED_CODES.has(error.code), `${label} answered ${outcome} for ${show(payload)}`);
    assert.ok(Object.hasOwn(REASONS, reason), `undocumented reason ${reason}`);
    assert.equal(REASONS[reason as keyof typeof REASONS].code, error.code, `${reason} has its documented code`);
    assert.ok(/[가-힣]/.test(error.message), `Korean message expected, got "${error.message}"`);
    assert.deepEqual(await snapshotDatabase(), before, `${label} refused (${outcome}) but wrote, for ${show(payload)}`);
    assert.equal(claimsWrites(), claimsBefore, `${label} refused but changed claims`);
    return outcome;
  }
}

const show = (payload: unknown) => {
  const text = JSON.stringify(payload) ?? String(payload);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

describe('fuzz: every callable, every actor, odd input', function () {
  this.timeout(600_000);
  const auth = installFakeAuth();
  const claimsWrites = () => auth.claimsWrites.length;

  const contextOf = (actor: ActorKind): AuthContext | undefined => (actor === 'anonymous' ? undefined : auth.tokenOf(FUZZ_UIDS[actor]));

  beforeEach(async () => {
    await seedStore(FUZZ_STORE_ID);
    await seedStore(OTHER_STORE_ID);
    for (const uid of [FUZZ_UIDS.customer, FUZZ_UIDS.otherCustomer, FUZZ_APPLICANT, FUZZ_NEWCOMER]) auth.addUser(uid);
    auth.addUser(FUZZ_UIDS.admin, 'admin@example.com', { admin: true });
    await seedMember(auth, FUZZ_STORE_ID, FUZZ_UIDS.owner, 'owner');
    await seedMember(auth, FUZZ_STORE_ID, FUZZ_UIDS.staff, 'staff');
    await seedMember(auth, FUZZ_STORE_ID, FUZZ_BARISTA, 'staff');
    await seedMember(auth, OTHER_STORE_ID, FUZZ_UIDS.otherPartner, 'owner');
  });

  it('has a seed for every callable exported by src/index.ts, and no others', () => {
    assert.deepEqual(Object.keys(FUZZ_SEEDS).sort(), exportedCallables(), 'add the callable to FUZZ_SEEDS in test/fuzz/seeds.ts');
    const index = indexExports as Record<string, unknown>;
    for (const [name, { fn }] of Object.entries(FUZZ_SEEDS)) assert.equal(fn, index[name], `${name} is the exported function`);
  });

  it('the check can fail: a refusal that wrote, an `internal`, a plain Error are all caught', async () => {
    const writesThenRefuses = defineCallable('writesThenRefuses', z.object({}), async () => {
      await db().doc('probe/written').set({ at: 1 });
      throw new DomainError('order_not_found');
    });
    const crashes = defineCallable('crashes', z.object({}), async () => {
      throw new Error('boom');
    });
    const customer = contextOf('customer');
    await assert.rejects(
      checkedCall(writesThenRefuses, {}, customer, 'writesThenRefuses', claimsWrites),
      /refused \(not-found\/order_not_found\) but wrote/,
    );
    await assert.rejects(checkedCall(crashes, {}, customer, 'crashes', claimsWrites), /answered internal\/internal/);
  });

  it('the one-request snapshot sees every document dumpDatabase sees', async () => {
    await placeDelivery();
    const dump = await dumpDatabase();
    const snapshot = await snapshotDatabase();
    assert.ok(dump.size > 10);
    assert.deepEqual([...snapshot.keys()].sort(), [...dump.keys()].sort());
  });

  let totalRuns = 0;
  for (const [name, { fn, seed }] of Object.entries(FUZZ_SEEDS)) {
    it(`${name}: success or a documented refusal that writes nothing`, async () => {
      const valid = await seed();
      const answers = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(payloadFor(valid), fc.constantFrom(...ACTORS), async (payload, actor) => {
          const outcome = await checkedCall(fn, payload, contextOf(actor), `${name} as ${actor}`, claimsWrites);
          answers.set(outcome, (answers.get(outcome) ?? 0) + 1);
          totalRuns += 1;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // The generator is not vacuous: it reached past validation at least once.
      assert.ok(
        [...answers.keys()].some((outcome) => !outcome.startsWith('invalid-argument')),
        JSON.stringify([...answers]),
      );
    });
  }

  after(() => {
    if (process.env.FUZZ_REPORT) console.log(`fuzz: ${totalRuns} callable runs`);
  });
});
