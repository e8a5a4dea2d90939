import type { MemberRenderContext } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';
import { html } from '../../../html.js';
import { formatDateTime } from '../../../i18n/index.js';
import type { RenderedPage } from '../../../page.js';
import { answersSection } from '../../answers-routes.js';
import type { DashboardView } from './data.js';

const ANSWER_KEYS = { none: 'census.dashboard.answer.none', draft: 'census.dashboard.answer.draft', submitted: 'census.dashboard.answer.submitted' } as const;

export function renderDashboard(view: DashboardView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const { campaign, onlyAccounts } = view;
  const title = t('census.dashboard.title', { campaign: campaign.title });
  const answer = (row: DashboardView['rows'][number]) => {
    if (row.answer === 'submitted' && row.submittedAt) return t('census.dashboard.answer.submitted', { date: formatDateTime(c.locale, row.submittedAt) });
    return t(ANSWER_KEYS[row.answer], { date: '' });
  };
  const body = html`<section class="member-page">
  <h1>${title}</h1>
  <p>${t('census.dashboard.totals', view.totals)}</p>
  ${answersSection(view, c, { csrf: c.csrf, admin: view.mayInviteAll })}
  <form method="get" action="${memberPaths.dashboard(campaign.id)}" class="filter-form"><label for="f-comptes">${t('census.dashboard.filter')}</label>
  <select id="f-comptes" name="comptes"><option value="0"${onlyAccounts ? '' : html` selected`}>${t('census.dashboard.filter.all')}</option><option value="1"${onlyAccounts ? html` selected` : ''}>${t(
    'census.dashboard.filter.accounts',
  )}</option></select> <button type="submit" class="small">${t('census.entries.pick.submit')}</button></form>
  <table class="dashboard"><thead><tr><th scope="col">${t('census.dashboard.collectivity')}</th><th scope="col">${t('census.dashboard.contributors')}</th><th scope="col">${t(
    'census.dashboard.answer',
  )}</th><th scope="col">${t('census.dashboard.proposals')}</th></tr></thead><tbody>${view.rows.map(
    (row) => html`<tr class="answer-${row.answer}${row.neverSignedIn ? ' never' : ''}"><th scope="row"><a href="${row.href}">${row.name}</a> <span class="muted">${row.country}</span></th><td>${
      row.contributors.length === 0
        ? html`<span class="muted">${t('census.dashboard.noAccount')}</span>`
        : html`<ul class="compact">${row.contributors.map(
          (person) => html`<li>${person.name} &lt;${person.email}&gt; — ${
            person.lastSignInAt ? t('census.dashboard.lastSignIn', { date: formatDateTime(c.locale, person.lastSignInAt) }) : html`<strong>${t('census.dashboard.neverSignedIn')}</strong>`
          }${person.disabled ? html` (${t('admin.users.status.disabled')})` : ''}</li>`,
        )}</ul>`
    }</td><td>${answer(row)}</td><td>${t('census.dashboard.counts', row.proposals)}</td></tr>`,
  )}</tbody></table>
  </section>`;
  return {
    title,
    breadcrumbs: [{ href: memberPaths.census(), label: t('census.title') }, { href: campaign.href, label: campaign.title }, { href: memberPaths.dashboard(campaign.id), label: t('census.dashboard') }],
    body,
  };
}
