/**
 * The census campaigns: the list (editors open and close them), a collectivity's records with
 * their state, and the editors' dashboard of who answered.
 */
import type { FastifyInstance } from 'fastify';
import { isEditor } from '../../accounts/roles.js';
import type { Entry, Proposal } from '../../census/index.js';
import { ValidationError } from '../../errors.js';
import type { Directory } from '../data/directory.js';
import { registerMemberPage } from '../auth/member-page.js';
import { csrfField, field, guarded, notFound, queryParam } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { html, type SafeHtml } from '../html.js';
import { formatDateTime, tn, type MessageKey } from '../i18n/index.js';
import type { Link } from '../pages/common.js';
import type { RenderContext } from '../page.js';
import { publicPath, recordLabel } from './render.js';
import { campaignsPage } from './pages/campaigns/index.js';
import { dashboardPage } from './pages/dashboard/index.js';
import { collectivityPicker } from './picker.js';
import type { CensusRouteKit } from './route-kit.js';

export function registerCampaignRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, census, csrfOf, censusCrumb, campaignRequest, entriesOf } = kit;
  // ------------------------------------------------------------------------------------------
  // campaigns

  const campaigns = registerMemberPage(app, members, campaignsPage);
  registerMemberPage(app, members, dashboardPage);

  app.post(
    '/recensement',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const title = field(request, 'title') ?? '';
      try {
        const campaign = await census.campaigns.open(actor, { title });
        return reply.redirect(memberPaths.campaign(campaign.id), 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const message = error.fieldErrors.title ?? Object.values(error.fieldErrors)[0] ?? '';
          return campaigns.show(request, reply, (view) => ({ ...view, openForm: { title, error: message } }), 422);
        }
        throw error;
      }
    }),
  );

  app.post(
    '/recensement/:campaign/clore',
    guarded(members, async (request, reply) => {
      const { actor, campaignId } = campaignRequest(request);
      await census.campaigns.close(actor, { campaignId });
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
      const { actor, campaignId, collectivityId: asked } = campaignRequest(request);
      const c = await members.context(request);
      const { t } = c;
      const dir = await members.directory();
      const campaigns = await census.campaigns.list(actor);
      const campaign = campaigns.find((k) => k.id === campaignId);
      if (campaign === undefined) throw notFound('Campagne de recensement inconnue.');
      const crumbs: Link[] = [censusCrumb(c), { href: memberPaths.campaign(campaign.id), label: campaign.title }];

      if (isEditor(actor) && asked === undefined) {
        const body = collectivityPicker({ campaignId: campaign.id, title: campaign.title, query: queryParam(request, 'nom') ?? '', collectivities: dir.collectivities }, c);
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
}
