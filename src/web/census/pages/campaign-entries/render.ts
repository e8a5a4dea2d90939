import type { MemberRenderContext } from '../../../auth/member-page.js';
import { csrfField } from '../../../auth/members.js';
import { memberPaths } from '../../../auth/paths.js';
import { html, type SafeHtml } from '../../../html.js';
import { countryLabel, kindLabel } from '../../../i18n/codes.js';
import { formatDateTime, label as labelOf, tn } from '../../../i18n/index.js';
import type { RenderedPage } from '../../../page.js';
import type { CampaignEntriesView, EntriesView, EntryStateView } from './data.js';

export function renderCampaignEntries(view: CampaignEntriesView, c: MemberRenderContext): RenderedPage {
  const crumbs = [{ href: memberPaths.census(), label: c.t('census.title') }, { href: view.campaign.href, label: view.campaign.title }];
  if (view.kind === 'picker') return { title: view.campaign.title, breadcrumbs: crumbs, body: picker(view, c) };
  return { title: `${view.campaign.title} — ${view.collectivity.name}`, breadcrumbs: crumbs, body: entries(view, c) };
}

/** An editor picks the collectivity they answer for: a search sent by GET, the matches as links (picker.ts says why). */
function picker(view: Extract<CampaignEntriesView, { kind: 'picker' }>, c: MemberRenderContext): SafeHtml {
  const { t } = c;
  const results =
    view.query.trim() === ''
      ? ''
      : view.found === 0
        ? html`<p role="status">${t('census.entries.pick.none', { query: view.query })}</p>`
        : html`<h2 id="trouvees" role="status">${t('census.entries.pick.found', { query: view.query, count: view.found })}</h2>
  ${view.found > view.matches.length ? html`<p class="notice">${t('census.entries.pick.more', { shown: view.matches.length })}</p>` : ''}
  <ul class="picker-results" aria-labelledby="trouvees">${view.matches.map(
    (k) => html`<li><a href="${k.href}">${k.name}</a> <span class="muted">${kindLabel(c.locale, k.kind)}, ${countryLabel(c.locale, k.country)}</span></li>`,
  )}</ul>`;
  return html`<section class="member-page">
  <h1>${view.campaign.title}</h1>
  <p>${t('census.entries.pick.intro')} <a href="${view.dashboardHref}">${t('census.dashboard')}</a></p>
  <form method="get" action="${view.campaign.href}" class="member-form" role="search">
  <div class="field"><label for="f-nom">${t('census.entries.pick.search')}</label>
  <p class="hint" id="f-nom-hint">${t('census.entries.pick.hint')}</p>
  <input id="f-nom" name="nom" type="search" value="${view.query}" aria-describedby="f-nom-hint" autocomplete="off"></div>
  <p><button type="submit">${t('census.entries.pick.search.submit')}</button></p></form>
  ${results}
  </section>`;
}

function stateOf(entry: EntryStateView, c: MemberRenderContext): SafeHtml {
  const { t } = c;
  if (entry.state === 'draft') return html`<span class="badge state-draft">${t('census.state.draft')}</span>${entry.stale ? html` <span class="notice-inline">${t('census.entries.stale')}</span>` : ''}`;
  if (entry.state === 'submitted') return html`<span class="badge state-submitted">${t('census.state.submitted')}</span>`;
  if (entry.state === 'approved' || entry.state === 'rejected') {
    return html`<span class="badge state-${entry.state}">${t(`census.state.${entry.state}`)}</span>${entry.comment ? html` <span class="comment">${t('census.rejected.comment', { comment: entry.comment })}</span>` : ''}`;
  }
  return html`<span class="badge">${t('census.state.unchanged')}</span>`;
}

const linkOr = (href: string | undefined, text: string): SafeHtml => (href === undefined ? html`${text}` : html`<a href="${href}">${text}</a>`);

