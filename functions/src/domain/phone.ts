// Korean phone numbers: accepts the ways people type them ("010 1234 5678", "+82 10-1234-5678",
// "02)123-4567") and normalizes to the hyphenated domestic form ("010-1234-5678").

const PATTERNS: { re: RegExp; format: (m: RegExpMatchArray) => string }[] = [
  // Mobile: 010-XXXX-XXXX, and the legacy 011/016/017/018/019 with 3- or 4-digit middles.
  { re: /^(010)(\d{4})(\d{4})$/, format: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { re: /^(01[16789])(\d{3,4})(\d{4})$/, format: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  // Seoul: 02-XXX-XXXX or 02-XXXX-XXXX (an exchange never starts with 0).
  { re: /^(02)([1-9]\d{2,3})(\d{4})$/, format: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  // The 16 regional codes (031-033, 041-044, 051-055, 061-064) and internet phones (070).
  { re: /^(03[1-3]|04[1-4]|05[1-5]|06[1-4]|070)([1-9]\d{2,3})(\d{4})$/, format: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  // Nationwide representative numbers: 1588-XXXX, 1644-XXXX, ...
  { re: /^(1[5-9]\d{2})(\d{4})$/, format: (m) => `${m[1]}-${m[2]}` },
];

/** The normalized number, or null when it is not a Korean phone number. */
export function normalizeKoreanPhone(raw: string): string | null {
  let digits = raw.replace(/[\s\-().]/g, '');
  if (digits.startsWith('+82')) digits = '0' + digits.slice(3).replace(/^0/, '');
  else if (digits.startsWith('82') && digits.length >= 11) digits = '0' + digits.slice(2).replace(/^0/, '');
  if (!/^\d+$/.test(digits)) return null;
  for (const { re, format } of PATTERNS) {
    const match = digits.match(re);
    if (match) return format(match);
  }
  return null;
}
