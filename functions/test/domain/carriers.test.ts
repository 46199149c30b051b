import assert from 'node:assert/strict';
import {
  CARRIER_CODES,
  CARRIERS,
  carrierFromProviderCode,
  findCarrier,
  isValidTrackingNumber,
  normalizeTrackingNumber,
  trackingUrl,
} from '../../src/domain/carriers';

interface CarrierCase {
  name: string;
  valid: string[];
  wrongLength: string[];
  url: string; // trackingUrl(code, valid[0])
  deliveryTrackerId: string; // carrier id in the Delivery Tracker API
}

// Written out by hand: a carrier added to or changed in CARRIERS must be added or changed here.
const CASES: Record<string, CarrierCase> = {
  cj: {
    name: 'CJ대한통운',
    valid: ['123456789012', '1234567890'],
    wrongLength: ['12345678901', '123456789', '1234567890123'],
    url: 'https://trace.cjlogistics.com/next/tracking.html?wblNo=123456789012',
    deliveryTrackerId: 'kr.cjlogistics',
  },
  epost: {
    name: '우체국택배',
    valid: ['1234567890123'],
    wrongLength: ['123456789012', '12345678901234'],
    url: 'https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1=1234567890123',
    deliveryTrackerId: 'kr.epost',
  },
  hanjin: {
    name: '한진택배',
    valid: ['123456789012', '1234567890'],
    wrongLength: ['12345678901', '1234567890123'],
    url: 'https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2=123456789012',
    deliveryTrackerId: 'kr.hanjin',
  },
  lotte: {
    name: '롯데택배',
    valid: ['123456789012'],
    wrongLength: ['12345678901', '1234567890123'],
    url: 'https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo=123456789012',
    deliveryTrackerId: 'kr.lotte',
  },
  logen: {
    name: '로젠택배',
    valid: ['12345678901'],
    wrongLength: ['1234567890', '123456789012'],
    url: 'https://www.ilogen.com/web/personal/trace/12345678901',
    deliveryTrackerId: 'kr.logen',
  },
  kdexp: {
    name: '경동택배',
    valid: ['123456789', '1234567890123456'],
    wrongLength: ['12345678', '12345678901234567'],
    url: 'https://kdexp.com/service/delivery/etc/delivery.do?barcode=123456789',
    deliveryTrackerId: 'kr.kdexp',
  },
  daesin: {
    name: '대신택배',
    valid: ['1234567890123'],
    wrongLength: ['123456789012', '12345678901234'],
    url: 'https://www.ds3211.co.kr/freight/internalFreightSearch.ht?billno=1234567890123',
    deliveryTrackerId: 'kr.daesin',
  },
  ilyang: {
    name: '일양로지스',
    valid: ['123456789', '12345678901'],
    wrongLength: ['12345678', '123456789012'],
    url: 'https://www.ilyanglogis.com/functionality/tracking_result.asp?hawb_no=123456789',
    deliveryTrackerId: 'kr.ilyanglogis',
  },
  cvsnet: {
    name: 'GS Postbox 택배',
    valid: ['1234567890', '1234567890123'],
    wrongLength: ['123456789', '12345678901234'],
    url: 'https://www.cvsnet.co.kr/invoice/tracking.do?invoice_no=1234567890',
    deliveryTrackerId: 'kr.cvsnet',
  },
  cupost: {
    name: 'CU 편의점택배',
    valid: ['1234567890', '123456789012'],
    wrongLength: ['123456789', '1234567890123'],
    url: 'https://www.cupost.co.kr/postbox/delivery/localResult.cupost?invoice_no=1234567890',
    deliveryTrackerId: 'kr.cupost',
  },
};

