import assert from 'node:assert/strict';
import { MenuItem, priceItem, priceOrder, RequestedItem, seoulBusinessDate, Store, storeRefusal } from '../../src/domain/menu';
import { Channel } from '../../src/domain/order';
import { DomainError, Reason } from '../../src/domain/reasons';

const AMERICANO: MenuItem = {
  itemId: 'americano',
  name: '아메리카노',
  price: 4000,
  soldOut: false,
  options: [
    {
      groupId: 'size',
      name: '사이즈',
      required: true,
      maxSelect: 1,
      choices: [
        { id: 'regular', name: '레귤러', price: 0 },
        { id: 'large', name: '라지', price: 500 },
      ],
    },
    {
      groupId: 'extra',
      name: '추가',
      required: false,
      maxSelect: 2,
      choices: [
        { id: 'shot', name: '샷 추가', price: 500 },
        { id: 'syrup', name: '시럽', price: 300 },
        { id: 'cream', name: '크림', price: 700 },
      ],
    },
  ],
};
const LATTE: MenuItem = { itemId: 'latte', name: '카페라떼', price: 4500, soldOut: false, options: [] };
const CROISSANT: MenuItem = { itemId: 'croissant', name: '크루아상', price: 3500, soldOut: true, options: [] };
const MENU: ReadonlyMap<string, MenuItem> = new Map([AMERICANO, LATTE, CROISSANT].map((item) => [item.itemId, item]));

const STORE: Store = {
  storeId: 'store-1',
  name: '테스트점',
  active: true,
  open: true,
  pausedUntil: null,
  channels: ['dine_in', 'takeout', 'delivery'],
  deliveryFee: 3000,
  defaultPrepMinutes: 10,
};

function throwsDomain(fn: () => unknown, reason: Reason, extra?: Record<string, unknown>): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.reason, reason);
    if (extra) assert.deepEqual(error.extra, extra);
    return true;
  });
}

const americano = (options: RequestedItem['options'], quantity = 1): RequestedItem => ({
  menuItemId: 'americano',
  quantity,
  ...(options === undefined ? {} : { options }),
});

