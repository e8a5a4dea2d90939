import type { MemberRenderContext } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';
import { html } from '../../../html.js';
import type { RenderedPage } from '../../../page.js';
import { recordFields } from '../../forms.js';
import { recordFormPage } from '../../render.js';
import { fieldsOptions } from '../record-form.js';
import type { CampaignRecordView } from './data.js';

export function renderCampaignRecord(view: CampaignRecordView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const { form, campaign } = view;
  return recordFormPage(
    {
      title: t('census.form.update.title', { label: view.label }),
      breadcrumbs: [{ href: memberPaths.census(), label: t('census.title') }, { href: campaign.href, label: campaign.title }, { href: view.href, label: view.label }],
      action: form.action,
      csrf: c.csrf,
      specs: recordFields(view.recordType),
      values: form.values,
      errors: form.errors,
      hidden: form.hidden,
      submit: t('census.form.save'),
      intro: html`<p class="muted">${t('census.form.version', { version: view.version })}${view.fromDraft ? html` ${t('census.form.draftFrom')}` : ''}</p>${
        view.stale ? html`<p class="notice">${t('census.entries.stale')}</p>` : ''
      }${view.rejectedComment ? html`<p class="notice">${t('census.rejected.comment', { comment: view.rejectedComment })}</p>` : ''}`,
      cancel: { href: campaign.href, label: t('census.form.cancel') },
      fields: fieldsOptions(form),
    },
    c,
  );
}
