// The storeInvitations callables: parse, run the use case in app/storeInvitations.ts, answer.
import {
  acceptStoreInvitationHandler,
  declineStoreInvitationHandler,
  inviteStoreMemberHandler,
  revokeStoreInvitationHandler,
} from '../app/storeInvitations';
import { invitationIdInput, inviteStoreMemberInput } from '../boundary/storeSchemas';
import { defineCallable } from './shell';

export const inviteStoreMember = defineCallable('inviteStoreMember', inviteStoreMemberInput, inviteStoreMemberHandler);

export const acceptStoreInvitation = defineCallable('acceptStoreInvitation', invitationIdInput, acceptStoreInvitationHandler);

export const declineStoreInvitation = defineCallable('declineStoreInvitation', invitationIdInput, declineStoreInvitationHandler);

export const revokeStoreInvitation = defineCallable('revokeStoreInvitation', invitationIdInput, revokeStoreInvitationHandler);
