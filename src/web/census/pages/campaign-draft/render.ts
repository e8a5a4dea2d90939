import type { MemberRenderContext } from '../../../auth/member-page.js';
import type { RenderedPage } from '../../../page.js';
import { campaignFormPage } from '../campaign-form-render.js';
import type { CampaignDraftView } from './data.js';

export function renderCampaignDraft(view: CampaignDraftView, c: MemberRenderContext): RenderedPage {
  return campaignFormPage(view, c, { title: c.t('census.form.draft.title', { label: view.label }) });
}
