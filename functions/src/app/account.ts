// The account behind a call, checked during the call: anonymous sign-ins from the token, disabled
// or deleted accounts from the Auth record (a disabled account's ID token stays valid for up to an
// hour, so the token alone can't say). One Auth lookup per order or application.
import { accountRefusal, AccountPurpose, signInProviderOf } from '../domain/abuse';
import { DomainError } from '../domain/reasons';
import { auth } from '../infra/auth';
import type { Caller } from './caller';

export async function requireUsableAccount(caller: Caller, purpose: AccountPurpose): Promise<void> {
  const signInProvider = signInProviderOf(caller.token);
  // An anonymous sign-in is refused from the token alone, without the lookup.
  const user = signInProvider === 'anonymous' ? null : await auth().getUser(caller.uid);
  const account = user && {
    disabled: user.disabled === true,
    // The record is fresher than the token; the token's claim covers adapters without the field.
    emailVerified: user.emailVerified ?? caller.token.email_verified === true,
  };
  const refusal = accountRefusal({ signInProvider, account }, purpose);
  if (refusal) throw new DomainError(refusal);
}
