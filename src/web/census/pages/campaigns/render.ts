import type { MemberRenderContext } from '../../../auth/member-page.js';
import { csrfField } from '../../../auth/members.js';
import { memberPaths } from '../../../auth/paths.js';
import { html } from '../../../html.js';
import { formatDateTime } from '../../../i18n/index.js';
import type { RenderedPage } from '../../../page.js';
import type { CampaignsView } from './data.js';

export function renderCampaigns(view: CampaignsView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const form = view.openForm;
  const body = html`<section class="member-page">
  <h1>${t('census.title')}</h1>
  <h2>${t('census.campaigns')}</h2>
  ${view.campaigns.length === 0
    ? html`<p>${t('census.none')}</p>`
    : html`<ul class="campaigns">${view.campaigns.map(
      (campaign) => html`<li><strong>${campaign.title}</strong> <span class="badge">${t(`census.status.${campaign.status}`)}</span> <span class="muted">${t('census.openedAt', {
        date: formatDateTime(c.locale, campaign.openedAt),
      })}</span>
  <ul class="inline-list"><li><a href="${campaign.href}">${t('common.labelled', { label: campaign.title, text: t('census.answer') })}</a></li>${
        campaign.dashboardHref
          ? html`<li><a href="${campaign.dashboardHref}">${t('common.labelled', { label: campaign.title, text: t('census.dashboard') })}</a></li>${
            campaign.status === 'open'
              ? html`<li><form method="post" action="${memberPaths.campaignClose(campaign.id)}" class="inline-form">${csrfField(c.csrf)}<button type="submit" class="small">${t('census.close', {
                title: campaign.title,
              })}</button></form></li>`
              : ''
          }`
          : ''
      }</ul></li>`,
    )}</ul>`}
  ${form
    ? html`<h2>${t('census.open.title')}</h2>
  ${form.error ? html`<div class="error-summary" role="alert" id="erreurs"><ul><li><a href="#f-title">${t('common.labelled', { label: t('census.open.label'), text: form.error })}</a></li></ul></div>` : ''}
  <form method="post" action="${memberPaths.census()}" class="member-form" novalidate>${csrfField(c.csrf)}
  <div class="field${form.error ? ' has-error' : ''}"><label for="f-title">${t('census.open.label')} <span class="required">${t('form.required')}</span></label>
  ${form.error ? html`<p class="field-error" id="f-title-error"><span class="visually-hidden">${t('form.error.prefix')} </span>${form.error}</p>` : ''}
  <input id="f-title" name="title" type="text" value="${form.title}" aria-required="true"${form.error ? html` aria-invalid="true" aria-describedby="f-title-error"` : ''}></div>
  <p><button type="submit">${t('census.open.submit')}</button></p></form>`
    : ''}
  </section>`;
  return { title: t('census.title'), breadcrumbs: [{ href: memberPaths.census(), label: t('census.title') }], body };
}
