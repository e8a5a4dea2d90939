/**
 * The census campaigns: the list (editors open and close them), a collectivity's records with
 * their state, and the editors' dashboard of who answered.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAdmin, isEditor, requireEditor } from '../../accounts/roles.js';
import type { Entry, Proposal } from '../../census/index.js';
import { ValidationError } from '../../errors.js';
import type { Directory } from '../data/directory.js';
import { csrfField, field, guarded, notFound, queryParam } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { html, type SafeHtml } from '../html.js';
import { formatDateTime, tn, type MessageKey } from '../i18n/index.js';
import type { Link } from '../pages/common.js';
import type { RenderContext } from '../page.js';
import { answersSection } from './answers-routes.js';
import { publicPath, recordLabel } from './render.js';
import { type CensusRouteKit, type Params } from './route-kit.js';

export function registerCampaignRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, census, csrfOf, censusCrumb, collectivityAsked, entriesOf } = kit;
  // ------------------------------------------------------------------------------------------
  // campaigns

  const campaignsPage = async (request: FastifyRequest, reply: FastifyReply, state: { title?: string; error?: string } = {}, status = 200) => {
    const actor = members.actor(request);
    const c = await members.context(request);
    const { t } = c;
    const campaigns = await census.campaigns.list(actor);
    const editor = isEditor(actor);
    const csrf = csrfOf(request);
    const defaultTitle = t('census.open.default', { year: String(new Date().getUTCFullYear()) });
    const body = html`<section class="member-page">
  <h1>${t('census.title')}</h1>
  <h2>${t('census.campaigns')}</h2>
  ${campaigns.length === 0
  ? html`<p>${t('census.none')}</p>`
  : html`<ul class="campaigns">${campaigns.map(
      (campaign) => html`<li><strong>${campaign.title}</strong> <span class="badge">${t(`census.status.${campaign.status}`)}</span> <span class="muted">${t('census.openedAt', {
        date: formatDateTime(c.locale, campaign.openedAt),
      })}</span>
  <ul class="inline-list"><li><a href="${memberPaths.campaign(campaign.id)}">${campaign.title} : ${t('census.answer')}</a></li>${
        editor
          ? html`<li><a href="${memberPaths.dashboard(campaign.id)}">${campaign.title} : ${t('census.dashboard')}</a></li>${
              campaign.status === 'open'
                ? html`<li><form method="post" action="${memberPaths.campaignClose(campaign.id)}" class="inline-form">${csrfField(csrf)}<button type="submit" class="small">${t('census.close', {
                    title: campaign.title,
                  })}</button></form></li>`
                : ''
            }`
          : ''
      }</ul></li>`,
    )}</ul>`}
  ${editor
  ? html`<h2>${t('census.open.title')}</h2>
  ${state.error ? html`<div class="error-summary" role="alert" id="erreurs"><ul><li><a href="#f-title">${t('census.open.label')} : ${state.error}</a></li></ul></div>` : ''}
  <form method="post" action="${memberPaths.census()}" class="member-form" novalidate>${csrfField(csrf)}
  <div class="field${state.error ? ' has-error' : ''}"><label for="f-title">${t('census.open.label')} <span class="required">${t('form.required')}</span></label>
  ${state.error ? html`<p class="field-error" id="f-title-error"><span class="visually-hidden">${t('form.error.prefix')} </span>${state.error}</p>` : ''}
  <input id="f-title" name="title" type="text" value="${state.title ?? defaultTitle}" aria-required="true"${state.error ? html` aria-invalid="true" aria-describedby="f-title-error"` : ''}></div>
  <p><button type="submit">${t('census.open.submit')}</button></p></form>`
  : ''}
  </section>`;
    return members.send(request, reply, { title: t('census.title'), breadcrumbs: [censusCrumb(c)], body }, status);
  };

  app.get(
    '/recensement',
    guarded(members, async (request, reply) => campaignsPage(request, reply)),
  );

  app.post(
    '/recensement',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const title = field(request, 'title') ?? '';
      try {
        const campaign = await census.campaigns.open(actor, { title });
        return reply.redirect(memberPaths.campaign(campaign.id), 303);
      } catch (error) {
        if (error instanceof ValidationError) return campaignsPage(request, reply, { title, error: error.fieldErrors.title ?? Object.values(error.fieldErrors)[0] ?? '' }, 422);
        throw error;
      }
    }),
  );

  app.post(
    '/recensement/:campaign/clore',
    guarded(members, async (request, reply) => {
      await census.campaigns.close(members.actor(request), { campaignId: (request.params as Params).campaign! });
      return reply.redirect(memberPaths.census(), 303);
    }),
  );



  const stateOf = (entry: Entry, c: RenderContext): SafeHtml => {
    const { t } = c;
    if (entry.draft) return html`<span class="badge state-draft">${t('census.state.draft')}</span>${entry.stale ? html` <span class="notice-inline">${t('census.entries.stale')}</span>` : ''}`;
    if (entry.pending) return html`<span class="badge state-submitted">${t('census.state.submitted')}</span>`;
    if (entry.decided) {
      const rejected = entry.decided.status === 'rejected';
      return html`<span class="badge state-${entry.decided.status}">${t(rejected ? 'census.state.rejected' : 'census.state.approved')}</span>${
        entry.decided.comment ? html` <span class="comment">${t('census.rejected.comment', { comment: entry.decided.comment })}</span>` : ''
      }`;
    }
    return html`<span class="badge">${t('census.state.unchanged')}</span>`;
  };

  const NOTICES: Record<string, MessageKey> = { brouillon: 'census.entries.saved', retire: 'census.entries.withdrawn' };

  app.get(
    '/recensement/:campaign',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const campaignId = (request.params as Params).campaign!;
      const c = await members.context(request);
      const { t } = c;
      const dir = await members.directory();
      const asked = collectivityAsked(request, actor);
      const campaigns = await census.campaigns.list(actor);
      const campaign = campaigns.find((k) => k.id === campaignId);
      if (campaign === undefined) throw notFound('Campagne de recensement inconnue.');
      const crumbs: Link[] = [censusCrumb(c), { href: memberPaths.campaign(campaign.id), label: campaign.title }];

      if (isEditor(actor) && asked === undefined) {
        const body = html`<section class="member-page">
  <h1>${campaign.title}</h1>
  <p>${t('census.entries.pick.intro')} <a href="${memberPaths.dashboard(campaign.id)}">${t('census.dashboard')}</a></p>
  <form method="get" action="${memberPaths.campaign(campaign.id)}" class="member-form">
  <div class="field"><label for="f-collectivite">${t('census.entries.pick')}</label>
  <select id="f-collectivite" name="collectivite">${dir.collectivities.map((k) => html`<option value="${k.id}">${k.name}</option>`)}</select></div>
  <p><button type="submit">${t('census.entries.pick.submit')}</button></p></form>
  </section>`;
        return members.send(request, reply, { title: campaign.title, breadcrumbs: crumbs, body });
      }

      const entries = await entriesOf(actor, campaign.id, asked);
      const proposals = await census.campaigns.proposals(actor, { campaignId: campaign.id, ...(asked ? { collectivityId: asked } : {}) });
      const onBehalf = isEditor(actor) ? entries.collectivityId : undefined;
      const csrf = csrfOf(request);
      const open = campaign.status === 'open';
      const hiddenCollectivity = onBehalf ? html`<input type="hidden" name="collectivityId" value="${onBehalf}">` : '';
      const collectivityName = entries.collectivity.current.name;
      const said = queryParam(request, 'fait');
      const submittedCount = queryParam(request, 'envoyees');
      const notice =
        said === 'envoye'
          ? tn(c.locale, 'census.entries.submitted', Number(submittedCount ?? 0))
          : said !== undefined && NOTICES[said] !== undefined
            ? t(NOTICES[said]!)
            : undefined;
      const drafts = proposals.filter((p) => p.status === 'draft').length;
      const answer =
        entries.answer === 'submitted' && entries.submittedAt
          ? t('census.entries.answer.submitted', { date: formatDateTime(c.locale, entries.submittedAt) })
          : t(entries.answer === 'draft' ? 'census.entries.answer.draft' : 'census.entries.answer.none');

      const updateLink = (entry: Entry, label: string) =>
        open ? html`<a href="${memberPaths.campaignRecord(campaign.id, entry.recordType, entry.recordId, onBehalf)}">${t('census.entries.update.short')}<span class="visually-hidden"> ${label}</span></a>` : '';

      const projectRows = (projects: Entry[]) =>
        projects.length === 0
          ? html`<p>${t('census.entries.noProject')}</p>`
          : html`<table class="entries"><thead><tr><th scope="col">${t('census.proposal.record')}</th><th scope="col">${t('census.proposal.status')}</th><th scope="col">${t(
              'census.proposal.action',
            )}</th></tr></thead><tbody>${projects.map((entry) => {
              const project = entry.form as { title: string; status: string };
              const title = project.title;
              const closable = open && project.status !== 'completed' && !entry.pending;
              const dateId = `fin-${entry.recordId}`;
              return html`<tr><td><a href="${publicPath('project', entry.recordId)}">${title}</a> <span class="badge status-${project.status}">${c.t(`status.${project.status}` as MessageKey)}</span></td><td>${stateOf(
                entry,
                c,
              )}</td><td>${updateLink(entry, title)}${
                closable
                  ? html`<form method="post" action="${memberPaths.campaignCloseProject(campaign.id)}" class="close-project">${csrfField(csrf)}${hiddenCollectivity}<input type="hidden" name="projectId" value="${entry.recordId}"><input type="hidden" name="baseVersion" value="${String(
                      entry.version,
                    )}"><label for="${dateId}">${t('census.form.closeEnd')}</label> <input id="${dateId}" name="endDate" type="text" size="8" inputmode="numeric" aria-describedby="${dateId}-hint"><span class="visually-hidden" id="${dateId}-hint">${t(
                      'form.date.hint',
                    )}</span> <button type="submit" class="small">${t('census.entries.closeProject.short')}<span class="visually-hidden"> ${title}</span></button></form>`
                  : ''
              }</td></tr>`;
            })}</tbody></table>`;

      const body = html`<section class="member-page census-entries">
  <h1>${t('census.entries.title', { campaign: campaign.title, collectivity: collectivityName })}</h1>
  ${notice ? html`<p class="success" role="status">${notice}</p>` : ''}
  ${open ? html`<p>${t('census.entries.intro')}</p>` : html`<p class="notice">${t('census.closed')}</p>`}
  <p class="muted">${answer}</p>
  <h2>${t('census.entries.collectivity')}</h2>
  <p><a href="${publicPath('collectivity', entries.collectivity.recordId)}">${collectivityName}</a> ${stateOf(entries.collectivity, c)} ${updateLink(entries.collectivity, collectivityName)}</p>
  <h2>${t('census.entries.partnerships')}</h2>
  ${entries.partnerships.length === 0 ? html`<p>${t('census.entries.noPartnership')}</p>` : ''}
  ${entries.partnerships.map((entry) => {
  const label = recordLabel(dir, 'partnership', entry.recordId, entry.form);
  return html`<section class="entry" aria-labelledby="p-${entry.recordId}">
  <h3 id="p-${entry.recordId}"><a href="${publicPath('partnership', entry.recordId)}">${label}</a></h3>
  <p>${stateOf(entry, c)} ${updateLink(entry, label)}</p>
  <h4>${t('census.entries.projects')}</h4>
  ${projectRows(entry.projects)}
  ${open ? html`<p><a href="${memberPaths.campaignNew(campaign.id, 'projet', { partenariat: entry.recordId, collectivite: onBehalf })}">${t('census.entries.addProject', { label })}</a></p>` : ''}
  </section>`;
  })}
  ${open ? html`<p><a href="${memberPaths.campaignNew(campaign.id, 'partenariat', { collectivite: onBehalf })}">${t('census.entries.newPartnership')}</a></p>` : ''}
  ${entries.created.length > 0
  ? html`<h2>${t('census.entries.created')}</h2><ul>${entries.created.map((p) => {
      const label = recordLabel(dir, p.recordType, p.recordId, p.data);
      return html`<li>${t(`census.type.${p.recordType}`)} : ${label} <span class="badge state-${p.status}">${t(`census.state.${p.status}`)}</span>${
        p.comment ? html` <span class="comment">${t('census.rejected.comment', { comment: p.comment })}</span>` : ''
      }${
        p.status === 'draft' && open
          ? html` <a href="${memberPaths.campaignDraft(campaign.id, p.id, onBehalf)}">${t('census.entries.editDraft.short')}<span class="visually-hidden"> ${label}</span></a>`
          : ''
      }${
        p.status === 'draft' && open
          ? html` <form method="post" action="${memberPaths.campaignWithdraw(campaign.id)}" class="inline-form">${csrfField(csrf)}${hiddenCollectivity}<input type="hidden" name="proposalId" value="${p.id}"><button type="submit" class="small">${t('census.entries.withdraw.short')}<span class="visually-hidden"> ${label}</span></button></form>`
          : ''
      }</li>`;
    })}</ul>`
  : ''}
  ${open
  ? html`<h2>${t('census.entries.submit.title')}</h2>
  <p>${drafts === 0 ? t('census.entries.submit.none') : tn(c.locale, 'census.entries.submit.text', drafts)}</p>
  <form method="post" action="${memberPaths.campaignSubmit(campaign.id)}">${csrfField(csrf)}${hiddenCollectivity}<button type="submit">${t('census.entries.submit')}</button></form>`
  : ''}
  <h2>${t('census.entries.proposals')}</h2>
  ${proposalsTable(proposals, dir, c)}
  </section>`;
      return members.send(request, reply, { title: `${campaign.title} — ${collectivityName}`, breadcrumbs: crumbs, body });
    }),
  );

  const proposalsTable = (proposals: readonly Proposal[], dir: Directory, c: RenderContext): SafeHtml => {
    const { t } = c;
    const shown = proposals.filter((p) => p.status !== 'withdrawn');
    if (shown.length === 0) return html`<p>${t('census.entries.noProposals')}</p>`;
    return html`<table class="proposals"><thead><tr><th scope="col">${t('census.proposal.record')}</th><th scope="col">${t('census.proposal.action')}</th><th scope="col">${t(
      'census.proposal.status',
    )}</th><th scope="col">${t('census.proposal.comment')}</th><th scope="col">${t('census.proposal.date')}</th></tr></thead><tbody>${shown.map(
      (p) =>
        html`<tr><td>${t(`census.type.${p.recordType}`)} : ${recordLabel(dir, p.recordType, p.recordId, p.data ?? p.baseData)}</td><td>${t(`census.action.${p.action}`)}</td><td><span class="badge state-${p.status}">${t(
          `census.state.${p.status}`,
        )}</span></td><td>${p.comment ?? ''}</td><td>${formatDateTime(c.locale, p.decidedAt ?? p.submittedAt ?? p.updatedAt)}</td></tr>`,
    )}</tbody></table>`;
  };

  app.get(
    '/recensement/:campaign/tableau-de-bord',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const campaignId = (request.params as Params).campaign!;
      const c = await members.context(request);
      const { t } = c;
      const dashboard = await census.campaigns.dashboard(actor, { campaignId });
      const onlyAccounts = queryParam(request, 'comptes') === '1';
      const rows = onlyAccounts ? dashboard.rows.filter((row) => row.hasAccount) : dashboard.rows;
      const title = t('census.dashboard.title', { campaign: dashboard.campaign.title });
      const body = html`<section class="member-page">
  <h1>${title}</h1>
  <p>${t('census.dashboard.totals', dashboard.totals)}</p>
  ${answersSection(dashboard, c, { csrf: csrfOf(request), admin: isAdmin(actor) })}
  <form method="get" action="${memberPaths.dashboard(campaignId)}" class="filter-form"><label for="f-comptes">${t('census.dashboard.filter')}</label>
  <select id="f-comptes" name="comptes"><option value="0"${onlyAccounts ? '' : html` selected`}>${t('census.dashboard.filter.all')}</option><option value="1"${onlyAccounts ? html` selected` : ''}>${t(
        'census.dashboard.filter.accounts',
      )}</option></select> <button type="submit" class="small">${t('census.entries.pick.submit')}</button></form>
  <table class="dashboard"><thead><tr><th scope="col">${t('census.dashboard.collectivity')}</th><th scope="col">${t('census.dashboard.contributors')}</th><th scope="col">${t(
        'census.dashboard.answer',
      )}</th><th scope="col">${t('census.dashboard.proposals')}</th></tr></thead><tbody>${rows.map(
        (row) => html`<tr class="answer-${row.answer}${row.neverSignedIn ? ' never' : ''}"><th scope="row"><a href="${memberPaths.campaign(campaignId, row.collectivityId)}">${row.name}</a> <span class="muted">${row.country}</span></th><td>${
          row.contributors.length === 0
            ? html`<span class="muted">${t('census.dashboard.noAccount')}</span>`
            : html`<ul class="compact">${row.contributors.map(
                (person) => html`<li>${person.name} &lt;${person.email}&gt; — ${
                  person.lastSignInAt ? t('census.dashboard.lastSignIn', { date: formatDateTime(c.locale, person.lastSignInAt) }) : html`<strong>${t('census.dashboard.neverSignedIn')}</strong>`
                }${person.disabled ? html` (${t('admin.users.status.disabled')})` : ''}</li>`,
              )}</ul>`
        }</td><td>${
          row.answer === 'submitted' && row.submittedAt ? t('census.dashboard.answer.submitted', { date: formatDateTime(c.locale, row.submittedAt) }) : t(`census.dashboard.answer.${row.answer}` as MessageKey, { date: '' })
        }</td><td>${t('census.dashboard.counts', row.proposals)}</td></tr>`,
      )}</tbody></table>
  </section>`;
      return members.send(request, reply, {
        title,
        breadcrumbs: [censusCrumb(c), { href: memberPaths.campaign(campaignId), label: dashboard.campaign.title }, { href: memberPaths.dashboard(campaignId), label: t('census.dashboard') }],
        body,
      });
    }),
  );
}
