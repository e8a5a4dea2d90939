import type { MemberRenderContext } from '../../../auth/member-page.js';
import { html } from '../../../html.js';
import type { RenderedPage } from '../../../page.js';
import { campaignFormPage } from '../campaign-form-render.js';
import type { CampaignRecordView } from './data.js';

export function renderCampaignRecord(view: CampaignRecordView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  return campaignFormPage(view, c, {
    title: t('census.form.update.title', { label: view.label }),
    crumb: view.label,
    intro: html`<p class="muted">${t('census.form.version', { version: view.version })}${view.fromDraft ? html` ${t('census.form.draftFrom')}` : ''}</p>${
      view.stale ? html`<p class="notice">${t('census.entries.stale')}</p>` : ''
    }${view.rejectedComment ? html`<p class="notice">${t('census.rejected.comment', { comment: view.rejectedComment })}</p>` : ''}`,
  });
}