function entries(view: EntriesView, c: MemberRenderContext): SafeHtml {
  const { t } = c;
  const { actions } = view;
  const hiddenCollectivity = view.onBehalf ? html`<input type="hidden" name="collectivityId" value="${view.onBehalf}">` : '';
  const updateLink = (entry: EntryStateView, label: string) =>
    entry.updateHref ? html`<a href="${entry.updateHref}">${t('census.entries.update.short')}<span class="visually-hidden"> ${label}</span></a>` : '';
  const notice =
    view.notice === undefined ? undefined : view.notice.kind === 'submitted' ? tn(c.locale, 'census.entries.submitted', view.notice.count) : t(view.notice.kind === 'saved' ? 'census.entries.saved' : 'census.entries.withdrawn');
  const answer =
    view.answer.status === 'submitted' && view.answer.submittedAt
      ? t('census.entries.answer.submitted', { date: formatDateTime(c.locale, view.answer.submittedAt) })
      : t(view.answer.status === 'draft' ? 'census.entries.answer.draft' : 'census.entries.answer.none');

  const projectRows = (projects: EntriesView['partnerships'][number]['projects']) =>
    projects.length === 0
      ? html`<p>${t('census.entries.noProject')}</p>`
      : html`<table class="entries"><thead><tr><th scope="col">${t('census.proposal.record')}</th><th scope="col">${t('census.proposal.status')}</th><th scope="col">${t(
        'census.proposal.action',
      )}</th></tr></thead><tbody>${projects.map((project) => {
        const dateId = `fin-${project.id}`;
        return html`<tr><td>${linkOr(project.href, project.title)} <span class="badge status-${project.status}">${labelOf(c.locale, 'status', project.status)}</span></td><td>${stateOf(project, c)}</td><td>${updateLink(
          project,
          project.title,
        )}${
          project.close && actions
            ? html`<form method="post" action="${actions.closeProject}" class="close-project">${csrfField(c.csrf)}${hiddenCollectivity}<input type="hidden" name="projectId" value="${project.id}"><input type="hidden" name="baseVersion" value="${String(
              project.close.baseVersion,
            )}"><label for="${dateId}">${t('census.form.closeEnd')}</label> <input id="${dateId}" name="endDate" type="text" size="8" inputmode="numeric" aria-describedby="${dateId}-hint"><span class="visually-hidden" id="${dateId}-hint">${t(
              'form.date.hint',
            )}</span> <button type="submit" class="small">${t('census.entries.closeProject.short')}<span class="visually-hidden"> ${project.title}</span></button></form>`
            : ''
        }</td></tr>`;
      })}</tbody></table>`;

  return html`<section class="member-page census-entries">
  <h1>${t('census.entries.title', { campaign: view.campaign.title, collectivity: view.collectivity.name })}</h1>
  ${notice ? html`<p class="success" role="status">${notice}</p>` : ''}
  ${view.campaign.open ? html`<p>${t('census.entries.intro')}</p>` : html`<p class="notice">${t('census.closed')}</p>`}
  <p class="muted">${answer}</p>
  <h2>${t('census.entries.collectivity')}</h2>
  <p>${linkOr(view.collectivity.href, view.collectivity.name)} ${stateOf(view.collectivity, c)} ${updateLink(view.collectivity, view.collectivity.name)}</p>
  <h2>${t('census.entries.partnerships')}</h2>
  ${view.partnerships.length === 0 ? html`<p>${t('census.entries.noPartnership')}</p>` : ''}
  ${view.partnerships.map(
    (entry) => html`<section class="entry" aria-labelledby="p-${entry.id}">
  <h3 id="p-${entry.id}">${linkOr(entry.href, entry.label)}</h3>
  <p>${stateOf(entry, c)} ${updateLink(entry, entry.label)}</p>
  <h4>${t('census.entries.projects')}</h4>
  ${projectRows(entry.projects)}
  ${entry.addProjectHref ? html`<p><a href="${entry.addProjectHref}">${t('census.entries.addProject', { label: entry.label })}</a></p>` : ''}
  </section>`,
  )}
  ${view.newPartnershipHref ? html`<p><a href="${view.newPartnershipHref}">${t('census.entries.newPartnership')}</a></p>` : ''}
  ${view.created.length > 0
    ? html`<h2>${t('census.entries.created')}</h2><ul>${view.created.map(
      (p) => html`<li>${t('common.labelled', { label: t(`census.type.${p.recordType}`), text: p.label })} <span class="badge state-${p.status}">${t(`census.state.${p.status}`)}</span>${
        p.comment ? html` <span class="comment">${t('census.rejected.comment', { comment: p.comment })}</span>` : ''
      }${p.editHref ? html` <a href="${p.editHref}">${t('census.entries.editDraft.short')}<span class="visually-hidden"> ${p.label}</span></a>` : ''}${
        p.withdrawable && actions
          ? html` <form method="post" action="${actions.withdraw}" class="inline-form">${csrfField(c.csrf)}${hiddenCollectivity}<input type="hidden" name="proposalId" value="${p.id}"><button type="submit" class="small">${t('census.entries.withdraw.short')}<span class="visually-hidden"> ${p.label}</span></button></form>`
          : ''
      }</li>`,
    )}</ul>`
    : ''}
  ${actions
    ? html`<h2>${t('census.entries.submit.title')}</h2>
  <p>${view.drafts === 0 ? t('census.entries.submit.none') : tn(c.locale, 'census.entries.submit.text', view.drafts)}</p>
  <form method="post" action="${actions.submit}">${csrfField(c.csrf)}${hiddenCollectivity}<button type="submit">${t('census.entries.submit')}</button></form>`
    : ''}
  <h2>${t('census.entries.proposals')}</h2>
  ${view.proposals.length === 0
    ? html`<p>${t('census.entries.noProposals')}</p>`
    : html`<table class="proposals"><thead><tr><th scope="col">${t('census.proposal.record')}</th><th scope="col">${t('census.proposal.action')}</th><th scope="col">${t(
      'census.proposal.status',
    )}</th><th scope="col">${t('census.proposal.comment')}</th><th scope="col">${t('census.proposal.date')}</th></tr></thead><tbody>${view.proposals.map(
      (p) =>
        html`<tr><td>${t('common.labelled', { label: t(`census.type.${p.recordType}`), text: p.label })}</td><td>${t(`census.action.${p.action}`)}</td><td><span class="badge state-${p.status}">${t(`census.state.${p.status}`)}</span></td><td>${
          p.comment ?? ''
        }</td><td>${formatDateTime(c.locale, p.date)}</td></tr>`,
    )}</tbody></table>`}
  </section>`;
}
