// Stores with their members written the way the onboarding callables write them: the membership
// document, the member's users/{uid} mirror, and the matching claims in the (fake) Auth.
import { acceptStoreInvitation, inviteStoreMember } from '../../src/callables/storeInvitations';
import type { StoreRole } from '../../src/domain/permissions';
import { db, toStored } from '../../src/infra/firestore';
import type { FakeAuth } from './auth';
import { type AuthContext, call } from './callables';
import { setDoc } from './database';

export const VALID_BUSINESS_NUMBER = '220-81-62517'; // NAVER Corp.
export const OTHER_VALID_BUSINESS_NUMBER = '124-81-00998'; // Samsung Electronics

export const APPLICATION_FORM = {
  storeName: '고카페인 성수점',
  ownerName: '김사장',
  businessNumber: '2208162517',
  phone: '010 9876 5432',
  address: { postalCode: '04781', address1: '서울 성동구 성수이로 1', address2: '1층' },
  channels: ['takeout', 'dine_in'],
};

/** A menu item with a required and an optional option group, as upsertMenuItem takes it. */
export const FLAT_WHITE = {
  name: '플랫화이트',
  price: 5000,
  category: '커피',
  description: '진한 에스프레소와 벨벳 밀크',
  options: [
    {
      groupId: 'milk',
      name: '우유 선택',
      required: true,
      maxSelect: 1,
      choices: [
        { id: 'whole', name: '일반 우유', price: 0 },
        { id: 'oat', name: '오트 밀크', price: 600 },
      ],
    },
    {
      groupId: 'extra',
      name: '추가',
      required: false,
      maxSelect: 2,
      choices: [
        { id: 'shot', name: '샷 추가', price: 500 },
        { id: 'vanilla', name: '바닐라 시럽', price: 300 },
        { id: 'cream', name: '휘핑크림', price: 700 },
      ],
    },
  ],
};

/** Writes a membership the way approval and acceptStoreInvitation do, and mirrors it into Auth claims. */
export async function seedMember(auth: FakeAuth, storeId: string, uid: string, role: StoreRole): Promise<void> {
  const at = Date.now();
  await setDoc(`stores/${storeId}/members/${uid}`, {
    storeId,
    uid,
    role,
    addedBy: 'seed',
    createdAt: at,
    updatedAt: at,
  });
  const userDoc = db().doc(`users/${uid}`);
  const current = (await userDoc.get()).data() ?? {};
  const stores = { ...(current.stores ?? {}), [storeId]: role };
  const version = ((current.membershipVersion as number | undefined) ?? 0) + 1;
  await userDoc.set(
    toStored({ stores, membershipVersion: version, claimsVersion: version, pendingApplicationId: null, updatedAt: at }) as Record<
      string,
      unknown
    >,
  );
  if ((await auth.getUser(uid)) === null) auth.addUser(uid);
  const existing = auth.claimsOf(uid);
  await auth.setCustomUserClaims(uid, { ...existing, stores: { ...((existing.stores as object) ?? {}), [storeId]: role } });
  auth.claimsWrites.length = 0; // seeding is not what tests assert on
}

/**
 * How a person joins a store now: the inviter invites their email, and they accept, signed in with
 * it (verified). Returns what acceptStoreInvitation returned.
 */
export async function joinByInvitation(
  auth: FakeAuth,
  inviter: AuthContext,
  storeId: string,
  inviteeUid: string,
  role: StoreRole,
): Promise<{ invitationId: string; accepted: boolean }> {
  const user = await auth.getUser(inviteeUid);
  if (!user?.email) throw new Error(`${inviteeUid} has no email in the fake Auth`);
  const { invitationId } = await call(inviteStoreMember, { storeId, email: user.email, role }, inviter);
  return call(acceptStoreInvitation, { invitationId }, auth.tokenOf(inviteeUid));
}
