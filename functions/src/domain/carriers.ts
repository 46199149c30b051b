// The Korean couriers an owner can pick in 발송 처리 / 송장 수정. One list, shared by the callables,
// the tracking intake and README. Tracking numbers are digits only; hyphens and spaces that owners
// copy from a label are stripped before the format check.

export interface Carrier {
  code: string;
  name: string;
  /** Allowed tracking-number lengths, in digits. */
  digits: readonly number[];
  /** Where a customer can follow the parcel; `{trackingNumber}` is replaced. */
  trackingUrlTemplate: string;
  /** Courier code (t_code) in the Sweet Tracker (스마트택배) API. */
  sweetTrackerCode: string;
}

export const CARRIERS = [
  {
    code: 'cj',
    name: 'CJ대한통운',
    digits: [10, 12],
    trackingUrlTemplate: 'https://trace.cjlogistics.com/next/tracking.html?wblNo={trackingNumber}',
    sweetTrackerCode: '04',
  },
  {
    code: 'epost',
    name: '우체국택배',
    digits: [13],
    trackingUrlTemplate: 'https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1={trackingNumber}',
    sweetTrackerCode: '01',
  },
  {
    code: 'hanjin',
    name: '한진택배',
    digits: [10, 12],
    trackingUrlTemplate:
      'https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2={trackingNumber}',
    sweetTrackerCode: '05',
  },
  {
    code: 'lotte',
    name: '롯데택배',
    digits: [12],
    trackingUrlTemplate: 'https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo={trackingNumber}',
    sweetTrackerCode: '08',
  },
  {
    code: 'logen',
    name: '로젠택배',
    digits: [11],
    trackingUrlTemplate: 'https://www.ilogen.com/web/personal/trace/{trackingNumber}',
    sweetTrackerCode: '06',
  },
  {
    code: 'kdexp',
    name: '경동택배',
    digits: [9, 10, 11, 12, 13, 14, 15, 16],
    trackingUrlTemplate: 'https://kdexp.com/service/delivery/etc/delivery.do?barcode={trackingNumber}',
    sweetTrackerCode: '23',
  },
  {
    code: 'daesin',
    name: '대신택배',
    digits: [13],
    trackingUrlTemplate: 'https://www.ds3211.co.kr/freight/internalFreightSearch.ht?billno={trackingNumber}',
    sweetTrackerCode: '22',
  },
  {
    code: 'ilyang',
    name: '일양로지스',
    digits: [9, 10, 11],
    trackingUrlTemplate: 'https://www.ilyanglogis.com/functionality/tracking_result.asp?hawb_no={trackingNumber}',
    sweetTrackerCode: '11',
  },
  {
    code: 'cvsnet',
    name: 'GS Postbox 택배',
    digits: [10, 11, 12, 13],
    trackingUrlTemplate: 'https://www.cvsnet.co.kr/invoice/tracking.do?invoice_no={trackingNumber}',
    sweetTrackerCode: '24',
  },
  {
    code: 'cupost',
    name: 'CU 편의점택배',
    digits: [10, 11, 12],
    trackingUrlTemplate: 'https://www.cupost.co.kr/postbox/delivery/localResult.cupost?invoice_no={trackingNumber}',
    sweetTrackerCode: '46',
  },
] as const satisfies readonly Carrier[];

export type CarrierCode = (typeof CARRIERS)[number]['code'];
export const CARRIER_CODES = CARRIERS.map((c) => c.code) as [CarrierCode, ...CarrierCode[]];

export function findCarrier(code: string): Carrier | undefined {
  return (CARRIERS as readonly Carrier[]).find((c) => c.code === code);
}

/** Strips the separators people copy from labels: "1234-5678-9012" -> "123456789012". */
export function normalizeTrackingNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function isValidTrackingNumber(carrierCode: string, trackingNumber: string): boolean {
  const carrier = findCarrier(carrierCode);
  if (!carrier) return false;
  return /^\d+$/.test(trackingNumber) && carrier.digits.includes(trackingNumber.length);
}

export function trackingUrl(carrierCode: string, trackingNumber: string): string | null {
  const carrier = findCarrier(carrierCode);
  return carrier ? carrier.trackingUrlTemplate.replace('{trackingNumber}', encodeURIComponent(trackingNumber)) : null;
}
