// The storeInvitations callables: parse, run the use case in app/storeInvitations.ts, answer.
import {
  acceptStoreInvitationHandler,
  declineStoreInvitationHandler,
  inviteStoreMemberHandler,
  revokeStoreInvitationHandler,
} from '../app/storeInvitations';
import { invitationIdInput, inviteStoreMemberInput } from '../boundary/storeSchemas';
import { defineCallable } from './shell';

export const inviteStoreMember = /* @__PURE__ */ defineCallable('inviteStoreMember', inviteStoreMemberInput, inviteStoreMemberHandler);

export const acceptStoreInvitation = /* @__PURE__ */ defineCallable(
  'acceptStoreInvitation',
  invitationIdInput,
  acceptStoreInvitationHandler,
);

export const declineStoreInvitation = /* @__PURE__ */ defineCallable(
  'declineStoreInvitation',
  invitationIdInput,
  declineStoreInvitationHandler,
);

export const revokeStoreInvitation = /* @__PURE__ */ defineCallable(
  'revokeStoreInvitation',
  invitationIdInput,
  revokeStoreInvitationHandler,
);
