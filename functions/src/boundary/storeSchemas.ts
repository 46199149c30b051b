// zod schemas of the onboarding, store and menu callables (docs/onboarding.md). Parsed before
// anything is read or written; a failure becomes `invalid-argument` with the offending field paths.
import { z } from 'zod';
import { MAX_CLOSEOUT_HOUR } from '../domain/businessDay';
import { normalizeBusinessNumber } from '../domain/businessNumber';
import { MENU_LIMITS, optionGroupIssues } from '../domain/menuRules';
import { CHANNELS } from '../domain/order';
import { REVIEW_DECISIONS } from '../domain/partnerApplication';
import { STORE_ROLES } from '../domain/permissions';
import { documentId, koreanPhone, postalCode, text } from './primitives';

/** 사업자등록번호 with or without hyphens, check digit verified; normalized to "XXX-XX-XXXXX". */
export const businessNumber = text().transform((raw, ctx) => {
  const normalized = normalizeBusinessNumber(raw);
  if (!normalized) {
    ctx.addIssue({ code: 'custom', message: '사업자등록번호가 올바르지 않습니다.' });
    return z.NEVER;
  }
  return normalized;
});

/** A non-empty set of the order channels (매장, 포장, 배송), each at most once. */
export const channelSet = z
  .array(z.enum(CHANNELS))
  .min(1, '주문 방식을 하나 이상 선택해 주세요.')
  .refine((channels) => new Set(channels).size === channels.length, '같은 주문 방식이 두 번 들어 있습니다.')
  .transform((channels) => CHANNELS.filter((channel) => channels.includes(channel))); // one stored order

const storeName = text().trim().min(1).max(50);
const krw = z.number().int().min(0).max(MENU_LIMITS.maxPrice);

export const storeAddress = z.strictObject({
  postalCode,
  address1: text().trim().min(1).max(200),
  address2: text().trim().max(200).optional(),
});

export const submitPartnerApplicationInput = z.strictObject({
  storeName,
  ownerName: text().trim().min(1).max(30),
  businessNumber,
  phone: koreanPhone,
  address: storeAddress,
  channels: channelSet,
});
export type SubmitPartnerApplicationInput = z.output<typeof submitPartnerApplicationInput>;

export const reviewPartnerApplicationInput = z.strictObject({
  applicationId: documentId,
  decision: z.enum(REVIEW_DECISIONS),
  note: text().trim().max(500).optional(),
});

export const inviteStoreMemberInput = z.strictObject({
  storeId: documentId,
  email: text().trim().toLowerCase().max(254).pipe(z.email('이메일 형식이 올바르지 않습니다.')),
  role: z.enum(STORE_ROLES),
});

/** acceptStoreInvitation, declineStoreInvitation and revokeStoreInvitation. */
export const invitationIdInput = z.strictObject({ invitationId: documentId });

export const removeStoreMemberInput = z.strictObject({ storeId: documentId, uid: documentId });

export const setStoreStatusInput = z
  .strictObject({
    storeId: documentId,
    open: z.boolean(),
    /** ISO-8601 with an offset ("2026-11-26T15:30:00+09:00"); absent or null: no pause. */
    pausedUntil: z.iso
      .datetime({ offset: true })
      .transform((value) => Date.parse(value))
      .nullable()
      .optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.open && input.pausedUntil != null) {
      ctx.addIssue({ code: 'custom', path: ['pausedUntil'], message: '일시정지는 영업중일 때만 설정할 수 있습니다.' });
    }
  });

export const updateStoreInput = z
  .strictObject({
    storeId: documentId,
    name: storeName.optional(),
    phone: koreanPhone.optional(),
    channels: channelSet.optional(),
    deliveryFee: krw.optional(),
    defaultPrepMinutes: z.number().int().min(1).max(180).optional(),
    /** 영업 마감 시각: a business day ends at this hour after midnight (0-6; docs/sales.md). */
    closeoutHour: z.number().int().min(0).max(MAX_CLOSEOUT_HOUR).optional(),
  })
  .superRefine((input, ctx) => {
    const { storeId: _id, ...changes } = input;
    if (Object.values(changes).every((value) => value === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: '변경할 항목을 입력해 주세요.' });
    }
  });

const menuName = text().trim().min(MENU_LIMITS.nameLength.min).max(MENU_LIMITS.nameLength.max);

const optionChoice = z.strictObject({ id: documentId, name: menuName, price: krw });

const optionGroup = z.strictObject({
  groupId: documentId,
  name: menuName,
  required: z.boolean(),
  maxSelect: z.number().int().min(1),
  choices: z.array(optionChoice).min(1).max(MENU_LIMITS.choicesPerGroup),
});

export const upsertMenuItemInput = z
  .strictObject({
    storeId: documentId,
    itemId: documentId.optional(),
    name: menuName,
    price: krw,
    category: text().trim().max(MENU_LIMITS.categoryLength).nullable().optional(),
    description: text().trim().max(MENU_LIMITS.descriptionLength).nullable().optional(),
    options: z.array(optionGroup).max(MENU_LIMITS.optionGroups).optional(),
    soldOut: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    for (const issue of optionGroupIssues(input.options ?? [])) {
      ctx.addIssue({ code: 'custom', path: ['options', ...issue.path], message: issue.message });
    }
  });
export type UpsertMenuItemInput = z.output<typeof upsertMenuItemInput>;

export const menuItemInput = z.strictObject({ storeId: documentId, itemId: documentId });

export const setMenuItemSoldOutInput = z.strictObject({ storeId: documentId, itemId: documentId, soldOut: z.boolean() });
