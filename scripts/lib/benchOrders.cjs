// The order the sweep benches seed by the thousand (benchSweep.cjs for sweep scaling, benchMemory.cjs
// for the sweep's memory): an open pickup order placed two hours before `now` (plus a second per
// index), so the auto-complete sweep finds it overdue. One literal, so both benches sweep the same
// kind of document.
const HOUR = 60 * 60_000;

function overdueOrder(i, { now, orderId, storeId, storeName, channel = 'takeout' }) {
  const createdAt = now - 2 * HOUR - i * 1000;
  return {
    orderId,
    storeId,
    storeName,
    customerUid: `customer-${i % 50}`,
    requestId: `req-${i}`,
    channel,
    status: 'received',
    items: [{ menuItemId: 'latte', name: '카페라떼', unitPrice: 4500, quantity: 1, options: [], lineTotal: 4500 }],
    subtotal: 4500,
    deliveryFee: 0,
    total: 4500,
    orderNumber: i + 1,
    businessDate: '2026-03-02',
    customerNote: null,
    delivery: null,
    createdAt,
    updatedAt: createdAt,
    autoCompleteAt: createdAt + HOUR,
    prep: null,
    shipmentPreparingAt: null,
    shipment: null,
    cancellation: null,
    completion: null,
    version: 1,
  };
}

module.exports = { overdueOrder };
