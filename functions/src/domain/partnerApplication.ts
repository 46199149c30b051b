// 입점신청 (partner application): a signed-in user asks to open a store; an admin approves or rejects
// it. Approval creates the store, closed, with the applicant as its owner. Pure; times are epoch ms.
import { Channel } from './order';
import { DomainError } from './reasons';
import { DEFAULT_PREP_MINUTES, StoreAddress, StoreProfile } from './store';

/** pending (심사중) → approved (승인) | rejected (반려). Both ends are final; after a rejection the user applies anew. */
export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const REVIEW_DECISIONS = ['approve', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ApplicationForm {
  storeName: string;
  ownerName: string;
  /** Normalized, hyphenated: "220-81-62517". */
  businessNumber: string;
  /** Normalized Korean phone number. */
  phone: string;
  address: StoreAddress;
  channels: Channel[];
}

export interface PartnerApplication extends ApplicationForm {
  applicationId: string;
  applicantUid: string;
  status: ApplicationStatus;
  createdAt: number;
  updatedAt: number;
  reviewedAt: number | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  /** The store approval created. */
  storeId: string | null;
}

export function newApplication(applicationId: string, applicantUid: string, form: ApplicationForm, at: number): PartnerApplication {
  return {
    applicationId,
    applicantUid,
    ...form,
    status: 'pending',
    createdAt: at,
    updatedAt: at,
    reviewedAt: null,
    reviewedBy: null,
    reviewNote: null,
    storeId: null,
  };
}

/**
 * The store an approval creates. Its id is the application's, so however many times approval runs
 * it can only ever create this one document.
 */
export function storeIdForApplication(applicationId: string): string {
  return applicationId;
}

/** The result of a review: the application's new fields, and the store when approved. */
export function review(
  application: PartnerApplication,
  decision: ReviewDecision,
  reviewerUid: string,
  note: string | null,
  at: number,
): { application: PartnerApplication; store: StoreProfile | null } {
  if (application.status !== 'pending') {
    throw new DomainError('application_already_reviewed', { status: application.status });
  }
  const reviewed = {
    ...application,
    updatedAt: at,
    reviewedAt: at,
    reviewedBy: reviewerUid,
    reviewNote: note,
  };
  if (decision === 'reject') return { application: { ...reviewed, status: 'rejected' }, store: null };

  const storeId = storeIdForApplication(application.applicationId);
  const store: StoreProfile = {
    storeId,
    name: application.storeName,
    active: true,
    open: false, // 준비중 until the owner opens it
    pausedUntil: null,
    channels: application.channels,
    deliveryFee: 0,
    defaultPrepMinutes: DEFAULT_PREP_MINUTES,
    phone: application.phone,
    address: application.address,
    ownerUid: application.applicantUid,
    businessNumber: application.businessNumber,
    applicationId: application.applicationId,
    createdAt: at,
    updatedAt: at,
  };
  return { application: { ...reviewed, status: 'approved', storeId }, store };
}
