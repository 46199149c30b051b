// The zod primitives every boundary builds its inputs from (callables, task payloads, the
// tracking webhook): well-formed text, Firestore document ids, Korean phone numbers, postal codes.
import { z } from 'zod/mini';
import { normalizeKoreanPhone } from '../domain/phone';
import { isWellFormedText } from '../domain/text';

/**
 * Builds a module-level schema. Call it as `/* @__PURE__ *\/ schema(() => ...)`: the annotation at the
 * call site (esbuild honours no declaration-side marker across modules) lets the bundler drop the
 * call from any function's bundle that never uses the schema. zod builds a schema's internals
 * eagerly, and each one a bundle builds for nothing is load time on every cold start
 * (docs/bench.md "Cold start").
 */
export function schema<Schema>(build: () => Schema): Schema {
  return build();
}

export const ILL_FORMED_TEXT_MESSAGE = '지원하지 않는 문자가 포함되어 있습니다.';

/**
 * The string primitive of every schema: refuses lone UTF-16 surrogates ("\ud800"), which Firestore
 * can't store (domain/text.ts). Build every string field from this, never from a bare `z.string()`.
 */
export function text() {
  return z.string().check(z.refine(isWellFormedText, { message: ILL_FORMED_TEXT_MESSAGE, abort: true }));
}

/** Well-formed text, trimmed, then `max` (and `min`) characters at most (at least). */
export function trimmedText(max: number, min?: number) {
  return min === undefined ? text().check(z.trim(), z.maxLength(max)) : text().check(z.trim(), z.minLength(min), z.maxLength(max));
}

/** An integer in [min, max]. */
export function integer(min: number, max?: number) {
  return max === undefined ? z.number().check(z.int(), z.minimum(min)) : z.number().check(z.int(), z.minimum(min), z.maximum(max));
}

/** Firestore document ids we accept from clients: no slashes, no reserved `__x__` names. */
export const documentId = /* @__PURE__ */ schema(() =>
  text().check(z.trim(), z.minLength(1), z.maxLength(128), z.regex(/^(?!__.*__$)(?!\.\.?$)[^/]+$/, '올바른 ID가 아닙니다.')),
);

/**
 * A transform's refusal: zod/mini's transform context has no addIssue, so the issue goes on the
 * payload itself (what classic zod's addIssue did). Returns z.NEVER, the transform's "no value".
 */
export function refuse(ctx: z.core.ParsePayload, message: string): never {
  ctx.issues.push({ code: 'custom', message, input: ctx.value });
  return z.NEVER;
}

/** `input`, then `normalize`d; a value it can't normalize (null or empty) is refused with `message`. */
export function normalizedBy(input: z.ZodMiniType<string, string>, normalize: (raw: string) => string | null, message: string) {
  return z.pipe(
    input,
    z.transform((raw: string, ctx): string => normalize(raw) || refuse(ctx, message)),
  );
}

export const koreanPhone = /* @__PURE__ */ schema(() => normalizedBy(text(), normalizeKoreanPhone, '전화번호 형식이 올바르지 않습니다.'));

export const postalCode = /* @__PURE__ */ schema(() => text().check(z.trim(), z.regex(/^\d{5}$/, '우편번호는 5자리 숫자입니다.')));

/** ISO-8601 with an offset ("2026-11-26T14:30:00+09:00"), as epoch milliseconds. */
export const isoWithOffset = /* @__PURE__ */ schema(() =>
  z.pipe(
    z.iso.datetime({ offset: true }),
    z.transform((value: string) => Date.parse(value)),
  ),
);
