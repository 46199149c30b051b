// 매출: the owner's figures for 오늘 / 이번 주 / 이번 달 (Seoul calendar days; the server applies the
// store's closeoutHour) and the CSV export. Staff see the server's refusal (store_owner_only).
import { useState } from 'preact/hooks';
import { CHANNEL_LABELS, type ResponseOf } from '@gocafein/client';
import type { Backend } from './firebase';
import { ActionError, useAction } from './action';
import { won } from './format';

type Summary = ResponseOf<'getSalesSummary'>;
type Range = 'today' | 'week' | 'month';
const RANGE_LABELS: Record<Range, string> = { today: '오늘', week: '이번 주', month: '이번 달' };

const seoulDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The range's first and last Seoul calendar day as YYYY-MM-DD; a week starts on Monday. */
export function rangeOf(range: Range, now: number): { from: string; to: string } {
  const to = seoulDate.format(now);
  if (range === 'today') return { from: to, to };
  if (range === 'month') return { from: `${to.slice(0, 8)}01`, to };
  const day = new Date(`${to}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return { from: new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10), to };
}

const minutes = (seconds: number | null) =>
  seconds === null ? '—' : seconds < 60 ? `${Math.round(seconds)}초` : `${Math.round(seconds / 60)}분`;

export function SalesPage({ backend, storeId }: { backend: Backend; storeId: string }) {
  const load = useAction();
  const exporting = useAction();
  const [range, setRange] = useState<Range | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [exportNote, setExportNote] = useState('');
  const api = backend.api;

  const show = (next: Range) => {
    setRange(next);
    setSummary(null);
    setExportNote('');
    void load.run(async () => setSummary(await api.getSalesSummary({ storeId, ...rangeOf(next, Date.now()) })));
  };
  const exportOrders = () =>
    exporting.run(async () => {
      const dates = summary ? { from: summary.from, to: summary.to } : rangeOf(range ?? 'today', Date.now());
      const file = await api.exportOrders({ storeId, ...dates });
      if (file.delivery === 'inline') {
        // The server's CSV already starts with a BOM so Excel reads the Korean as UTF-8.
        const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = file.fileName || `gocafein-${storeId}-${dates.from}_${dates.to}.csv`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } else {
        open(file.url, '_blank', 'noopener');
      }
      setExportNote(`주문 ${file.rows.toLocaleString('ko-KR')}건을 내보냈습니다.`);
    });

  return (
    <div class="stack">
      <section class="card stack" aria-labelledby="sales-title">
        <h2 id="sales-title">매출</h2>
        <div class="actions wrap" role="group" aria-label="기간">
          {(Object.keys(RANGE_LABELS) as Range[]).map((key) => (
            <button type="button" key={key} aria-pressed={range === key} disabled={load.busy} onClick={() => show(key)}>
              {RANGE_LABELS[key]}
            </button>
          ))}
        </div>
        {load.busy && <p role="status">불러오는 중…</p>}
        <ActionError error={load.error} />
        {range === null && <p class="muted small">기간을 고르면 영업일 기준 매출을 보여 드립니다.</p>}
      </section>

      {summary && <SummaryView summary={summary} />}

      {range !== null && !load.error && (
        <section class="card stack" aria-labelledby="export-title">
          <h2 id="export-title">주문 내역 내보내기</h2>
          <button type="button" disabled={exporting.busy} onClick={exportOrders}>
            엑셀 내보내기
          </button>
          <ActionError error={exporting.error} />
          {exportNote && (
            <p role="status" class="small">
              {exportNote}
            </p>
          )}
        </section>
      )}
    </div>
  );
}

function SummaryView({ summary }: { summary: Summary }) {
  const { total } = summary;
  const period = summary.from === summary.to ? summary.from : `${summary.from} ~ ${summary.to}`;
  return (
    <>
      <section class="card stack" aria-labelledby="total-title" data-testid="sales-summary">
        <h2 id="total-title">
          합계{' '}
          <span class="muted small">
            {period} · 마감 {summary.closeoutHour}시
          </span>
        </h2>
        <dl class="facts">
          <dt>매출</dt>
          <dd>
            <strong>{won(total.completedSales)}</strong>
          </dd>
          <dt>주문</dt>
          <dd>
            {total.orders}건 (완료 {total.completedOrders}건)
          </dd>
          <dt>취소</dt>
          <dd>
            {total.cancelledOrders}건 · {won(total.cancelledAmount)}
          </dd>
        </dl>
        <table class="figures">
          <caption class="sr-only">주문 방식별 매출</caption>
          <thead>
            <tr>
              <th scope="col">방식</th>
              <th scope="col">매출</th>
              <th scope="col">완료</th>
              <th scope="col">취소</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(total.byChannel) as (keyof typeof total.byChannel)[]).map((channel) => (
              <tr key={channel}>
                <th scope="row">{CHANNEL_LABELS[channel]}</th>
                <td>{won(total.byChannel[channel].completedSales)}</td>
                <td>{total.byChannel[channel].completedOrders}건</td>
                <td>{total.byChannel[channel].cancelledOrders}건</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section class="card stack" aria-labelledby="best-title">
        <h2 id="best-title">많이 팔린 메뉴</h2>
        {summary.topItemsByQuantity.length === 0 ? (
          <p class="muted">완료된 주문이 없습니다.</p>
        ) : (
          <ol class="list plain">
            {summary.topItemsByQuantity.map((item) => (
              <li key={`${item.menuItemId}:${item.name}`} class="row">
                <span>{item.name}</span>
                <span class="muted small push">
                  {item.quantity}개 · {won(item.amount)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section class="card stack" aria-labelledby="prep-title">
        <h2 id="prep-title">처리 시간</h2>
        <dl class="facts">
          <dt>접수 → 준비 시작</dt>
          <dd>
            평균 {minutes(summary.durations.receiptToStart.averageSeconds)} · 90% {minutes(summary.durations.receiptToStart.p90Seconds)}
          </dd>
          <dt>준비 시작 → 준비완료</dt>
          <dd>
            평균 {minutes(summary.durations.startToReady.averageSeconds)} · 90% {minutes(summary.durations.startToReady.p90Seconds)}
          </dd>
          <dt>준비 시작 → 완료</dt>
          <dd>
            평균 {minutes(summary.durations.startToComplete.averageSeconds)} · 90% {minutes(summary.durations.startToComplete.p90Seconds)}
          </dd>
        </dl>
      </section>
    </>
  );
}
