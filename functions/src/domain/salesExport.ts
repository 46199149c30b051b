// The orders export (주문내역 CSV) an owner opens in Excel. Pure: no Firebase imports.
// UTF-8 with a byte-order mark (Excel otherwise reads Korean as the legacy code page), CRLF line
// ends, RFC 4180 quoting, and text cells that a spreadsheet would run as a formula neutralized.
import { seoulDateTime } from './businessDay';
import { CANCEL_REASONS } from './cancelReasons';
import { ActorRole, Order, OrderStatus } from './order';
import { CHANNEL_LABELS } from './sales';

export const STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  received: '접수',
  preparing: '준비중',
  ready: '준비완료',
  preparing_shipment: '배송준비',
  shipped: '배송중',
  completed: '완료',
  cancelled: '취소',
};

const ACTOR_LABELS: Readonly<Record<ActorRole, string>> = { customer: '고객', partner: '매장', system: '자동', admin: '운영자' };

export const EXPORT_HEADERS = [
  '영업일',
  '주문번호',
  '주문시각',
  '준비시작',
  '완료시각',
  '취소시각',
  '주문방식',
  '상태',
  '메뉴',
  '합계(원)',
  '배송비(원)',
  '취소자',
  '취소사유',
  '취소메모',
] as const;

export type ExportOrder = Pick<
  Order,
  | 'businessDate'
  | 'orderNumber'
  | 'createdAt'
  | 'prep'
  | 'completion'
  | 'cancellation'
  | 'channel'
  | 'status'
  | 'items'
  | 'total'
  | 'deliveryFee'
>;

/**
 * A text cell as Excel must not evaluate it: one starting with = + - @ (or a tab or carriage
 * return, which Excel skips before looking) gets a leading apostrophe (OWASP "CSV injection").
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a cell holding a comma, a quote or a line break, doubling its quotes. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function itemsText(items: ExportOrder['items']): string {
  return items
    .map((item) => {
      const options = item.options.flatMap((group) => group.choices.map((choice) => choice.name));
      return `${item.name}${options.length ? `(${options.join(', ')})` : ''} x${item.quantity}`;
    })
    .join('; ');
}

const time = (ms: number | null | undefined): string | null => (ms == null ? null : seoulDateTime(ms));

export function exportRow(order: ExportOrder): (string | number | null)[] {
  const reason = order.cancellation?.reason;
  return [
    order.businessDate,
    order.orderNumber,
    time(order.createdAt),
    time(order.prep?.startedAt),
    time(order.completion?.at),
    time(order.cancellation?.at),
    CHANNEL_LABELS[order.channel],
    STATUS_LABELS[order.status],
    itemsText(order.items),
    order.total,
    order.deliveryFee,
    order.cancellation ? ACTOR_LABELS[order.cancellation.by] : null,
    reason ? (CANCEL_REASONS[reason as keyof typeof CANCEL_REASONS] ?? reason) : null,
    order.cancellation?.note ?? null,
  ];
}

export const BOM = '\uFEFF';

/** The whole file: BOM, the Korean header line, one line per order, CRLF after every line. */
export function ordersCsv(orders: readonly ExportOrder[]): string {
  const lines = [EXPORT_HEADERS.map(csvCell).join(',')];
  for (const order of orders) lines.push(exportRow(order).map(csvCell).join(','));
  return BOM + lines.map((line) => `${line}\r\n`).join('');
}
