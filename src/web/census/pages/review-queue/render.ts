import type { MemberRenderContext } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';
import { html } from '../../../html.js';
import { formatDateTime } from '../../../i18n/index.js';
import type { RenderedPage } from '../../../page.js';
import { REVIEW_STATES, type ReviewQueueView } from './data.js';

export function renderReviewQueue(view: ReviewQueueView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const { notice } = view;
  const body = html`<section class="member-page">
  <h1>${t('review.title')}</h1>
  ${notice?.kind === 'approved' ? html`<p class="success" role="status">${t('review.approved', { version: notice.version })}</p>` : ''}
  ${notice?.kind === 'rejected' ? html`<p class="success" role="status">${t('review.rejected')}</p>` : ''}
  <p>${t('review.intro')}</p>
  <form method="get" action="${memberPaths.queue()}" class="filter-form"><label for="f-etat">${t('review.filter')}</label>
  <select id="f-etat" name="etat">${REVIEW_STATES.map((s) => html`<option value="${s}"${s === view.state ? html` selected` : ''}>${t(`census.state.${s}`)}</option>`)}</select>
  <button type="submit" class="small">${t('review.filter.submit')}</button></form>
  ${view.items.length === 0
    ? html`<p>${t('review.none')}</p>`
    : html`<table class="queue"><thead><tr><th scope="col">${t('review.record')}</th><th scope="col">${t('review.from')}</th><th scope="col">${t('review.author')}</th><th scope="col">${t(
      'review.submittedAt',
    )}</th></tr></thead><tbody>${view.items.map(
      (item) => html`<tr><td><a href="${item.href}">${t('common.labelled', { label: t(`census.type.${item.recordType}`), text: item.label })}</a> <span class="muted">(${t(`census.action.${item.action}`)})</span>${
        item.stale ? html` <span class="badge state-stale">${t('review.stale')}</span>` : ''
      }</td><td>${item.origin === 'import' ? html`${t('review.origin.import')} ${item.batch ?? ''}` : html`${t('review.origin.campaign')}${item.collectivityName ? html` — ${item.collectivityName}` : ''}`}</td><td>${
        item.authorName ?? ''
      }</td><td>${item.submittedAt ? formatDateTime(c.locale, item.submittedAt) : ''}</td></tr>`,
    )}</tbody></table>`}
  </section>`;
  return { title: t('review.title'), breadcrumbs: [{ href: memberPaths.queue(), label: t('review.title') }], body };
}
