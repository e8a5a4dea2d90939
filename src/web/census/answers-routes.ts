/**
 * The campaign's answers as editors follow them: counted by country and by kind of collectivity
 * (a section of the dashboard), exported as CSV (`/recensement/:campaign/reponses.csv`, one line
 * per collectivity), and, for administrators, every collectivity invited at once
 * (`POST /recensement/:campaign/inviter-tous`, then the list of those left out and why).
 */
import type { FastifyInstance } from 'fastify';
import { requireAdmin, requireEditor } from '../../accounts/roles.js';
import type { AnswerCount } from '../../census/answer-counts.js';
import { createCampaignMail } from '../../census/campaign-mail.js';
import type { Dashboard } from '../../census/index.js';
import { toCsv } from '../../stats/csv.js';
import { csrfField, guarded } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { html, type SafeHtml } from '../html.js';
import { countryLabel, kindLabel } from '../i18n/codes.js';
import { formatPercent } from '../i18n/index.js';
import type { RenderContext } from '../page.js';
import type { CensusRouteKit } from './route-kit.js';

/** The dashboard's section: answers by country and by kind, the export, and (administrators) invite everyone. */
export function answersSection(dashboard: Pick<Dashboard, 'byCountry' | 'byKind'> & { campaign: { id: string } }, c: RenderContext, options: { csrf: string; admin: boolean }): SafeHtml {
  const { t } = c;
  const id = dashboard.campaign.id;
  const table = (caption: string, counts: readonly AnswerCount[], withKind: boolean) => html`<div class="table-scroll" role="region" aria-label="${caption}" tabindex="0"><table class="dashboard answers"><caption>${caption}</caption><thead><tr>
<th scope="col">${t('census.answers.country')}</th>${withKind ? html`<th scope="col">${t('census.answers.kind')}</th>` : ''}<th scope="col" class="num">${t('census.answers.collectivities')}</th><th scope="col" class="num">${t('census.answers.withAccount')}</th><th scope="col" class="num">${t('census.answers.submitted')}</th><th scope="col" class="num">${t('census.answers.draft')}</th><th scope="col" class="num">${t('census.answers.none')}</th><th scope="col" class="num">${t('census.answers.share')}</th>
</tr></thead><tbody>${counts.map(
    (row) => html`<tr><th scope="row">${countryLabel(c.locale, row.country)}</th>${withKind ? html`<td>${kindLabel(c.locale, row.kind ?? '')}</td>` : ''}<td class="num">${row.collectivities}</td><td class="num">${row.withAccount}</td><td class="num">${row.submitted}</td><td class="num">${row.draft}</td><td class="num">${row.none}</td><td class="num">${formatPercent(c.locale, row.collectivities === 0 ? 0 : row.submitted / row.collectivities)}</td></tr>`,
  )}</tbody></table></div>`;
  return html`<section class="answers" aria-labelledby="reponses">
<h2 id="reponses">${t('census.answers.title')}</h2>
${table(t('census.answers.byCountry'), dashboard.byCountry, false)}
${table(t('census.answers.byKind'), dashboard.byKind, true)}
<p><a href="${memberPaths.answersCsv(id)}" download>${t('census.answers.csv')}</a></p>
${options.admin ? html`<h2>${t('census.inviteAll.title')}</h2><p>${t('census.inviteAll.intro')}</p><form method="post" action="${memberPaths.inviteAll(id)}">${csrfField(options.csrf)}<button type="submit">${t('census.inviteAll.submit')}</button></form>` : ''}
</section>`;
}

export function registerAnswersRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, census, censusCrumb, campaignRequest } = kit;

  app.get(
    '/recensement/:campaign/reponses.csv',
    guarded(members, async (request, reply) => {
      const { actor: asker, campaignId } = campaignRequest(request);
      const actor = requireEditor(asker);
      const dashboard = await census.campaigns.dashboard(actor, { campaignId });
      const { t } = await members.context(request);
      const header = (['census.answers.id', 'census.answers.name', 'census.answers.country', 'census.answers.kind', 'census.answers.answer', 'census.answers.submittedAt', 'census.answers.contributors', 'census.answers.proposals'] as const).map((key) => t(key));
      const rows = dashboard.rows.map((row) => [
        row.collectivityId,
        row.name,
        row.country,
        row.kind,
        row.answer,
        row.submittedAt,
        row.contributors.map((person) => person.email).join('; '),
        `${row.proposals.draft}/${row.proposals.submitted}/${row.proposals.approved}/${row.proposals.rejected}`,
      ]);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="reponses-${campaignId.replace(/[^A-Za-z0-9-]/g, '')}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(toCsv(header, rows));
    }),
  );

  app.post(
    '/recensement/:campaign/inviter-tous',
    guarded(members, async (request, reply) => {
      const { actor, campaignId } = campaignRequest(request);
      const admin = requireAdmin(actor);
      const c = await members.context(request);
      const { t } = c;
      const campaign = (await census.campaigns.dashboard(admin, { campaignId })).campaign;
      const result = await createCampaignMail({ db: members.db, accounts: members.accounts }).inviteAll(admin, { campaignId });
      const body = html`<section class="member-page">
<h1>${t('census.inviteAll.title')}</h1>
<p class="success" role="status">${t('census.inviteAll.done', { invited: result.invited.length, skipped: result.skipped.length })}</p>
<h2>${t('census.inviteAll.invited')}</h2>
<ul>${result.invited.map((item) => html`<li>${item.name} &lt;${item.email}&gt;</li>`)}</ul>
<h2>${t('census.inviteAll.skipped')}</h2>
<ul>${result.skipped.map((item) => html`<li>${item.name} — ${t(`census.inviteAll.reason.${item.reason}`)}${item.email ? html` (${item.email})` : ''}</li>`)}</ul>
<p><a href="${memberPaths.dashboard(campaignId)}">${t('census.dashboard')}</a></p>
</section>`;
      return members.send(request, reply, {
        title: t('census.inviteAll.title'),
        breadcrumbs: [censusCrumb(c), { href: memberPaths.campaign(campaignId), label: campaign.title }, { href: memberPaths.dashboard(campaignId), label: t('census.dashboard') }],
        body,
      });
    }),
  );
}
