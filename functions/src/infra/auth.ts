// Firebase Authentication behind a small interface: the callables need three calls, and tests (which
// have no Auth emulator) replace them with an in-memory fake (deps.ts `auth`).
// firebase-admin/auth loads on first use, not when a function module loads (cold start).
import type * as AuthModule from 'firebase-admin/auth';
import { dependency, onReset } from '../deps';
import { ensureAdminApp } from './firestore';

export interface AuthUser {
  uid: string;
  email: string | null;
  /** Whether the user proved they own `email` (an invitation is accepted only then). */
  emailVerified: boolean;
  customClaims: Record<string, unknown>;
  /** Disabled accounts keep valid ID tokens for up to an hour: callables that must refuse them read this. */
  disabled?: boolean;
}

export interface AuthAdapter {
  /** The user, or null when there is no such account. */
  getUser(uid: string): Promise<AuthUser | null>;
  getUserByEmail(email: string): Promise<AuthUser | null>;
  /** Replaces all of the user's custom claims: callers merge first (app/caller.ts withStoreClaims). */
  setCustomUserClaims(uid: string, claims: Record<string, unknown>): Promise<void>;
}

let adapter: AuthAdapter | undefined;
onReset('auth', () => {
  adapter = undefined;
});

export function auth(): AuthAdapter {
  const replaced = dependency('auth');
  if (replaced) return replaced;
  adapter ??= firebaseAuthAdapter();
  return adapter;
}

function firebaseAuthAdapter(): AuthAdapter {
  ensureAdminApp(); // the default app, shared with Firestore
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- firebase-admin/auth loads on first use, not at cold start
  const { getAuth } = require('firebase-admin/auth') as typeof AuthModule;
  const toUser = (record: AuthModule.UserRecord): AuthUser => ({
    uid: record.uid,
    email: record.email ?? null,
    emailVerified: record.emailVerified === true,
    customClaims: record.customClaims ?? {},
    disabled: record.disabled,
  });
  const orNull = async (lookup: () => Promise<AuthModule.UserRecord>): Promise<AuthUser | null> => {
    try {
      return toUser(await lookup());
    } catch (error) {
      if ((error as { code?: string }).code === 'auth/user-not-found') return null;
      throw error;
    }
  };
  return {
    getUser: (uid) => orNull(() => getAuth().getUser(uid)),
    getUserByEmail: (email) => orNull(() => getAuth().getUserByEmail(email)),
    setCustomUserClaims: (uid, claims) => getAuth().setCustomUserClaims(uid, claims),
  };
}
