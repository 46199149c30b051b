// Placing an order (the `place` command of domain/lifecycle.ts): a customer's order, priced from the store's menu on the server, numbered in the
// store's daily sequence and written with its first history entry, all in one transaction.
import * as logger from 'firebase-functions/logger';
import { requireUsableAccount } from './account';
import { Caller } from './caller';
import { orderLimitDecision, OrderLimits } from '../domain/abuse';
import { fingerprint, orderIdFor } from '../domain/ids';
import {
  ABUSE_DEFAULTS,
  autoCompleteDelayMinutes,
  maxUnansweredOrdersPerStore,
  orderRateLimit,
  orderRateWindowMinutes,
  paramValue,
} from '../config';
import { businessDateOf, MAX_CLOSEOUT_HOUR } from '../domain/businessDay';
import { MenuItem, priceOrder, RequestedItem, storeRefusal } from '../domain/menu';
import { placedOrder } from '../domain/lifecycle';
import { Channel, DeliveryAddress, Order } from '../domain/order';
import { toPublicView } from '../domain/publicView';
import { hoursRefusal } from '../domain/storeHours';
import { DomainError } from '../domain/reasons';
import { now } from '../infra/clock';
import { db, toStored } from '../infra/firestore';
import { eventRef, eventToStored, orderFromSnapshot, orderRef, orderToStored } from '../infra/orders';
import { orderLimitsRef, placementsFromSnapshot, unansweredOrdersAt, writePlacements } from '../infra/orderLimits';
import { menuItemFromSnapshot, menuItemRef, orderCounterRef, storeFromSnapshot, storeRef } from '../infra/stores';
import { LOG_EVENTS } from '../logEvents';

/** A placement as the boundary parsed it (boundary/schemas.ts placeOrderInput). */
export interface PlaceOrderInput {
  storeId: string;
  channel: Channel;
  items: RequestedItem[];
  requestId: string;
  customerNote?: string;
  delivery?: Omit<DeliveryAddress, 'address2'> & { address2?: string };
}

export interface PlaceOrderResult {
  orderId: string;
  orderNumber: number;
  status: Order['status'];
  total: number;
  order: ReturnType<typeof toPublicView>;
}

