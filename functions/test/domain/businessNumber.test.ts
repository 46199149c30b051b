import assert from 'node:assert/strict';
import {
  businessNumberCheckDigit,
  formatBusinessNumber,
  normalizeBusinessNumber,
  parseBusinessNumber,
} from '../../src/domain/businessNumber';

describe('사업자등록번호 (business registration number)', () => {
  // Numbers published on the companies' own sites (footer of naver.com, samsung.com, kakaocorp.com).
  const REAL = [
    ['220-81-62517', 'NAVER'],
    ['124-81-00998', 'Samsung Electronics'],
    ['120-81-47521', 'Kakao'],
  ] as const;

  for (const [number, company] of REAL) {
    it(`accepts ${company}'s ${number}, with and without hyphens`, () => {
      const digits = number.replace(/-/g, '');
      assert.equal(parseBusinessNumber(number), digits);
      assert.equal(parseBusinessNumber(digits), digits);
      assert.equal(parseBusinessNumber(` ${number} `), digits);
      assert.equal(normalizeBusinessNumber(digits), number);
    });

    it(`refuses ${company}'s number with any other check digit`, () => {
      const digits = number.replace(/-/g, '');
      for (let check = 0; check <= 9; check += 1) {
        const candidate = digits.slice(0, 9) + check;
        assert.equal(parseBusinessNumber(candidate) !== null, String(check) === digits[9], candidate);
      }
    });
  }

  it('computes the check digit by the NTS weights 1,3,7,1,3,7,1,3,5 plus the tens of d9 × 5', () => {
    // 220-81-6251?: 2+6+0+8+3+42+2+15+5 = 83, + floor(1×5/10) = 83 → (10 - 3) % 10 = 7
    assert.equal(businessNumberCheckDigit('220816251'), 7);
    // 124-81-0099?: 1+6+28+8+3+0+0+27+45 = 118, + floor(9×5/10) = 4 → 122 → 8
    assert.equal(businessNumberCheckDigit('124810099'), 8);
    // A sum that is already a multiple of ten gives 0, not 10: 9×1 + 1×1 = 10
    assert.equal(businessNumberCheckDigit('900100000'), 0);
    assert.equal(parseBusinessNumber('900-10-00000'), '9001000000');
  });

  it('catches a single mistyped digit and swapped neighbours', () => {
    const digits = '2208162517';
    for (let i = 0; i < 9; i += 1) {
      const mistyped = digits.slice(0, i) + ((Number(digits[i]) + 1) % 10) + digits.slice(i + 1);
      assert.equal(parseBusinessNumber(mistyped), null, mistyped);
    }
    assert.equal(parseBusinessNumber('2208165217'), null); // 25 → 52
  });

  it('refuses other shapes and the never-issued zero codes', () => {
    for (const bad of [
      '',
      '220816251', // 9 digits
      '22081625170', // 11 digits
      '220-8162517',
      '22-081-62517',
      '220 81 62517',
      '220-81-6251７', // full-width digit
      'abc-de-fghij',
      '000-00-00000', // passes the checksum, never issued
      '000-81-00005',
    ]) {
      assert.equal(parseBusinessNumber(bad), null, JSON.stringify(bad));
    }
  });

  it('formats ten digits as XXX-XX-XXXXX', () => {
    assert.equal(formatBusinessNumber('1248100998'), '124-81-00998');
  });
});
