// @gocafein/client computes the store page's state from the store document as apps read it, and
// agrees with what placeOrder decides at the same instant (the client's hours.ts is a copy of
// src/domain/hours.ts, checked current by test/contract/contract.test.ts).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromStored, type StoreDoc, storeStateAt } from '../../../client/src/index';
import { placeOrder } from '../../src/callables/placeOrder';
import { pauseStore, setBusyMode, setStoreHours } from '../../src/callables/storeHours';
import { db } from '../../src/infra/firestore';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { requestId, seedStore, STORE_ID } from '../support/fixtures';
import { seedMember } from '../support/partners';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const K = (day: number, clock: string) => Date.parse(`2026-12-${String(day).padStart(2, '0')}T${clock}:00+09:00`);
const OWNER = `owner-of-${STORE_ID}`;

describe('client: the store page state from the store document', () => {
  const auth = installFakeAuth();
  let clock = K(1, '12:00');
  beforeEach(async () => {
    clock = K(1, '12:00');
    setDependenciesForTest({ clock: () => clock });
    await seedStore(STORE_ID);
    await seedMember(auth, STORE_ID, OWNER, 'owner');
  });
  afterEach(() => resetDependencies('clock'));

  it('is the copy of the server’s domain/hours.ts, importing nothing', () => {
    const client = readFileSync(join(__dirname, '..', '..', '..', 'client', 'src', 'generated', 'hours.ts'), 'utf8');
    const server = readFileSync(join(__dirname, '..', '..', 'src', 'domain', 'hours.ts'), 'utf8');
    assert.equal(client.slice(client.indexOf('\n') + 1), server);
    assert.doesNotMatch(server, /^\s*import\b/m);
  });

  it('says open / closed / paused exactly when placeOrder takes or refuses an order', async () => {
    const weekday = [{ open: '08:00', close: '18:00' }];
    await call(
      setStoreHours,
      {
        storeId: STORE_ID,
        weekly: { mon: weekday, tue: weekday, wed: weekday, sat: [{ open: '20:00', close: '02:00' }] },
        holidays: ['2026-12-03'],
      },
      auth.tokenOf(OWNER),
    );
    await call(setBusyMode, { storeId: STORE_ID, addMinutes: 20, until: '2026-12-01T13:00:00+09:00' }, auth.tokenOf(OWNER));
    await call(pauseStore, { storeId: STORE_ID, until: '2026-12-01T12:45:00+09:00' }, auth.tokenOf(OWNER));
    const document = fromStored((await db().doc(`stores/${STORE_ID}`).get()).data()) as StoreDoc; // the converter's type is what storeStateAt takes

    const instants = [
      K(1, '12:00'),
      K(1, '12:45'),
      K(1, '17:59'),
      K(1, '18:00'),
      K(2, '07:59'),
      K(3, '12:00'),
      K(5, '23:00'),
      K(6, '01:59'),
      K(6, '02:00'),
      K(7, '08:00'),
    ];
    const seen = new Set<string>();
    let customers = 0; // a new customer per order: placeOrder limits unanswered orders per customer
    const customer = () => as.customer(auth.addUser(`page-customer-${++customers}`).uid);
    for (const at of instants) {
      clock = at;
      const state = storeStateAt(document, at);
      seen.add(state.status);
      const placed = await call(
        placeOrder,
        { storeId: STORE_ID, channel: 'takeout', requestId: requestId(), items: [{ menuItemId: 'latte', quantity: 1 }] },
        customer(),
      ).then(
        () => null,
        (error: { details: { reason: string; message: string } }) => error.details,
      );
      if (state.status === 'open') assert.equal(placed, null, `${new Date(at).toISOString()}: open, the order is taken`);
      else assert.equal(placed?.message, state.message, `${new Date(at).toISOString()}: the refusal says what the page says`);
    }
    assert.deepEqual([...seen].sort(), ['closed', 'open', 'paused']);
    assert.equal(storeStateAt(document, K(1, '12:00')).waitMinutes, 30);
    assert.equal(storeStateAt(document, K(1, '13:00')).waitMinutes, 10);
    assert.equal(storeStateAt(document, K(1, '12:00')).message, '잠시 주문을 받지 않아요. 12:45에 다시 열어요.');
  });
});