export async function placeOrderHandler(input: PlaceOrderInput, caller: Caller): Promise<PlaceOrderResult> {
  const orderId = orderIdFor(caller.uid, input.requestId);
  const requestFingerprint = fingerprint({ ...input, requestId: undefined });
  // No orders from anonymous, disabled or deleted accounts (one Auth lookup, outside the transaction).
  await requireUsableAccount(caller, 'order');
  const limits = orderLimitsFromConfig();

  const itemIds = [...new Set(input.items.map((line) => line.menuItemId))];

  const { order, created } = await db().runTransaction(
    async (tx) => {
      // Every document it needs in one BatchGetDocuments (which also begins the transaction): the
      // idempotency record, the store, the menu items, the customer's limits and the day counter.
      // The counter's day depends on the store's closeout hour (0-6), not known before the store is
      // read: between midnight and 06:00 Seoul both candidate days are read (one extra document).
      const at = now();
      const counterDates = [...new Set([businessDateOf(at, 0), businessDateOf(at, MAX_CLOSEOUT_HOUR)])];
      const [existing, storeSnapshot, ...rest] = await tx.getAll(
        orderRef(orderId),
        storeRef(input.storeId),
        ...itemIds.map((id) => menuItemRef(input.storeId, id)),
        orderLimitsRef(caller.uid),
        ...counterDates.map((date) => orderCounterRef(input.storeId, date)),
      );
      const menuSnapshots = rest.slice(0, itemIds.length);
      const limitsSnapshot = rest[itemIds.length];
      const counters = new Map(counterDates.map((date, i) => [date, rest[itemIds.length + 1 + i]]));

      if (existing.exists) {
        const previous = orderFromSnapshot(existing);
        if ((existing.get('requestFingerprint') as string | undefined) !== requestFingerprint) {
          throw new DomainError('idempotency_key_reused', { orderId });
        }
        return { order: previous, created: false };
      }

      if (!storeSnapshot.exists) throw new DomainError('store_not_found');
      const store = storeFromSnapshot(storeSnapshot);
      const closedByHours = hoursRefusal(store, at); // paused, outside hours, holiday (docs/hours.md)
      if (closedByHours) throw closedByHours;
      const refusal = storeRefusal(store, input.channel, at);
      if (refusal) throw new DomainError(refusal);

      const menu = new Map<string, MenuItem>();
      for (const snapshot of menuSnapshots) {
        if (snapshot.exists) menu.set(snapshot.id, menuItemFromSnapshot(snapshot));
      }
      const priced = priceOrder(store, input.channel, input.items, menu);

      // Flood limits (domain/abuse.ts), after the idempotency check so a replay is never counted.
      // The customer's limits document serializes their concurrent placements. The unanswered-orders
      // query is the one read that cannot join the batch (a query, not a document): a second round trip.
      const unansweredAtStore = await unansweredOrdersAt(tx, caller.uid, input.storeId, limits.maxUnansweredPerStore);
      const limit = orderLimitDecision(
        limits,
        { recentPlacements: placementsFromSnapshot(limitsSnapshot), unansweredAtStore },
        { at, storeId: input.storeId, orderId },
      );
      if ('refusal' in limit) throw new DomainError(limit.refusal, { storeId: input.storeId });

      // The store's closeout hour moves an order placed after midnight into the day it belongs to.
      const businessDate = businessDateOf(at, store.closeoutHour);
      const counterRef = orderCounterRef(input.storeId, businessDate);
      const counter = counters.get(businessDate);
      if (!counter) throw new Error(`placeOrder: business date ${businessDate} is not among the counters read`);
      const orderNumber = ((counter.get('last') as number | undefined) ?? 0) + 1;

      const { order, event } = placedOrder({
        orderId,
        store,
        customerUid: caller.uid,
        requestId: input.requestId,
        channel: input.channel,
        priced,
        orderNumber,
        businessDate,
        customerNote: input.customerNote || null,
        delivery: input.delivery ? { ...input.delivery, address2: input.delivery.address2 || null } : null,
        at,
        autoCompleteAfterMs: paramValue(autoCompleteDelayMinutes) * 60_000,
      });
      writePlacements(tx, caller.uid, limit.recentPlacements, at);
      tx.set(counterRef, toStored({ last: orderNumber, updatedAt: at }) as Record<string, unknown>);
      // A delivery order holds the customer's phone and address until the redaction job clears them
      // (scheduled/redactPersonalData.ts); an explicit null is what that job's query finds.
      const personalData = order.delivery ? { personalDataRedactedAt: null } : {};
      tx.create(orderRef(orderId), { ...orderToStored(order), requestFingerprint, ...personalData });
      tx.create(eventRef(orderId, 1), eventToStored(order, event));
      return { order, created: true };
      // Every order of a store and day contends on one counter document: allow more retries than
      // the SDK's default 5 before giving up with `aborted`.
    },
    { maxAttempts: 12 },
  );

  logger.info(created ? LOG_EVENTS.orderPlaced : LOG_EVENTS.orderPlaceReplayed, {
    orderId,
    storeId: order.storeId,
    channel: order.channel,
    orderNumber: order.orderNumber,
    total: order.total,
  });
  return {
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    status: order.status,
    total: order.total,
    order: toPublicView(order),
  };
}

/** The per-customer order limits (domain/abuse.ts) as configured (config.ts params). */
function orderLimitsFromConfig(): OrderLimits {
  const windowMinutes = paramValue(orderRateWindowMinutes) || ABUSE_DEFAULTS.rateWindowMinutes;
  return {
    maxUnansweredPerStore: paramValue(maxUnansweredOrdersPerStore),
    ratePerWindow: paramValue(orderRateLimit),
    windowMs: windowMinutes * 60_000,
  };
}
