// zod schemas for the callable contract. Every input is parsed here before anything is read or
// written; a failure becomes `invalid-argument` with the offending field paths.
import { z } from 'zod';
import { CANCEL_REASON_CODES } from '../domain/cancelReasons';
import { CARRIER_CODES, isValidTrackingNumber, normalizeTrackingNumber } from '../domain/carriers';
import { CHANNELS, PREP_EXTENSION_MAX_MINUTES, PREP_EXTENSION_MIN_MINUTES } from '../domain/order';
import { documentId, koreanPhone, postalCode, text } from './primitives';

const optionSelection = z.strictObject({
  groupId: documentId,
  choiceIds: z.array(documentId).max(20),
});

const orderLine = z.strictObject({
  menuItemId: documentId,
  quantity: z.number().int().min(1).max(99),
  options: z.array(optionSelection).max(20).optional(),
});

export const deliveryAddress = z.strictObject({
  recipient: text().trim().min(1).max(30),
  phone: koreanPhone,
  postalCode,
  address1: text().trim().min(1).max(200),
  address2: text().trim().max(200).optional(),
});

export const MAX_CHOSEN_OPTIONS_PER_ORDER = 300;

export const placeOrderInput = z
  .strictObject({
    storeId: documentId,
    channel: z.enum(CHANNELS),
    items: z.array(orderLine).min(1).max(50),
    requestId: text().trim().min(8).max(128),
    customerNote: text().trim().max(200).optional(),
    delivery: deliveryAddress.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.channel === 'delivery' && !input.delivery) {
      ctx.addIssue({ code: 'custom', path: ['delivery'], message: '배송지 정보를 입력해 주세요.' });
    }
    // Every chosen option is snapshotted into the order: bound them so an order stays far below
    // Firestore's 1 MiB document limit.
    const chosen = input.items.reduce((sum, line) => sum + (line.options ?? []).reduce((n, group) => n + group.choiceIds.length, 0), 0);
    if (chosen > MAX_CHOSEN_OPTIONS_PER_ORDER) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: `옵션은 주문당 ${MAX_CHOSEN_OPTIONS_PER_ORDER}개까지 선택할 수 있습니다.` });
    }
    if (input.channel !== 'delivery' && input.delivery) {
      ctx.addIssue({ code: 'custom', path: ['delivery'], message: '매장/포장 주문에는 배송지를 입력할 수 없습니다.' });
    }
  });
export type PlaceOrderInput = z.output<typeof placeOrderInput>;

const orderIdOnly = { orderId: documentId };

export const startPreparingInput = z.strictObject({
  ...orderIdOnly,
  prepMinutes: z.number().int().min(1).max(180),
});
export const orderIdInput = z.strictObject(orderIdOnly);

/** 시간 추가: 5 to 30 more minutes (domain/order.ts PREP_EXTENSION_*). */
export const extendPrepInput = z.strictObject({
  ...orderIdOnly,
  addMinutes: z.number().int().min(PREP_EXTENSION_MIN_MINUTES).max(PREP_EXTENSION_MAX_MINUTES),
});

export const trackingInput = z
  .strictObject({
    ...orderIdOnly,
    carrier: z.enum(CARRIER_CODES),
    trackingNumber: text().trim().min(1).max(40).transform(normalizeTrackingNumber),
  })
  .superRefine((input, ctx) => {
    if (!isValidTrackingNumber(input.carrier, input.trackingNumber)) {
      ctx.addIssue({
        code: 'custom',
        path: ['trackingNumber'],
        message: '택배사의 송장번호 형식이 올바르지 않습니다.',
      });
    }
  });

export const cancelOrderInput = z
  .strictObject({
    ...orderIdOnly,
    reason: z.enum(CANCEL_REASON_CODES),
    note: text().trim().max(200).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.reason === 'other' && !input.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '기타 사유를 입력해 주세요.' });
    }
  });