describe('menu: priceItem', () => {
  it('prices an item without options at its base price times quantity', () => {
    assert.deepEqual(priceItem({ menuItemId: 'latte', quantity: 2 }, LATTE), {
      menuItemId: 'latte',
      name: '카페라떼',
      unitPrice: 4500,
      quantity: 2,
      options: [],
      lineTotal: 9000,
    });
  });

  it('adds the chosen option prices as integers and snapshots group and choice names', () => {
    const item = priceItem(
      americano(
        [
          { groupId: 'extra', choiceIds: ['syrup', 'shot'] },
          { groupId: 'size', choiceIds: ['large'] },
        ],
        3,
      ),
      AMERICANO,
    );
    assert.deepEqual(item, {
      menuItemId: 'americano',
      name: '아메리카노',
      unitPrice: 4000 + 500 + 300 + 500, // 5300
      quantity: 3,
      // groups in menu order, choices in the order they were picked
      options: [
        { groupId: 'size', groupName: '사이즈', choices: [{ id: 'large', name: '라지', price: 500 }] },
        {
          groupId: 'extra',
          groupName: '추가',
          choices: [
            { id: 'syrup', name: '시럽', price: 300 },
            { id: 'shot', name: '샷 추가', price: 500 },
          ],
        },
      ],
      lineTotal: 15900,
    });
    assert.ok(Number.isInteger(item.unitPrice) && Number.isInteger(item.lineTotal));
  });

  it('leaves out an optional group that was omitted or chosen empty; a zero-priced choice is still listed', () => {
    const omitted = priceItem(americano([{ groupId: 'size', choiceIds: ['regular'] }]), AMERICANO);
    const empty = priceItem(
      americano([
        { groupId: 'size', choiceIds: ['regular'] },
        { groupId: 'extra', choiceIds: [] },
      ]),
      AMERICANO,
    );
    for (const item of [omitted, empty]) {
      assert.equal(item.unitPrice, 4000);
      assert.equal(item.lineTotal, 4000);
      assert.deepEqual(item.options, [{ groupId: 'size', groupName: '사이즈', choices: [{ id: 'regular', name: '레귤러', price: 0 }] }]);
    }
  });

  it('allows exactly maxSelect choices', () => {
    const item = priceItem(
      americano([
        { groupId: 'size', choiceIds: ['regular'] },
        { groupId: 'extra', choiceIds: ['shot', 'cream'] },
      ]),
      AMERICANO,
    );
    assert.equal(item.unitPrice, 5200);
  });

  it('requires a choice in a required group (missing group, empty choice list, or no options at all)', () => {
    const extra = { menuItemId: 'americano', groupId: 'size', min: 1, max: 1 };
    throwsDomain(() => priceItem(americano(undefined), AMERICANO), 'option_choice_count', extra);
    throwsDomain(() => priceItem(americano([]), AMERICANO), 'option_choice_count', extra);
    throwsDomain(() => priceItem(americano([{ groupId: 'size', choiceIds: [] }]), AMERICANO), 'option_choice_count', extra);
    throwsDomain(() => priceItem(americano([{ groupId: 'extra', choiceIds: ['shot'] }]), AMERICANO), 'option_choice_count', extra);
  });

  it('refuses more choices than maxSelect', () => {
    throwsDomain(() => priceItem(americano([{ groupId: 'size', choiceIds: ['regular', 'large'] }]), AMERICANO), 'option_choice_count', {
      menuItemId: 'americano',
      groupId: 'size',
      min: 1,
      max: 1,
    });
    throwsDomain(
      () =>
        priceItem(
          americano([
            { groupId: 'size', choiceIds: ['large'] },
            { groupId: 'extra', choiceIds: ['shot', 'syrup', 'cream'] },
          ]),
          AMERICANO,
        ),
      'option_choice_count',
      { menuItemId: 'americano', groupId: 'extra', min: 0, max: 2 },
    );
  });

  it('refuses the same choice twice, even within maxSelect', () => {
    throwsDomain(
      () =>
        priceItem(
          americano([
            { groupId: 'size', choiceIds: ['large'] },
            { groupId: 'extra', choiceIds: ['shot', 'shot'] },
          ]),
          AMERICANO,
        ),
      'option_choice_count',
      { menuItemId: 'americano', groupId: 'extra', min: 0, max: 2 },
    );
  });

  it('refuses the same group listed twice', () => {
    throwsDomain(
      () =>
        priceItem(
          americano([
            { groupId: 'size', choiceIds: ['large'] },
            { groupId: 'size', choiceIds: ['regular'] },
          ]),
          AMERICANO,
        ),
      'option_choice_count',
      { menuItemId: 'americano', groupId: 'size' },
    );
  });

  it('refuses an unknown group and an unknown choice', () => {
    throwsDomain(
      () =>
        priceItem(
          americano([
            { groupId: 'size', choiceIds: ['large'] },
            { groupId: 'topping', choiceIds: ['shot'] },
          ]),
          AMERICANO,
        ),
      'unknown_option',
      { menuItemId: 'americano', groupId: 'topping' },
    );
    throwsDomain(() => priceItem(americano([{ groupId: 'size', choiceIds: ['venti'] }]), AMERICANO), 'unknown_option', {
      menuItemId: 'americano',
      groupId: 'size',
      choiceId: 'venti',
    });
    // A choice of another group is unknown in this one.
    throwsDomain(() => priceItem(americano([{ groupId: 'size', choiceIds: ['shot'] }]), AMERICANO), 'unknown_option', {
      menuItemId: 'americano',
      groupId: 'size',
      choiceId: 'shot',
    });
    // Options on an item that has none.
    throwsDomain(
      () => priceItem({ menuItemId: 'latte', quantity: 1, options: [{ groupId: 'size', choiceIds: ['large'] }] }, LATTE),
      'unknown_option',
      { menuItemId: 'latte', groupId: 'size' },
    );
  });

  it('refuses a sold-out item and a missing item', () => {
    throwsDomain(() => priceItem({ menuItemId: 'croissant', quantity: 1 }, CROISSANT), 'menu_item_sold_out', {
      menuItemId: 'croissant',
    });
    throwsDomain(() => priceItem({ menuItemId: 'ghost', quantity: 1 }, undefined), 'menu_item_not_found', {
      menuItemId: 'ghost',
    });
  });
});

