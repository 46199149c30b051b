// Well-formed text. A JavaScript string can hold a lone UTF-16 surrogate ("\ud800"), which has no
// UTF-8 encoding: Firestore refuses to store it, so one in a client's input used to surface as
// `internal` (callables) or 500 and endless retries (webhook). Every boundary refuses such strings
// (boundary/primitives.ts `text()`), and text from providers we can't refuse is repaired instead.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** True when every surrogate in the string is half of a pair (String.prototype.isWellFormed). */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** The string with each lone surrogate replaced by U+FFFD (String.prototype.toWellFormed). */
export function toWellFormedText(value: string): string {
  return value.replace(LONE_SURROGATES, '\uFFFD');
}
