// The Korean couriers an owner can pick in 발송 처리 / 송장 수정. One list, shared by the callables,
// the tracking intake and docs/orders.md "Carriers". Tracking numbers are digits only; hyphens and spaces that owners
// copy from a label are stripped before the format check.

export interface Carrier {
  code: string;
  name: string;
  /** Allowed tracking-number lengths, in digits. */
  digits: readonly number[];
  /** Where a customer can follow the parcel; `{trackingNumber}` is replaced. */
  trackingUrlTemplate: string;
  /**
   * Carrier id in the Delivery Tracker API (tracker.delivery), the polling provider
   * (infra/deliveryTracker.ts). A webhook event may name the carrier by this id or by our code.
   */
  deliveryTrackerId: string;
}

export const CARRIERS = [
  {
    code: 'cj',
    name: 'CJ대한통운',
    digits: [10, 12],
    trackingUrlTemplate: 'https://trace.cjlogistics.com/next/tracking.html?wblNo={trackingNumber}',
    deliveryTrackerId: 'kr.cjlogistics',
  },
  {
    code: 'epost',
    name: '우체국택배',
    digits: [13],
    trackingUrlTemplate: 'https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1={trackingNumber}',
    deliveryTrackerId: 'kr.epost',
  },
  {
    code: 'hanjin',
    name: '한진택배',
    digits: [10, 12],
    trackingUrlTemplate: 'https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2={trackingNumber}',
    deliveryTrackerId: 'kr.hanjin',
  },
  {
    code: 'lotte',
    name: '롯데택배',
    digits: [12],
    trackingUrlTemplate: 'https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo={trackingNumber}',
    deliveryTrackerId: 'kr.lotte',
  },
  {
    code: 'logen',
    name: '로젠택배',
    digits: [11],
    trackingUrlTemplate: 'https://www.ilogen.com/web/personal/trace/{trackingNumber}',
    deliveryTrackerId: 'kr.logen',
  },
  {
    code: 'kdexp',
    name: '경동택배',
    digits: [9, 10, 11, 12, 13, 14, 15, 16],
    trackingUrlTemplate: 'https://kdexp.com/service/delivery/etc/delivery.do?barcode={trackingNumber}',
    deliveryTrackerId: 'kr.kdexp',
  },
  {
    code: 'daesin',
    name: '대신택배',
    digits: [13],
    trackingUrlTemplate: 'https://www.ds3211.co.kr/freight/internalFreightSearch.ht?billno={trackingNumber}',
    deliveryTrackerId: 'kr.daesin',
  },
  {
    code: 'ilyang',
    name: '일양로지스',
    digits: [9, 10, 11],
    trackingUrlTemplate: 'https://www.ilyanglogis.com/functionality/tracking_result.asp?hawb_no={trackingNumber}',
    deliveryTrackerId: 'kr.ilyanglogis',
  },
  {
    code: 'cvsnet',
    name: 'GS Postbox 택배',
    digits: [10, 11, 12, 13],
    trackingUrlTemplate: 'https://www.cvsnet.co.kr/invoice/tracking.do?invoice_no={trackingNumber}',
    deliveryTrackerId: 'kr.cvsnet',
  },
  {
    code: 'cupost',
    name: 'CU 편의점택배',
    digits: [10, 11, 12],
    trackingUrlTemplate: 'https://www.cupost.co.kr/postbox/delivery/localResult.cupost?invoice_no={trackingNumber}',
    deliveryTrackerId: 'kr.cupost',
  },
] as const satisfies readonly Carrier[];

export type CarrierCode = (typeof CARRIERS)[number]['code'];
export const CARRIER_CODES = CARRIERS.map((c) => c.code) as [CarrierCode, ...CarrierCode[]];

export function findCarrier(code: string): Carrier | undefined {
  return (CARRIERS as readonly Carrier[]).find((c) => c.code === code);
}

/** Our carrier for a code a tracking provider sent: our own code or the Delivery Tracker id. */
export function carrierFromProviderCode(raw: string): Carrier | undefined {
  const code = raw.trim();
  return findCarrier(code) ?? (CARRIERS as readonly Carrier[]).find((c) => c.deliveryTrackerId === code);
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