describe('menu: priceOrder', () => {
  const lines: RequestedItem[] = [
    americano(
      [
        { groupId: 'size', choiceIds: ['large'] },
        { groupId: 'extra', choiceIds: ['shot'] },
      ],
      2,
    ), // 5000 x 2
    { menuItemId: 'latte', quantity: 1 }, // 4500
  ];

  for (const channel of ['dine_in', 'takeout'] as const satisfies readonly Channel[]) {
    it(`sums line totals and charges no delivery fee for ${channel}`, () => {
      const priced = priceOrder(STORE, channel, lines, MENU);
      assert.deepEqual(
        priced.items.map((item) => [item.menuItemId, item.unitPrice, item.quantity, item.lineTotal]),
        [
          ['americano', 5000, 2, 10000],
          ['latte', 4500, 1, 4500],
        ],
      );
      assert.equal(priced.subtotal, 14500);
      assert.equal(priced.deliveryFee, 0);
      assert.equal(priced.total, 14500);
    });
  }

  it("adds the store's delivery fee for delivery", () => {
    const priced = priceOrder(STORE, 'delivery', lines, MENU);
    assert.equal(priced.subtotal, 14500);
    assert.equal(priced.deliveryFee, 3000);
    assert.equal(priced.total, 17500);
    for (const value of [priced.subtotal, priced.deliveryFee, priced.total]) assert.ok(Number.isInteger(value));
  });

  it('uses the menu prices, never anything else on the request', () => {
    const sneaky = { menuItemId: 'latte', quantity: 1, price: 1, unitPrice: 1 } as RequestedItem;
    assert.equal(priceOrder(STORE, 'takeout', [sneaky], MENU).total, 4500);
  });

  it('refuses an order with an item missing from the menu or sold out', () => {
    throwsDomain(() => priceOrder(STORE, 'takeout', [...lines, { menuItemId: 'ghost', quantity: 1 }], MENU), 'menu_item_not_found', {
      menuItemId: 'ghost',
    });
    throwsDomain(() => priceOrder(STORE, 'takeout', [{ menuItemId: 'croissant', quantity: 1 }], MENU), 'menu_item_sold_out');
  });
});

describe('menu: storeRefusal', () => {
  const NOW = Date.UTC(2026, 10, 26, 3, 0, 0);

  it('accepts an active, open, unpaused store on every channel it offers', () => {
    for (const channel of ['dine_in', 'takeout', 'delivery'] as const) assert.equal(storeRefusal(STORE, channel, NOW), null);
  });

  it('refuses an inactive store, before anything else', () => {
    assert.equal(storeRefusal({ ...STORE, active: false }, 'takeout', NOW), 'store_inactive');
    assert.equal(
      storeRefusal({ ...STORE, active: false, open: false, pausedUntil: NOW + 1, channels: [] }, 'takeout', NOW),
      'store_inactive',
    );
  });

  it('refuses a closed (준비중) store', () => {
    assert.equal(storeRefusal({ ...STORE, open: false }, 'dine_in', NOW), 'store_closed');
  });

  it('refuses while paused until a future time, and accepts once that time has come or passed', () => {
    assert.equal(storeRefusal({ ...STORE, pausedUntil: NOW + 60_000 }, 'takeout', NOW), 'store_paused');
    assert.equal(storeRefusal({ ...STORE, pausedUntil: NOW + 1 }, 'takeout', NOW), 'store_paused');
    assert.equal(storeRefusal({ ...STORE, pausedUntil: NOW }, 'takeout', NOW), null);
    assert.equal(storeRefusal({ ...STORE, pausedUntil: NOW - 60_000 }, 'takeout', NOW), null);
  });

  it('refuses a channel the store does not offer', () => {
    const pickupOnly: Store = { ...STORE, channels: ['dine_in', 'takeout'] };
    assert.equal(storeRefusal(pickupOnly, 'delivery', NOW), 'channel_not_offered');
    assert.equal(storeRefusal(pickupOnly, 'takeout', NOW), null);
    assert.equal(storeRefusal({ ...STORE, channels: ['delivery'] }, 'dine_in', NOW), 'channel_not_offered');
  });
});

describe('menu: seoulBusinessDate', () => {
  const cases: [string, string][] = [
    ['2026-11-26T14:59:59.999Z', '2026-11-26'], // 23:59:59.999 KST
    ['2026-11-26T14:59:59Z', '2026-11-26'],
    ['2026-11-26T15:00:00Z', '2026-11-27'], // 00:00 KST
    ['2026-11-26T00:00:00Z', '2026-11-26'], // 09:00 KST
    ['2026-11-25T15:00:00Z', '2026-11-26'],
    ['2026-12-31T15:00:00Z', '2027-01-01'], // year boundary
    ['2028-02-28T15:00:00Z', '2028-02-29'], // leap day
  ];
  for (const [instant, date] of cases) {
    it(`${instant} is business day ${date} in Seoul`, () => {
      assert.equal(seoulBusinessDate(Date.parse(instant)), date);
    });
  }
});
