// Firestore side of the per-customer order limits (domain/abuse.ts):
//   orderLimits/{customerUid}   { placements: [{at, storeId, orderId}], updatedAt }  no client access
// Every placement by a customer reads and writes this one document in its transaction, so two
// placements by the same customer are serialized (one retries and sees the other), while other
// customers never touch it. The limits themselves come from config (app/placeOrder.ts).
import type { DocumentReference, DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import { db, fromStored, toStored } from './firestore';
import { ORDERS } from './orders';

export const ORDER_LIMITS = 'orderLimits';

export interface Placement {
  at: number;
  storeId: string;
  orderId: string;
}

export function orderLimitsRef(customerUid: string): DocumentReference {
  return db().collection(ORDER_LIMITS).doc(customerUid);
}

export function placementsFromSnapshot(snapshot: DocumentSnapshot): Placement[] {
  if (!snapshot.exists) return [];
  const { placements } = fromStored<{ placements?: Placement[] }>(snapshot.data());
  return Array.isArray(placements) ? placements : [];
}

export function writePlacements(tx: Transaction, customerUid: string, placements: Placement[], at: number): void {
  tx.set(orderLimitsRef(customerUid), toStored({ placements, updatedAt: at }) as Record<string, unknown>);
}

/**
 * The customer's orders at this store still `received`, counted up to `limit` (the query reads at
 * most that many documents). Read in the placement's transaction, after the limits document.
 */
export async function unansweredOrdersAt(tx: Transaction, customerUid: string, storeId: string, limit: number): Promise<number> {
  if (limit <= 0) return 0;
  return (await tx.get(unansweredOrdersQuery(customerUid, storeId, limit))).size;
}

export function unansweredOrdersQuery(customerUid: string, storeId: string, limit: number) {
  return db()
    .collection(ORDERS)
    .where('customerUid', '==', customerUid)
    .where('storeId', '==', storeId)
    .where('status', '==', 'received')
    .limit(limit);
}
