// 주문현황: the 매장/포장 and 배송 tabs, live, with the new-order alert, and the order detail.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuerySnapshot } from 'firebase/firestore';
import {
  cancelReasonLabel,
  carrierName,
  deliveryFinishedOrders,
  deliveryTabOrders,
  orderDocument,
  type OrderDoc,
  partnerOrderEvents,
  pickupFinishedOrders,
  pickupOpenOrders,
  trackingUrl,
} from '@gocafein/client';
import type { Backend } from './firebase';
import { useLiveDocument, useLiveQuery, useNow } from './hooks';
import { chime } from './alerts';
import { ACTOR_LABELS, channelLabel, clock, COMMAND_LABELS, dateTime, remaining, statusLabel, won } from './format';
import { CancelDialog, ExtendPrepDialog, PrepDialog, ShipDialog } from './dialogs';
import { ActionError, useAction } from './action';

type Tab = 'pickup' | 'delivery';
type PickupView = 'open' | 'finished';
type DeliveryView = 'received' | 'preparing_shipment' | 'shipped' | 'finished';

interface NewOrderAlert {
  orderId: string;
  orderNumber: number;
  channel: OrderDoc['channel'];
  at: number;
}

export function OrdersPage({ backend, storeId, defaultPrepMinutes }: { backend: Backend; storeId: string; defaultPrepMinutes: number }) {
  const [tab, setTab] = useState<Tab>('pickup');
  const [pickupView, setPickupView] = useState<PickupView>('open');
  const [deliveryView, setDeliveryView] = useState<DeliveryView>('received');
  const [openOrderId, setOpenOrderId] = useState<string | null>(null);
  const [alerts, setAlerts] = useState<NewOrderAlert[]>([]);

  // A document added after the first snapshot is a new order (the first one is what was there).
  const onNew = (snapshot: QuerySnapshot<OrderDoc>, first: boolean) => {
    if (first) return;
    const added = snapshot
      .docChanges()
      .filter((change) => change.type === 'added' && change.doc.data().status === 'received' && !change.doc.metadata.hasPendingWrites)
      .map((change) => change.doc.data());
    if (added.length === 0) return;
    chime();
    setAlerts((current) =>
      [
        ...added.map((order) => ({ orderId: order.orderId, orderNumber: order.orderNumber, channel: order.channel, at: Date.now() })),
        ...current,
      ].slice(0, 5),
    );
  };

  const pickupOpen = useLiveQuery(() => pickupOpenOrders(backend.db, storeId), `po:${storeId}`, onNew);
  const deliveryNew = useLiveQuery(() => deliveryTabOrders(backend.db, storeId, 'received'), `dr:${storeId}`, onNew);
  const deliveryPacking = useLiveQuery(() => deliveryTabOrders(backend.db, storeId, 'preparing_shipment'), `dp:${storeId}`);
  const deliveryShipped = useLiveQuery(() => deliveryTabOrders(backend.db, storeId, 'shipped'), `ds:${storeId}`);
  const showPickupFinished = tab === 'pickup' && pickupView === 'finished';
  const showDeliveryFinished = tab === 'delivery' && deliveryView === 'finished';
  const pickupDone = useLiveQuery(
    () => (showPickupFinished ? pickupFinishedOrders(backend.db, storeId) : null),
    `pf:${storeId}:${showPickupFinished}`,
  );
  const deliveryDone = useLiveQuery(
    () => (showDeliveryFinished ? deliveryFinishedOrders(backend.db, storeId) : null),
    `df:${storeId}:${showDeliveryFinished}`,
  );

  const pickupWaiting = pickupOpen.data.filter((order) => order.status === 'received').length;
  const deliveryWaiting = deliveryNew.data.length;

  const list =
    tab === 'pickup'
      ? pickupView === 'open'
        ? pickupOpen
        : pickupDone
      : { received: deliveryNew, preparing_shipment: deliveryPacking, shipped: deliveryShipped, finished: deliveryDone }[deliveryView];
  const emptyText =
    tab === 'pickup' ? (pickupView === 'open' ? '처리할 주문이 없습니다.' : '완료·취소된 주문이 없습니다.') : '주문이 없습니다.';

  return (
    <div class="orders">
      <div class="alerts" aria-live="assertive">
        {alerts.map((alert) => (
          <div class="alert" role="alert" key={alert.orderId} data-order-id={alert.orderId}>
            <span>
              새 주문이 접수되었습니다 · <strong>#{alert.orderNumber}</strong> <ChannelBadge channel={alert.channel} />
            </span>
            <span class="row">
              <button
                type="button"
                class="small"
                onClick={() => (setOpenOrderId(alert.orderId), setAlerts((a) => a.filter((x) => x !== alert)))}
              >
                주문 보기
              </button>
              <button
                type="button"
                class="ghost small"
                aria-label="알림 닫기"
                onClick={() => setAlerts((a) => a.filter((x) => x !== alert))}
              >
                ✕
              </button>
            </span>
          </div>
        ))}
      </div>

      <div class="tabs" role="tablist" aria-label="주문 구분">
        <TabButton selected={tab === 'pickup'} onSelect={() => setTab('pickup')} id="tab-pickup" count={pickupWaiting}>
          매장/포장
        </TabButton>
        <TabButton selected={tab === 'delivery'} onSelect={() => setTab('delivery')} id="tab-delivery" count={deliveryWaiting}>
          배송
        </TabButton>
      </div>

      <div
        role="tabpanel"
        aria-labelledby={`tab-${tab}`}
        data-view={tab === 'pickup' ? `pickup-${pickupView}` : `delivery-${deliveryView}`}
        aria-busy={list.loading}
      >
        <div class="subtabs" role="tablist" aria-label={tab === 'pickup' ? '매장/포장 주문' : '배송 주문'}>
          {tab === 'pickup' ? (
            <>
              <TabButton sub selected={pickupView === 'open'} onSelect={() => setPickupView('open')} count={pickupOpen.data.length}>
                진행 중
              </TabButton>
              <TabButton sub selected={pickupView === 'finished'} onSelect={() => setPickupView('finished')}>
                완료·취소
              </TabButton>
            </>
          ) : (
            <>
              <TabButton
                sub
                selected={deliveryView === 'received'}
                onSelect={() => setDeliveryView('received')}
                count={deliveryNew.data.length}
              >
                신규
              </TabButton>
              <TabButton
                sub
                selected={deliveryView === 'preparing_shipment'}
                onSelect={() => setDeliveryView('preparing_shipment')}
                count={deliveryPacking.data.length}
              >
                배송 준비 중
              </TabButton>
              <TabButton
                sub
                selected={deliveryView === 'shipped'}
                onSelect={() => setDeliveryView('shipped')}
                count={deliveryShipped.data.length}
              >
                배송 중
              </TabButton>
              <TabButton sub selected={deliveryView === 'finished'} onSelect={() => setDeliveryView('finished')}>
                완료·취소
              </TabButton>
            </>
          )}
        </div>
        {list.error && (
          <p class="error" role="alert">
            주문을 불러오지 못했습니다. ({list.error.message})
          </p>
        )}
        {list.loading ? (
          <p role="status">불러오는 중…</p>
        ) : list.data.length === 0 && !list.error ? (
          <p class="empty">{emptyText}</p>
        ) : (
          <ul class="list orderlist" aria-label="주문 목록">
            {list.data.map((order) => (
              <li key={order.orderId}>
                <OrderCard order={order} onOpen={() => setOpenOrderId(order.orderId)} />
              </li>
            ))}
          </ul>
        )}
      </div>

      {openOrderId && (
        <OrderDetail
          backend={backend}
          storeId={storeId}
          orderId={openOrderId}
          defaultPrepMinutes={defaultPrepMinutes}
          onClose={() => setOpenOrderId(null)}
        />
      )}
    </div>
  );
}

