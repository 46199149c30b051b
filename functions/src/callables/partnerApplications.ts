// The partnerApplications callables: parse, run the use case in app/partnerApplications.ts, answer.
import { reviewPartnerApplicationHandler, submitPartnerApplicationHandler } from '../app/partnerApplications';
import { reviewPartnerApplicationInput, submitPartnerApplicationInput } from '../boundary/storeSchemas';
import { defineCallable } from './shell';

export const submitPartnerApplication = /* @__PURE__ */ defineCallable(
  'submitPartnerApplication',
  submitPartnerApplicationInput,
  submitPartnerApplicationHandler,
);

export const reviewPartnerApplication = /* @__PURE__ */ defineCallable(
  'reviewPartnerApplication',
  reviewPartnerApplicationInput,
  reviewPartnerApplicationHandler,
);
