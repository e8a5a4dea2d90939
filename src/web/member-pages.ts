/** Every members' page built with defineMemberPage (auth/member-page.ts): /openapi.json describes their JSON twins. */
import { personalDataPage } from './admin/pages/personal-data/index.js';
import { usersPage } from './admin/pages/users/index.js';
import type { AnyMemberPage } from './auth/member-page.js';
import { campaignDraftPage } from './census/pages/campaign-draft/index.js';
import { campaignEntriesPage } from './census/pages/campaign-entries/index.js';
import { newRecordPage } from './census/pages/campaign-new/index.js';
import { campaignRecordPage } from './census/pages/campaign-record/index.js';
import { campaignsPage } from './census/pages/campaigns/index.js';
import { dashboardPage } from './census/pages/dashboard/index.js';
import { historyPage } from './census/pages/history/index.js';
import { recordEditPage } from './census/pages/record-edit/index.js';
import { proposalEditPage } from './census/pages/proposal-edit/index.js';
import { proposalPage } from './census/pages/proposal/index.js';
import { qualityDeskPage } from './census/pages/quality-desk/index.js';
import { reviewQueuePage } from './census/pages/review-queue/index.js';

export const MEMBER_PAGES: readonly AnyMemberPage[] = [campaignsPage, campaignEntriesPage, campaignRecordPage, newRecordPage, campaignDraftPage, dashboardPage, reviewQueuePage, proposalPage, proposalEditPage, historyPage, recordEditPage, qualityDeskPage, usersPage, personalDataPage];
