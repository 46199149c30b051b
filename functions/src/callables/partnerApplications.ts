// The partnerApplications callables: parse, run the use case in app/partnerApplications.ts, answer.
import { reviewPartnerApplicationHandler, submitPartnerApplicationHandler } from '../app/partnerApplications';
import { reviewPartnerApplicationInput, submitPartnerApplicationInput } from '../boundary/storeSchemas';
import { defineCallable } from './shell';

export const submitPartnerApplication = defineCallable(
  'submitPartnerApplication',
  submitPartnerApplicationInput,
  submitPartnerApplicationHandler,
);

export const reviewPartnerApplication = defineCallable(
  'reviewPartnerApplication',
  reviewPartnerApplicationInput,
  reviewPartnerApplicationHandler,
);