describe('carriers', () => {
  it('lists exactly the known carriers, with unique codes', () => {
    assert.deepEqual([...CARRIER_CODES].sort(), Object.keys(CASES).sort());
    assert.deepEqual(
      CARRIERS.map((c) => c.code),
      CARRIER_CODES,
    );
    assert.equal(new Set(CARRIER_CODES).size, CARRIER_CODES.length);
  });

  for (const [code, c] of Object.entries(CASES)) {
    describe(`${code} (${c.name})`, () => {
      it('is found by code with its name', () => {
        assert.equal(findCarrier(code)?.name, c.name);
      });

      it(`accepts ${c.valid.map((v) => `${v.length} digits`).join(', ')}`, () => {
        for (const number of c.valid) assert.equal(isValidTrackingNumber(code, number), true, number);
      });

      it('refuses a wrong length', () => {
        for (const number of c.wrongLength) assert.equal(isValidTrackingNumber(code, number), false, number);
      });

      it('refuses letters and separators in an otherwise valid number', () => {
        const valid = c.valid[0]!;
        for (const number of [
          valid.slice(0, -1) + 'A',
          'X' + valid.slice(1),
          valid.slice(0, 4) + '-' + valid.slice(4),
          valid.slice(0, 4) + ' ' + valid.slice(4),
          '',
        ]) {
          assert.equal(isValidTrackingNumber(code, number), false, JSON.stringify(number));
        }
      });

      it('accepts a hyphenated label number once normalized', () => {
        const valid = c.valid[0]!;
        const copied = `${valid.slice(0, 4)}-${valid.slice(4, 8)} ${valid.slice(8)}`;
        assert.equal(isValidTrackingNumber(code, copied), false);
        assert.equal(normalizeTrackingNumber(copied), valid);
        assert.equal(isValidTrackingNumber(code, normalizeTrackingNumber(copied)), true);
      });

      it('builds the tracking URL', () => {
        assert.equal(trackingUrl(code, c.valid[0]!), c.url);
      });

      it(`is the Delivery Tracker carrier ${c.deliveryTrackerId}, and either id finds it`, () => {
        assert.equal(findCarrier(code)?.deliveryTrackerId, c.deliveryTrackerId);
        assert.equal(carrierFromProviderCode(c.deliveryTrackerId)?.code, code);
        assert.equal(carrierFromProviderCode(` ${code} `)?.code, code);
      });
    });
  }

  it('an unknown carrier is not found, validates nothing and has no URL', () => {
    assert.equal(findCarrier('dhl'), undefined);
    assert.equal(findCarrier('CJ'), undefined);
    assert.equal(isValidTrackingNumber('dhl', '123456789012'), false);
    assert.equal(trackingUrl('dhl', '123456789012'), null);
  });

  it('a provider code that is neither ours nor a Delivery Tracker id finds nothing', () => {
    assert.equal(carrierFromProviderCode('kr.unknown'), undefined);
    assert.equal(carrierFromProviderCode('04'), undefined, 'Sweet Tracker codes are not accepted');
    assert.equal(carrierFromProviderCode(''), undefined);
    assert.equal(new Set(CARRIERS.map((c) => c.deliveryTrackerId)).size, CARRIERS.length);
  });

  it('URL-encodes the tracking number', () => {
    assert.equal(trackingUrl('logen', 'a b/&?'), 'https://www.ilogen.com/web/personal/trace/a%20b%2F%26%3F');
  });

  describe('normalizeTrackingNumber', () => {
    const cases: [string, string][] = [
      ['1234-5678-9012', '123456789012'],
      [' 1234 5678 9012 ', '123456789012'],
      ['1234\t5678\n9012', '123456789012'],
      ['1234--5678', '12345678'],
      ['123456789012', '123456789012'],
      // Only whitespace and hyphens are separators; anything else is left for validation to refuse.
      ['1234.5678', '1234.5678'],
      ['1234/5678', '1234/5678'],
      ['AB-12', 'AB12'],
    ];
    for (const [raw, normalized] of cases) {
      it(`${JSON.stringify(raw)} → ${JSON.stringify(normalized)}`, () => {
        assert.equal(normalizeTrackingNumber(raw), normalized);
      });
    }
  });
});