function TabButton(props: {
  selected: boolean;
  onSelect: () => void;
  id?: string;
  count?: number;
  sub?: boolean;
  children: preact.ComponentChildren;
}) {
  return (
    <button
      type="button"
      role="tab"
      id={props.id}
      aria-selected={props.selected}
      class={props.sub ? 'subtab' : 'tab'}
      onClick={props.onSelect}
    >
      {props.children}
      {props.count !== undefined && props.count > 0 && (
        <span class="count" aria-label={`${props.count}건`}>
          {props.count}
        </span>
      )}
    </button>
  );
}

export function ChannelBadge({ channel }: { channel: OrderDoc['channel'] }) {
  return <span class={`channel channel-${channel}`}>{channelLabel(channel)}</span>;
}

function OrderCard({ order, onOpen }: { order: OrderDoc; onOpen: () => void }) {
  const summary = order.items.map((item) => `${item.name} ${item.quantity}개`).join(', ');
  return (
    <button
      type="button"
      class="card ordercard"
      onClick={onOpen}
      data-order-id={order.orderId}
      aria-label={`주문 #${order.orderNumber} ${channelLabel(order.channel)} ${statusLabel(order.status)}`}
    >
      <span class="row">
        <strong class="ordernumber">#{order.orderNumber}</strong>
        <ChannelBadge channel={order.channel} />
        <span class={`badge status-${order.status}`}>{statusLabel(order.status)}</span>
        <span class="muted small push">{clock(order.createdAt)}</span>
      </span>
      <span class="summary">{summary}</span>
      <span class="row">
        <span class="muted small">{order.customerNote ? `요청: ${order.customerNote}` : ''}</span>
        <strong class="push">{won(order.total)}</strong>
      </span>
    </button>
  );
}

