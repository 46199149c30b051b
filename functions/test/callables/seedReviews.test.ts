// The review seed (scripts/lib/seedReviews.mjs) run offline: its clients call the exported callables
// through firebase-functions-test instead of the emulator, so its inputs and its order of calls are
// checked here (the local stack itself runs on fixed ports this suite does not use).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CallableFunction } from 'firebase-functions/v2/https';
import * as indexExports from '../../src/index';
import { as, AuthContext, call } from '../support/callables';
import { seedStore, STORE_ID } from '../support/fixtures';
import { seedMember } from '../support/notifications';
import { CUSTOMER } from '../support/orders';
import { recomputedRating, storeRating } from '../support/reviews';
import { db } from '../../src/infra/firestore';

type SeedReviews = (options: Record<string, unknown>) => Promise<void>;

function client(auth: AuthContext) {
  return {
    call: (name: string, data: unknown) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any callable, whatever its input and output
      call((indexExports as Record<string, unknown>)[name] as CallableFunction<any, any>, data, auth),
  };
}

describe('seed: reviews (scripts/lib/seedReviews.mjs)', () => {
  it('writes three reviews through the callables, two answered and one 미답변', async () => {
    await seedStore();
    await seedMember(`owner-of-${STORE_ID}`, 'owner');
    const url = pathToFileURL(join(__dirname, '..', '..', '..', 'scripts', 'lib', 'seedReviews.mjs')).href;
    const { seedReviews } = (await import(url)) as { seedReviews: SeedReviews };
    const lines: string[] = [];
    await seedReviews({
      owner: client(as.owner(STORE_ID)),
      staff: client(as.staff(STORE_ID)),
      customer: client({ uid: CUSTOMER, token: { name: '박고객 (고객)' } }),
      storeId: STORE_ID,
      items: { 아메리카노: 'americano' },
      log: (line: string) => lines.push(line),
    });
    const reviews = (await db().collection('reviews').where('storeId', '==', STORE_ID).get()).docs.map((doc) => doc.data());
    assert.equal(reviews.length, 3);
    assert.deepEqual(reviews.map((r) => r.rating).sort(), [3, 4, 5]);
    assert.equal(reviews.filter((r) => !r.replied).length, 1);
    assert.ok(reviews.every((r) => r.authorName === '박**' && r.status === 'visible'));
    assert.equal((await db().collection('publicReviews').get()).size, 3);
    assert.deepEqual(await storeRating(), await recomputedRating());
    assert.deepEqual(lines, ['seeded reviews: 3 (1 미답변), ratings 5, 4, 3']);
  });
});
