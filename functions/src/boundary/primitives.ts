// The zod primitives every boundary builds its inputs from (callables, task payloads, the
// tracking webhook): well-formed text, Firestore document ids, Korean phone numbers, postal codes.
import { z } from 'zod';
import { normalizeKoreanPhone } from '../domain/phone';
import { isWellFormedText } from '../domain/text';

export const ILL_FORMED_TEXT_MESSAGE = '지원하지 않는 문자가 포함되어 있습니다.';

/**
 * The string primitive of every schema: refuses lone UTF-16 surrogates ("\ud800"), which Firestore
 * can't store (domain/text.ts). Build every string field from this, never from a bare `z.string()`.
 */
export function text() {
  return z.string().refine(isWellFormedText, { message: ILL_FORMED_TEXT_MESSAGE, abort: true });
}

/** Firestore document ids we accept from clients: no slashes, no reserved `__x__` names. */
export const documentId = text()
  .trim()
  .min(1)
  .max(128)
  .regex(/^(?!__.*__$)(?!\.\.?$)[^/]+$/, '올바른 ID가 아닙니다.');

export const koreanPhone = text().transform((raw, ctx) => {
  const normalized = normalizeKoreanPhone(raw);
  if (!normalized) {
    ctx.addIssue({ code: 'custom', message: '전화번호 형식이 올바르지 않습니다.' });
    return z.NEVER;
  }
  return normalized;
});

export const postalCode = text()
  .trim()
  .regex(/^\d{5}$/, '우편번호는 5자리 숫자입니다.');
