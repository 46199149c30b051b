// zod schemas of the onboarding, store and menu callables (docs/onboarding.md). Parsed before
// anything is read or written; a failure becomes `invalid-argument` with the offending field paths.
import { z } from 'zod/mini';
import { MAX_CLOSEOUT_HOUR } from '../domain/businessDay';
import { normalizeBusinessNumber } from '../domain/businessNumber';
import { MENU_LIMITS, optionGroupIssues } from '../domain/menuRules';
import { CHANNELS } from '../domain/order';
import { REVIEW_DECISIONS } from '../domain/partnerApplication';
import { STORE_ROLES } from '../domain/permissions';
import { documentId, integer, isoWithOffset, koreanPhone, normalizedBy, postalCode, text, trimmedText, schema } from './primitives';

/** 사업자등록번호 with or without hyphens, check digit verified; normalized to "XXX-XX-XXXXX". */
export const businessNumber = /* @__PURE__ */ schema(() =>
  normalizedBy(text(), normalizeBusinessNumber, '사업자등록번호가 올바르지 않습니다.'),
);

/** A non-empty set of the order channels (매장, 포장, 배송), each at most once. */
export const channelSet = /* @__PURE__ */ schema(() =>
  z.pipe(
    z.array(z.enum(CHANNELS)).check(
      z.minLength(1, '주문 방식을 하나 이상 선택해 주세요.'),
      z.refine((channels) => new Set(channels).size === channels.length, '같은 주문 방식이 두 번 들어 있습니다.'),
    ),
    z.transform((channels: (typeof CHANNELS)[number][]) => CHANNELS.filter((channel) => channels.includes(channel))), // one stored order
  ),
);

const storeName = /* @__PURE__ */ schema(() => trimmedText(50, 1));
const krw = /* @__PURE__ */ schema(() => integer(0, MENU_LIMITS.maxPrice));

export const storeAddress = /* @__PURE__ */ schema(() =>
  z.strictObject({
    postalCode,
    address1: trimmedText(200, 1),
    address2: z.optional(trimmedText(200)),
  }),
);

export const submitPartnerApplicationInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    storeName,
    ownerName: trimmedText(30, 1),
    businessNumber,
    phone: koreanPhone,
    address: storeAddress,
    channels: channelSet,
  }),
);
export type SubmitPartnerApplicationInput = z.output<typeof submitPartnerApplicationInput>;

export const reviewPartnerApplicationInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    applicationId: documentId,
    decision: z.enum(REVIEW_DECISIONS),
    note: z.optional(trimmedText(500)),
  }),
);

export const inviteStoreMemberInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    storeId: documentId,
    email: z.pipe(text().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email('이메일 형식이 올바르지 않습니다.')),
    role: z.enum(STORE_ROLES),
  }),
);

/** acceptStoreInvitation, declineStoreInvitation and revokeStoreInvitation. */
export const invitationIdInput = /* @__PURE__ */ schema(() => z.strictObject({ invitationId: documentId }));

export const removeStoreMemberInput = /* @__PURE__ */ schema(() => z.strictObject({ storeId: documentId, uid: documentId }));

export const setStoreStatusInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      storeId: documentId,
      open: z.boolean(),
      /** ISO-8601 with an offset ("2026-11-26T15:30:00+09:00"); absent or null: no pause. */
      pausedUntil: z.optional(z.nullable(isoWithOffset)),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (!input.open && input.pausedUntil != null) {
          ctx.addIssue({ code: 'custom', path: ['pausedUntil'], message: '일시정지는 영업중일 때만 설정할 수 있습니다.' });
        }
      }),
    ),
);

export const updateStoreInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      storeId: documentId,
      name: z.optional(storeName),
      phone: z.optional(koreanPhone),
      channels: z.optional(channelSet),
      deliveryFee: z.optional(krw),
      defaultPrepMinutes: z.optional(integer(1, 180)),
      /** 영업 마감 시각: a business day ends at this hour after midnight (0-6; docs/sales.md). */
      closeoutHour: z.optional(integer(0, MAX_CLOSEOUT_HOUR)),
    })
    .check(
      z.superRefine((input, ctx) => {
        const { storeId: _id, ...changes } = input;
        if (Object.values(changes).every((value) => value === undefined)) {
          ctx.addIssue({ code: 'custom', path: [], message: '변경할 항목을 입력해 주세요.' });
        }
      }),
    ),
);

const menuName = /* @__PURE__ */ schema(() => trimmedText(MENU_LIMITS.nameLength.max, MENU_LIMITS.nameLength.min));

const optionChoice = /* @__PURE__ */ schema(() => z.strictObject({ id: documentId, name: menuName, price: krw }));

const optionGroup = /* @__PURE__ */ schema(() =>
  z.strictObject({
    groupId: documentId,
    name: menuName,
    required: z.boolean(),
    maxSelect: integer(1),
    choices: z.array(optionChoice).check(z.minLength(1), z.maxLength(MENU_LIMITS.choicesPerGroup)),
  }),
);

export const upsertMenuItemInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      storeId: documentId,
      itemId: z.optional(documentId),
      name: menuName,
      price: krw,
      category: z.optional(z.nullable(trimmedText(MENU_LIMITS.categoryLength))),
      description: z.optional(z.nullable(trimmedText(MENU_LIMITS.descriptionLength))),
      options: z.optional(z.array(optionGroup).check(z.maxLength(MENU_LIMITS.optionGroups))),
      soldOut: z.optional(z.boolean()),
    })
    .check(
      z.superRefine((input, ctx) => {
        for (const issue of optionGroupIssues(input.options ?? [])) {
          ctx.addIssue({ code: 'custom', path: ['options', ...issue.path], message: issue.message });
        }
      }),
    ),
);
export type UpsertMenuItemInput = z.output<typeof upsertMenuItemInput>;

export const menuItemInput = /* @__PURE__ */ schema(() => z.strictObject({ storeId: documentId, itemId: documentId }));

export const setMenuItemSoldOutInput = /* @__PURE__ */ schema(() =>
  z.strictObject({ storeId: documentId, itemId: documentId, soldOut: z.boolean() }),
);
