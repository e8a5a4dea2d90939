/**
 * The census services, built once per process with the store (and a clock, for tests):
 *
 *   const census = createCensus({ db: store.db });
 *   await census.campaigns.saveDraft(session.actor, form);
 *
 * Every method validates its input (ValidationError with French field errors), checks the
 * actor's rights (forbidden / unauthenticated), and refuses stale saves (ConflictError).
 */
import { createCampaignService } from './campaigns.js';
import type { CensusDeps } from './context.js';
import { createHistoryService } from './history.js';
import { createNoticeService } from './partner-notice-service.js';
import { createPrivacyService } from './privacy/index.js';
import { createReviewService } from './review.js';

export function createCensus(deps: CensusDeps) {
  return {
    campaigns: createCampaignService(deps),
    review: createReviewService(deps),
    history: createHistoryService(deps),
    privacy: createPrivacyService(deps),
    notices: createNoticeService(deps),
  };
}

export type Census = ReturnType<typeof createCensus>;

export type { CensusDeps } from './context.js';
export type { Campaign, CampaignEntries, Dashboard, DashboardRow, Entry } from './campaigns.js';
export type { FieldChange, ItemChange, ListChanges } from './diff.js';
export type { VersionView } from './history.js';
export type { ImportResult } from './import.js';
export { importDocument } from './import.js';
export { mayPropose } from './permissions.js';
export { redactContacts, personKey, isNamedPerson, type RedactedContact, type Viewer, type PersonExport } from './privacy/index.js';
export type { Proposal, ProposalStatus } from './proposals.js';
export type { ProposalReview, QueueItem } from './review.js';
export { RECORD_SCHEMAS, type CurrentRecord, type RecordData, type RecordType } from './records.js';
