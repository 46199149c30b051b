// The safety net of the custom-claims sync: every callable that changes a membership syncs the
// member's claims right after its transaction commits, but it can die in between. Any write of
// users/{uid} whose claimsVersion lags its membershipVersion runs the sync again (at least once,
// retried on failure; the sync is idempotent, and its own stamp ends the chain).
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { syncPartnerClaims } from '../app/partnerClaims';
import { userFromSnapshot } from '../infra/users';
import { FUNCTION_MEMORY } from '../memory';

export const syncPartnerClaimsOnUserWrite = onDocumentWritten(
  { document: 'users/{uid}', retry: true, memory: FUNCTION_MEMORY.trigger },
  async (event) => {
    const after = event.data?.after;
    if (!after?.exists) return;
    const user = userFromSnapshot(after);
    if (user.claimsVersion >= user.membershipVersion) return;
    await syncPartnerClaims(event.params.uid);
  },
);
