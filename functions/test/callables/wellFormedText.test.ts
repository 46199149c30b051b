// Lone UTF-16 surrogates ("\ud800") in any string field are refused at the boundary with the field's
// path, for every callable schema and the webhook body: Firestore can't store them, so before
// boundary/primitives.ts `text()` they became `internal` (or a 500 the provider retried forever).
import { strict as assert } from 'node:assert';
import type { z } from 'zod/mini';
import { registerDeviceInput, unregisterDeviceInput } from '../../src/callables/devices';
import { placeOrder } from '../../src/callables/placeOrder';
import { ILL_FORMED_TEXT_MESSAGE } from '../../src/boundary/primitives';
import { cancelOrderInput, orderIdInput, placeOrderInput, startPreparingInput, trackingInput } from '../../src/boundary/schemas';
import {
  invitationIdInput,
  inviteStoreMemberInput,
  menuItemInput,
  removeStoreMemberInput,
  reviewPartnerApplicationInput,
  setMenuItemSoldOutInput,
  setStoreStatusInput,
  submitPartnerApplicationInput,
  updateStoreInput,
  upsertMenuItemInput,
} from '../../src/boundary/storeSchemas';
import { trackingWebhookBodyAt } from '../../src/http/trackingWebhook';
import { as, call, expectError } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { DELIVERY, requestId, seedStore, STORE_ID } from '../support/fixtures';
import { APPLICATION_FORM, FLAT_WHITE } from '../support/partners';

const NOW = Date.parse('2026-11-26T12:00:00+09:00');

/** Valid inputs that between them hold every string field of every schema. */
const CASES: [string, z.ZodMiniType, unknown][] = [
  [
    'placeOrder',
    placeOrderInput,
    {
      storeId: STORE_ID,
      channel: 'delivery',
      requestId: 'request-0001',
      customerNote: '문 앞에 놓아 주세요',
      items: [{ menuItemId: 'americano', quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] }],
      delivery: DELIVERY,
    },
  ],
  ['startPreparing', startPreparingInput, { orderId: 'order-1', prepMinutes: 10 }],
  ['completeOrder', orderIdInput, { orderId: 'order-1' }],
  ['shipOrder', trackingInput, { orderId: 'order-1', carrier: 'cj', trackingNumber: '123456789012' }],
  ['cancelOrder', cancelOrderInput, { orderId: 'order-1', reason: 'other', note: '매장 공사' }],
  ['submitPartnerApplication', submitPartnerApplicationInput, APPLICATION_FORM],
  ['reviewPartnerApplication', reviewPartnerApplicationInput, { applicationId: 'app-1', decision: 'reject', note: '서류 미비' }],
  ['inviteStoreMember', inviteStoreMemberInput, { storeId: STORE_ID, email: 'barista@example.com', role: 'staff' }],
  ['acceptStoreInvitation', invitationIdInput, { invitationId: 'invitation-1' }],
  ['removeStoreMember', removeStoreMemberInput, { storeId: STORE_ID, uid: 'barista-1' }],
  ['setStoreStatus', setStoreStatusInput, { storeId: STORE_ID, open: true, pausedUntil: '2026-11-26T15:30:00+09:00' }],
  ['updateStore', updateStoreInput, { storeId: STORE_ID, name: '새이름점', phone: '02-123-4567' }],
  ['upsertMenuItem', upsertMenuItemInput, { storeId: STORE_ID, itemId: 'flat-white', ...FLAT_WHITE }],
  ['deleteMenuItem', menuItemInput, { storeId: STORE_ID, itemId: 'latte' }],
  ['setMenuItemSoldOut', setMenuItemSoldOutInput, { storeId: STORE_ID, itemId: 'latte', soldOut: true }],
  ['registerDevice', registerDeviceInput, { token: 'fcm-token-1', platform: 'ios' }],
  ['unregisterDevice', unregisterDeviceInput, { token: 'fcm-token-1' }],
  [
    'trackingWebhook',
    trackingWebhookBodyAt(() => NOW),
    {
      eventId: 'evt-1',
      carrier: 'cj',
      trackingNumber: '123456789012',
      status: 'delivered',
      occurredAt: '2026-11-26T11:03:00+09:00',
      location: '서울강남',
      description: '배달완료',
    },
  ],
];

type Path = (string | number)[];

function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  }
  return [];
}

function withLeaf(value: unknown, path: Path, replace: (old: string) => string): unknown {
  if (path.length === 0) return replace(value as string);
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = withLeaf(copy[head!], rest, replace);
  return copy;
}

describe('lone surrogates are refused in every string field', () => {
  for (const [name, schema, valid] of CASES) {
    describe(name, () => {
      it('the valid input parses', () => {
        assert.equal(schema.safeParse(valid).success, true, JSON.stringify(schema.safeParse(valid).error?.issues));
      });
      for (const path of stringLeaves(valid)) {
        for (const [label, replace] of [
          ['a lone high surrogate appended', (old: string) => `${old}\ud800`],
          ['a lone low surrogate prepended', (old: string) => `\udc00${old}`],
        ] as const) {
          it(`${path.join('.')}: ${label} → an issue at that path`, () => {
            const result = schema.safeParse(withLeaf(valid, path, replace));
            assert.equal(result.success, false);
            const issue = result.error!.issues.find((candidate) => candidate.path.join('.') === path.join('.'));
            assert.ok(issue, `no issue at ${path.join('.')}: ${JSON.stringify(result.error!.issues)}`);
            // Fields whose own format already refuses the character (enums, dates) keep their message.
            assert.ok(/[가-힣]/.test(issue.message) || issue.code !== 'custom', issue.message);
          });
        }
      }
    });
  }

  it('the text check speaks Korean', () => {
    const result = placeOrderInput.safeParse({ ...(CASES[0]![2] as object), customerNote: '\ud800' });
    assert.equal(result.error?.issues[0]?.message, ILL_FORMED_TEXT_MESSAGE);
  });

  it('through a callable: invalid-argument with the field path, and nothing is written', async () => {
    await seedStore();
    const before = await dumpDatabase();
    const error = await expectError(
      call(
        placeOrder,
        {
          storeId: STORE_ID,
          channel: 'takeout',
          requestId: requestId(),
          customerNote: '빨대 \ud83d 주세요',
          items: [{ menuItemId: 'latte', quantity: 1 }],
        },
        as.customer(),
      ),
      'invalid-argument',
      'invalid_argument',
    );
    assert.deepEqual((error.details as { fields: unknown }).fields, [{ path: 'customerNote', message: ILL_FORMED_TEXT_MESSAGE }]);
    assert.deepEqual(await dumpDatabase(), before);
  });
});