function OrderDetail(props: { backend: Backend; storeId: string; orderId: string; defaultPrepMinutes: number; onClose: () => void }) {
  const { backend, storeId, orderId } = props;
  const order = useLiveDocument(() => orderDocument(backend.db, orderId), orderId);
  const events = useLiveQuery(() => partnerOrderEvents(backend.db, storeId, orderId), `${storeId}:${orderId}`);
  const [dialog, setDialog] = useState<'prep' | 'extend' | 'ship' | 'tracking' | 'cancel' | null>(null);
  const action = useAction();
  const now = useNow();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && !dialog && props.onClose();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [dialog]);

  const o = order.data;
  const api = backend.api;
  return (
    <div class="overlay" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <section class="sheet" role="dialog" aria-modal="true" aria-labelledby="detail-title">
        <header class="row sheethead">
          <h2 id="detail-title">
            {o ? (
              <>
                주문 #{o.orderNumber} <ChannelBadge channel={o.channel} />
              </>
            ) : (
              '주문 상세'
            )}
          </h2>
          <button type="button" class="ghost push" ref={closeRef} onClick={props.onClose} aria-label="닫기">
            ✕
          </button>
        </header>
        {order.loading && <p role="status">불러오는 중…</p>}
        {order.error && (
          <p class="error" role="alert">
            주문을 볼 수 없습니다.
          </p>
        )}
        {o && (
          <div class="stack">
            <p class="row">
              <span class={`badge status-${o.status}`} data-testid="detail-status">
                {statusLabel(o.status)}
              </span>
              <span class="muted small">접수 {dateTime(o.createdAt)}</span>
            </p>
            {o.channel !== 'delivery' &&
              (o.status === 'received' || o.status === 'preparing' || o.status === 'ready') &&
              o.autoCompleteAt !== null && (
                <p class="info" data-testid="auto-complete">
                  자동 완료까지 {remaining(o.autoCompleteAt - now)} <span class="muted small">({clock(o.autoCompleteAt)})</span>
                </p>
              )}
            {o.prep && (
              <p class="muted">
                준비 시간 {o.prep.minutes}분 · 시작 {clock(o.prep.startedAt)}
                {(o.prep.extensions?.length ?? 0) > 0 && ` · 시간 추가 ${o.prep.extensions!.length}번`}
              </p>
            )}
            {o.readyAt && (
              <p class="info" data-testid="ready-at">
                준비완료 {clock(o.readyAt)}
                {o.customerCall ? ` · 고객 호출 ${o.customerCall.count}번` : ''}
              </p>
            )}

            <table class="items">
              <caption class="sr-only">주문 메뉴</caption>
              <tbody>
                {o.items.map((item, index) => (
                  <tr key={index}>
                    <td>
                      {item.name} × {item.quantity}
                      {item.options.map((group) => (
                        <div class="muted small" key={group.groupId}>
                          {group.groupName}: {group.choices.map((c) => `${c.name}${c.price ? ` (+${won(c.price)})` : ''}`).join(', ')}
                        </div>
                      ))}
                    </td>
                    <td class="num">{won(item.lineTotal)}</td>
                  </tr>
                ))}
                {o.deliveryFee > 0 && (
                  <tr>
                    <td>배송비</td>
                    <td class="num">{won(o.deliveryFee)}</td>
                  </tr>
                )}
                <tr class="total">
                  <th scope="row">합계</th>
                  <td class="num" data-testid="total">
                    {won(o.total)}
                  </td>
                </tr>
              </tbody>
            </table>

            {o.customerNote && (
              <p class="note">
                <strong>요청사항</strong> {o.customerNote}
              </p>
            )}
            {o.delivery && (
              <p class="note">
                <strong>배송지</strong> {o.delivery.recipient} · {o.delivery.phone}
                <br />({o.delivery.postalCode}) {o.delivery.address1} {o.delivery.address2 ?? ''}
              </p>
            )}
            {o.shipment && (
              <p class="note">
                <strong>송장</strong> {carrierName(o.shipment.carrier) ?? o.shipment.carrier} {o.shipment.trackingNumber}{' '}
                {trackingUrl(o.shipment.carrier, o.shipment.trackingNumber) && (
                  <a href={trackingUrl(o.shipment.carrier, o.shipment.trackingNumber)!} target="_blank" rel="noopener">
                    배송 조회
                  </a>
                )}
              </p>
            )}
            {o.cancellation && (
              <p class="note">
                <strong>취소 사유</strong> {cancelReasonLabel(o.cancellation.reason)}
                {o.cancellation.note ? ` (${o.cancellation.note})` : ''}
              </p>
            )}

            <ActionError error={action.error} />
            <div class="actions">
              {o.channel !== 'delivery' && o.status === 'received' && (
                <button type="button" class="primary" onClick={() => setDialog('prep')}>
                  준비시작
                </button>
              )}
              {o.channel !== 'delivery' && o.status === 'preparing' && (
                <>
                  <button type="button" class="primary" disabled={action.busy} onClick={() => action.run(() => api.markReady({ orderId }))}>
                    준비완료
                  </button>
                  {(o.prep?.extensions?.length ?? 0) < 3 && (
                    <button type="button" onClick={() => setDialog('extend')}>
                      시간 추가
                    </button>
                  )}
                </>
              )}
              {o.channel !== 'delivery' && o.status === 'ready' && (
                <button
                  type="button"
                  class="primary"
                  disabled={action.busy}
                  onClick={() => action.run(() => api.callCustomer({ orderId }))}
                >
                  고객 호출
                </button>
              )}
              {o.channel !== 'delivery' && (o.status === 'preparing' || o.status === 'ready') && (
                <button type="button" disabled={action.busy} onClick={() => action.run(() => api.completeOrder({ orderId }))}>
                  처리 완료
                </button>
              )}
              {o.channel === 'delivery' && o.status === 'received' && (
                <button
                  type="button"
                  class="primary"
                  disabled={action.busy}
                  onClick={() => action.run(() => api.prepareShipment({ orderId }))}
                >
                  배송 준비
                </button>
              )}
              {o.channel === 'delivery' && o.status === 'preparing_shipment' && (
                <button type="button" class="primary" onClick={() => setDialog('ship')}>
                  발송 처리
                </button>
              )}
              {o.channel === 'delivery' && o.status === 'shipped' && (
                <button type="button" onClick={() => setDialog('tracking')}>
                  송장 수정
                </button>
              )}
              {(o.channel === 'delivery' ? ['received', 'preparing_shipment'] : ['received', 'preparing', 'ready']).includes(o.status) && (
                <button type="button" class="danger" onClick={() => setDialog('cancel')}>
                  주문 취소
                </button>
              )}
            </div>

            <h3>처리 내역</h3>
            <ol class="history" aria-label="처리 내역">
              {events.data.map((event) => (
                <li key={event.eventId}>
                  <span class="muted small">{dateTime(event.at)}</span> {HISTORY_TEXT(event.command, event.from, event.to)}
                  <span class="muted small"> · {ACTOR_LABELS[event.actorRole]}</span>
                </li>
              ))}
            </ol>
          </div>
        )}
      </section>
      {o && dialog === 'prep' && (
        <PrepDialog
          defaultMinutes={props.defaultPrepMinutes}
          onClose={() => setDialog(null)}
          submit={(prepMinutes) => api.startPreparing({ orderId, prepMinutes })}
        />
      )}
      {o && dialog === 'extend' && (
        <ExtendPrepDialog
          onClose={() => setDialog(null)}
          submit={(addMinutes, requestId) => api.extendPrep({ orderId, addMinutes, requestId })}
        />
      )}
      {o && (dialog === 'ship' || dialog === 'tracking') && (
        <ShipDialog
          mode={dialog}
          current={o.shipment}
          onClose={() => setDialog(null)}
          submit={(carrier, trackingNumber) =>
            dialog === 'ship'
              ? api.shipOrder({ orderId, carrier, trackingNumber })
              : api.updateTracking({ orderId, carrier, trackingNumber })
          }
        />
      )}
      {o && dialog === 'cancel' && (
        <CancelDialog
          onClose={() => setDialog(null)}
          submit={(reason, note) => api.cancelOrder({ orderId, reason, ...(note ? { note } : {}) })}
        />
      )}
    </div>
  );
}

function HISTORY_TEXT(command: string, from: OrderDoc['status'] | null, to: OrderDoc['status']): string {
  const label = COMMAND_LABELS[command] ?? command;
  return from === null || from === to ? label : `${label} → ${statusLabel(to)}`;
}
