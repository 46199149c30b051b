// zod schemas for the callable contract. Every input is parsed here before anything is read or
// written; a failure becomes `invalid-argument` with the offending field paths.
import { z } from 'zod/mini';
import { CANCEL_REASON_CODES } from '../domain/cancelReasons';
import { CARRIER_CODES, isValidTrackingNumber, normalizeTrackingNumber } from '../domain/carriers';
import { CHANNELS, PREP_EXTENSION_MAX_MINUTES, PREP_EXTENSION_MIN_MINUTES } from '../domain/order';
import { documentId, integer, koreanPhone, postalCode, schema, trimmedText } from './primitives';

const optionSelection = /* @__PURE__ */ schema(() =>
  z.strictObject({
    groupId: documentId,
    choiceIds: z.array(documentId).check(z.maxLength(20)),
  }),
);

const orderLine = /* @__PURE__ */ schema(() =>
  z.strictObject({
    menuItemId: documentId,
    quantity: integer(1, 99),
    options: z.optional(z.array(optionSelection).check(z.maxLength(20))),
  }),
);

export const deliveryAddress = /* @__PURE__ */ schema(() =>
  z.strictObject({
    recipient: trimmedText(30, 1),
    phone: koreanPhone,
    postalCode,
    address1: trimmedText(200, 1),
    address2: z.optional(trimmedText(200)),
  }),
);

export const MAX_CHOSEN_OPTIONS_PER_ORDER = 300;

export const placeOrderInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      storeId: documentId,
      channel: z.enum(CHANNELS),
      items: z.array(orderLine).check(z.minLength(1), z.maxLength(50)),
      requestId: trimmedText(128, 8),
      customerNote: z.optional(trimmedText(200)),
      delivery: z.optional(deliveryAddress),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.channel === 'delivery' && !input.delivery) {
          ctx.addIssue({ code: 'custom', path: ['delivery'], message: '배송지 정보를 입력해 주세요.' });
        }
        // Every chosen option is snapshotted into the order: bound them so an order stays far below
        // Firestore's 1 MiB document limit.
        const chosen = input.items.reduce((sum, line) => sum + (line.options ?? []).reduce((n, group) => n + group.choiceIds.length, 0), 0);
        if (chosen > MAX_CHOSEN_OPTIONS_PER_ORDER) {
          ctx.addIssue({
            code: 'custom',
            path: ['items'],
            message: `옵션은 주문당 ${MAX_CHOSEN_OPTIONS_PER_ORDER}개까지 선택할 수 있습니다.`,
          });
        }
        if (input.channel !== 'delivery' && input.delivery) {
          ctx.addIssue({ code: 'custom', path: ['delivery'], message: '매장/포장 주문에는 배송지를 입력할 수 없습니다.' });
        }
      }),
    ),
);
export type PlaceOrderInput = z.output<typeof placeOrderInput>;

const orderIdOnly = { orderId: documentId };

export const startPreparingInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    ...orderIdOnly,
    prepMinutes: integer(1, 180),
  }),
);
export const orderIdInput = /* @__PURE__ */ schema(() => z.strictObject(orderIdOnly));

/** 시간 추가: 5 to 30 more minutes (domain/order.ts PREP_EXTENSION_*). */
export const extendPrepInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    ...orderIdOnly,
    addMinutes: integer(PREP_EXTENSION_MIN_MINUTES, PREP_EXTENSION_MAX_MINUTES),
    /** The caller's key for this extension: a retry with the same key adds nothing (optional). */
    requestId: z.optional(trimmedText(128, 8)),
  }),
);

export const trackingInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      ...orderIdOnly,
      carrier: z.enum(CARRIER_CODES),
      trackingNumber: z.pipe(trimmedText(40, 1), z.transform(normalizeTrackingNumber)),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (!isValidTrackingNumber(input.carrier, input.trackingNumber)) {
          ctx.addIssue({
            code: 'custom',
            path: ['trackingNumber'],
            message: '택배사의 송장번호 형식이 올바르지 않습니다.',
          });
        }
      }),
    ),
);

export const cancelOrderInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      ...orderIdOnly,
      reason: z.enum(CANCEL_REASON_CODES),
      note: z.optional(trimmedText(200)),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.reason === 'other' && !input.note) {
          ctx.addIssue({ code: 'custom', path: ['note'], message: '기타 사유를 입력해 주세요.' });
        }
      }),
    ),
);
