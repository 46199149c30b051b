// The storeMembers callables: parse, run the use case in app/storeMembers.ts, answer.
import { removeStoreMemberHandler } from '../app/storeMembers';
import { removeStoreMemberInput } from '../boundary/storeSchemas';
import { defineCallable } from './shell';

export const removeStoreMember = /* @__PURE__ */ defineCallable('removeStoreMember', removeStoreMemberInput, removeStoreMemberHandler);
