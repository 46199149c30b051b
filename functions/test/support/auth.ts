// An in-memory Firebase Authentication for tests (there is no Auth emulator in the mocha run),
// installed through src/infra/auth.ts setDependenciesForTest({ auth:  }). It keeps users and their custom claims, records
// every setCustomUserClaims call, and behaves like Firebase where it matters: unknown users are
// not found, emails match case-insensitively, claims over 1,000 bytes are refused.
import type { AuthAdapter, AuthUser } from '../../src/infra/auth';
import type { AuthContext } from './callables';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

export interface ClaimsWrite {
  uid: string;
  claims: Record<string, unknown>;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FakeAuth implements AuthAdapter {
  private users = new Map<string, AuthUser>();
  /** Every setCustomUserClaims call, in order. */
  readonly claimsWrites: ClaimsWrite[] = [];
  /** Milliseconds each call waits before answering; tests of races randomize it. */
  latency: () => number = () => 0;
  /** Calls of setCustomUserClaims still to fail (to test a sync that dies after commit). */
  failClaimsWrites = 0;
  /** Awaited by setCustomUserClaims before it applies: lets a test hold one write back. */
  beforeClaimsWrite: ((write: ClaimsWrite) => Promise<void>) | null = null;

  reset(): void {
    this.users.clear();
    this.claimsWrites.length = 0;
    this.latency = () => 0;
    this.failClaimsWrites = 0;
    this.beforeClaimsWrite = null;
  }

  addUser(
    uid: string,
    email: string | null = `${uid}@example.com`,
    customClaims: Record<string, unknown> = {},
    { emailVerified = true }: { emailVerified?: boolean } = {},
  ): AuthUser {
    const user = { uid, email: email?.toLowerCase() ?? null, emailVerified, disabled: false, customClaims: clone(customClaims) };
    this.users.set(uid, user);
    return clone(user);
  }

  /** Disables an account or marks its email unverified (as the Firebase console or Admin SDK would). */
  setAccountState(uid: string, state: { disabled?: boolean; emailVerified?: boolean }): void {
    const user = this.users.get(uid);
    if (!user) throw new Error(`no user ${uid}`);
    Object.assign(user, state);
  }

  deleteUser(uid: string): void {
    this.users.delete(uid);
  }

  claimsOf(uid: string): Record<string, unknown> {
    return clone(this.users.get(uid)?.customClaims ?? {});
  }

  /** Changes the account's email or its verification (as the user or the Auth console would). */
  setEmail(uid: string, email: string | null, emailVerified: boolean): void {
    const user = this.users.get(uid);
    if (!user) throw new Error(`no user ${uid}`);
    user.email = email?.toLowerCase() ?? null;
    user.emailVerified = emailVerified;
  }

  /**
   * The auth context of a freshly refreshed ID token (getIdToken(true)): the current claims, and
   * the `email` / `email_verified` claims Firebase puts in every token of an account with an email.
   */
  tokenOf(uid: string): AuthContext {
    const user = this.users.get(uid);
    const standard = user?.email ? { email: user.email, email_verified: user.emailVerified } : {};
    return { uid, token: { ...this.claimsOf(uid), ...standard } };
  }

  async getUser(uid: string): Promise<AuthUser | null> {
    await tick(this.latency());
    const user = this.users.get(uid);
    return user ? clone(user) : null;
  }

  async getUserByEmail(email: string): Promise<AuthUser | null> {
    await tick(this.latency());
    const user = [...this.users.values()].find((candidate) => candidate.email === email.toLowerCase());
    return user ? clone(user) : null;
  }

  async setCustomUserClaims(uid: string, claims: Record<string, unknown>): Promise<void> {
    await tick(this.latency());
    const user = this.users.get(uid);
    if (!user) throw Object.assign(new Error(`no user ${uid}`), { code: 'auth/user-not-found' });
    if (this.failClaimsWrites > 0) {
      this.failClaimsWrites -= 1;
      throw Object.assign(new Error('simulated Auth outage'), { code: 'auth/internal-error' });
    }
    await this.beforeClaimsWrite?.({ uid, claims: clone(claims) });
    if (Buffer.byteLength(JSON.stringify(claims)) > 1000) {
      throw Object.assign(new Error('claims too large'), { code: 'auth/claims-too-large' });
    }
    user.customClaims = clone(claims);
    this.claimsWrites.push({ uid, claims: clone(claims) });
  }
}

/** One FakeAuth for the test file, emptied and installed before each test. */
export function installFakeAuth(): FakeAuth {
  const fake = new FakeAuth();
  beforeEach(() => {
    fake.reset();
    setDependenciesForTest({ auth: fake });
  });
  after(() => resetDependencies('auth'));
  return fake;
}
