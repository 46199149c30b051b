// 사업자등록번호 (Korean business registration number): ten digits, written XXX-XX-XXXXX. The first
// three are the tax office, the next two the kind of business, then a serial and a check digit.
// Pure: the check is the National Tax Service's published weighted sum.

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/** The check digit for the first nine digits. */
export function businessNumberCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('nine digits expected');
  const digits = [...firstNine].map(Number);
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += digits[i] * weight;
  });
  // The ninth digit counts once more: the tens digit of its product with 5.
  sum += Math.floor((digits[8] * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/**
 * The ten digits of a valid number typed with or without hyphens ("2208162517" or "220-81-62517"),
 * or null. Besides the check digit, an all-zero office or kind code is refused: such numbers are
 * never issued, yet "000-00-00000" passes the checksum.
 */
export function parseBusinessNumber(raw: string): string | null {
  const trimmed = raw.trim();
  const match = trimmed.match(/^(\d{3})-(\d{2})-(\d{5})$/) ?? trimmed.match(/^(\d{3})(\d{2})(\d{5})$/);
  if (!match) return null;
  const [, office, kind, rest] = match;
  if (office === '000' || kind === '00') return null;
  const digits = office + kind + rest;
  return businessNumberCheckDigit(digits.slice(0, 9)) === Number(digits[9]) ? digits : null;
}

/** "2208162517" -> "220-81-62517", the form shown on receipts and store pages. */
export function formatBusinessNumber(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** The normalized (hyphenated) number, or null when it is not a valid business number. */
export function normalizeBusinessNumber(raw: string): string | null {
  const digits = parseBusinessNumber(raw);
  return digits ? formatBusinessNumber(digits) : null;
}
