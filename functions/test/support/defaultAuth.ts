// The Auth adapter of tests that don't install a FakeAuth (support/auth.ts): every uid is an
// active account with a verified email, and nothing can be written. placeOrder and
// submitPartnerApplication look the caller up (app/account.ts); tests of disabled, deleted and
// unverified accounts install a FakeAuth, which knows only the users it was given.
import type { AuthAdapter, AuthUser } from '../../src/infra/auth';

export const activeAccountsAuth: AuthAdapter = {
  async getUser(uid: string): Promise<AuthUser> {
    return { uid, email: `${uid}@example.com`, customClaims: {}, disabled: false, emailVerified: true };
  },
  async getUserByEmail(): Promise<AuthUser | null> {
    return null;
  },
  async setCustomUserClaims(uid: string): Promise<void> {
    throw Object.assign(new Error(`no Auth in this test (setCustomUserClaims ${uid})`), { code: 'auth/internal-error' });
  },
};
