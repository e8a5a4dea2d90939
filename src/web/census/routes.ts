/**
 * The census pages, on the census services (which check every right themselves):
 *
 *   /recensement                                  campaigns; editors open and close them
 *   /recensement/:campaign[?collectivite=]        a collectivity's records, pre-filled, with their state
 *   /recensement/:campaign/fiche/:type/:id        one record's form → a draft (POST)
 *   /recensement/:campaign/nouveau/projet|partenariat   a new project / partnership → a draft
 *   /recensement/:campaign/clore-projet|retirer|envoyer  close a project, withdraw a draft, submit
 *   /recensement/:campaign/tableau-de-bord        who answered, who is pending, who never signed in
 *   /relecture, /relecture/:proposal              the editors' queue, one proposal's diff;
 *   /relecture/:proposal/accepter|refuser|modifier  approve, reject with a comment, edit then approve
 *   /historique/:type/:id[?de=&a=]                versions, a diff between two; editors revert
 *   /modifier/:type/:id                           an editor's direct edit
 *
 * Every edit form carries the version it was loaded with: a save based on an older one gets the
 * conflict page (409), both versions side by side and the person's own version ready to re-apply.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, isEditor, requireEditor, type Actor } from '../../accounts/roles.js';
import type { CampaignEntries, Entry, Proposal, RecordData, RecordType } from '../../census/index.js';
import { diffRecords } from '../../census/diff.js';
import { ConflictError, isRepertoireError, RepertoireError, ValidationError } from '../../errors.js';
import type { Directory } from '../data/directory.js';
import { csrfField, field, guarded, notFound, queryParam, type Members } from '../auth/members.js';
import { memberPaths, typeOfSlug } from '../auth/paths.js';
import { html, type SafeHtml } from '../html.js';
import { formatDateTime, tn, type MessageKey } from '../i18n/index.js';
import type { Link } from '../pages/common.js';
import type { RenderContext } from '../page.js';
import { bodyValues, formErrors, formValues, parseForm, recordFields, type FieldSpec, type FormValues } from './forms.js';
import { capitalise, changesTable, publicPath, recordForm, recordFormPage, recordIsPublished, recordLabel, valueHtml } from './render.js';

const EDITABLE: readonly RecordType[] = ['collectivity', 'partnership', 'project'];
const OUTSIDE = 'Vous ne pouvez proposer de modification que pour votre collectivité, ses partenariats et leurs projets.';

type Params = Record<string, string>;

export function registerCensusRoutes(app: FastifyInstance, members: Members): void {
  const { census } = members;
  const collectivityNames = (dir: Directory | undefined) => new Map((dir?.collectivities ?? []).map((k) => [k.id, k.name] as const));
  const csrfOf = (request: FastifyRequest) => request.member!.csrfToken;
  const recordTypeOf = (slug: string | undefined): RecordType => {
    const type = slug === undefined ? undefined : typeOfSlug(slug);
    if (type === undefined || !EDITABLE.includes(type)) throw notFound(`type de fiche inconnu : ${slug ?? ''}`);
    return type;
  };
  const censusCrumb = (c: RenderContext): Link => ({ href: memberPaths.census(), label: c.t('census.title') });

  // ------------------------------------------------------------------------------------------
  // conflicts

  interface ConflictOptions {
    error: ConflictError;
    recordType: RecordType;
    action: string;
    values: FormValues;
    hidden: Record<string, string | undefined>;
    back: Link;
  }

  const conflictPage = async (request: FastifyRequest, reply: FastifyReply, o: ConflictOptions) => {
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory().catch(() => undefined);
    const { theirs, yours } = o.error;
    const specs = recordFields(o.recordType);
    const label = recordLabel(dir, o.recordType, o.error.recordId, (theirs.data ?? yours.data) as RecordData | undefined);
    const differences = diffRecords(theirs.data, yours.data).filter((change) => change.field !== 'source');
    const body = html`<section class="member-page conflict">
<h1>${t('conflict.title')} : ${label}</h1>
<div class="error-summary" role="alert" id="erreurs"><p>${t('conflict.text', {
      version: theirs.version,
      by: theirs.by ? t('conflict.by', { name: theirs.by }) : '',
      at: theirs.at ? t('conflict.at', { date: formatDateTime(c.locale, theirs.at) }) : '',
      base: yours.version,
    })}</p></div>
${differences.length === 0 ? html`<p>${t('conflict.same')}</p>` : changesTable(differences, c, { before: t('conflict.theirs', { version: theirs.version }), after: t('conflict.yours') })}
<h2>${t('conflict.reapply')}</h2>
<p>${t('conflict.reapply.text', { version: theirs.version })}</p>
${recordForm(
  {
    action: o.action,
    csrf: csrfOf(request),
    specs,
    values: o.values,
    errors: {},
    hidden: { ...o.hidden, baseVersion: String(theirs.version) },
    submit: t('conflict.reapply'),
    cancel: { href: o.back.href, label: t('conflict.abandon') },
    fields: { collectivities: collectivityNames(dir), countries: dir?.record.countries },
  },
  c,
)}
</section>`;
    return members.send(request, reply, { title: t('conflict.title'), breadcrumbs: [o.back, { href: request.url, label: t('conflict.title') }], body }, 409);
  };

  /** The record as the form made it, with what the form does not show (its provenance) kept. */
  const withKept = (data: Record<string, unknown>, current: unknown): Record<string, unknown> => {
    const source = (current as { source?: unknown } | undefined)?.source;
    return source === undefined ? data : { ...data, source };
  };

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

  /** The collectivity a request works on: a contributor's own; for an editor, the one asked for. */
  const collectivityAsked = (request: FastifyRequest, actor: Actor): string | undefined => {
    if (!isEditor(actor)) return undefined;
    return queryParam(request, 'collectivite') ?? (field(request, 'collectivityId') || undefined);
  };

  const entriesOf = async (actor: Actor, campaignId: string, collectivityId: string | undefined): Promise<CampaignEntries> =>
    census.campaigns.entries(actor, { campaignId, ...(collectivityId ? { collectivityId } : {}) });

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

  // one record's form in a campaign
  interface CampaignFormState {
    values?: FormValues;
    errors?: Record<string, string>;
  }

  const findEntry = (entries: CampaignEntries, recordType: RecordType, recordId: string): Entry | undefined => {
    if (recordType === 'collectivity') return entries.collectivity.recordId === recordId ? entries.collectivity : undefined;
    if (recordType === 'partnership') return entries.partnerships.find((p) => p.recordId === recordId);
    return entries.partnerships.flatMap((p) => p.projects).find((p) => p.recordId === recordId);
  };

  const campaignRecordPage = async (request: FastifyRequest, reply: FastifyReply, state: CampaignFormState, status = 200) => {
    const actor = members.actor(request);
    const params = request.params as Params;
    const campaignId = params.campaign!;
    const recordType = recordTypeOf(params.type);
    const recordId = params.id!;
    const asked = collectivityAsked(request, actor);
    const entries = await entriesOf(actor, campaignId, asked);
    if (entries.campaign.status !== 'open') throw forbidden(`La campagne « ${entries.campaign.title} » est close.`);
    const entry = findEntry(entries, recordType, recordId);
    if (entry === undefined) throw forbidden(OUTSIDE);
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory();
    const specs = recordFields(recordType);
    const label = recordLabel(dir, recordType, recordId, entry.current);
    const onBehalf = isEditor(actor) ? entries.collectivityId : undefined;
    const back = { href: memberPaths.campaign(campaignId, onBehalf), label: entries.campaign.title };
    const page = recordFormPage(
      {
        title: t('census.form.update.title', { label }),
        breadcrumbs: [censusCrumb(c), back, { href: request.url, label }],
        action: memberPaths.campaignRecord(campaignId, recordType, recordId),
        csrf: csrfOf(request),
        specs,
        values: state.values ?? formValues(specs, entry.form),
        errors: state.errors ?? {},
        hidden: { baseVersion: String(entry.version), proposalId: entry.draft?.id, collectivityId: onBehalf },
        submit: t('census.form.save'),
        intro: html`<p class="muted">${t('census.form.version', { version: entry.version })}${entry.draft ? html` ${t('census.form.draftFrom')}` : ''}</p>${
          entry.stale ? html`<p class="notice">${t('census.entries.stale')}</p>` : ''
        }${entry.decided?.status === 'rejected' && entry.decided.comment ? html`<p class="notice">${t('census.rejected.comment', { comment: entry.decided.comment })}</p>` : ''}`,
        cancel: { href: back.href, label: t('census.form.cancel') },
        fields: { collectivities: collectivityNames(dir), countries: dir?.record.countries },
      },
      c,
    );
    return members.send(request, reply, page, status);
  };

  app.get(
    '/recensement/:campaign/fiche/:type/:id',
    guarded(members, async (request, reply) => campaignRecordPage(request, reply, {})),
  );

  app.post(
    '/recensement/:campaign/fiche/:type/:id',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const params = request.params as Params;
      const campaignId = params.campaign!;
      const recordType = recordTypeOf(params.type);
      const recordId = params.id!;
      const specs = recordFields(recordType);
      const values = bodyValues(request.body);
      const parsed = parseForm(specs, values);
      const current = await census.history.current({ recordType, recordId }).catch(() => undefined);
      const proposalId = field(request, 'proposalId') || undefined;
      const collectivityId = collectivityAsked(request, actor);
      const baseVersion = field(request, 'baseVersion') ?? '';
      try {
        await census.campaigns.saveDraft(actor, {
          campaignId,
          recordType,
          recordId,
          action: 'update',
          data: withKept(parsed.data, current?.data),
          baseVersion: baseVersion as unknown as number,
          ...(proposalId ? { proposalId } : {}),
          ...(collectivityId ? { collectivityId } : {}),
        });
        return reply.redirect(`${memberPaths.campaign(campaignId, collectivityId)}${collectivityId ? '&' : '?'}fait=brouillon`, 303);
      } catch (error) {
        const c = await members.context(request);
        if (error instanceof ValidationError) return campaignRecordPage(request, reply, { values, errors: formErrors(specs, error.fieldErrors, parsed, c) }, 422);
        if (error instanceof ConflictError) {
          return conflictPage(request, reply, {
            error,
            recordType,
            action: memberPaths.campaignRecord(campaignId, recordType, recordId),
            values,
            hidden: { proposalId, collectivityId },
            back: { href: memberPaths.campaign(campaignId, collectivityId), label: c.t('census.form.cancel') },
          });
        }
        throw error;
      }
    }),
  );

  // new records
  const newRecordPage = async (request: FastifyRequest, reply: FastifyReply, kind: 'projet' | 'partenariat', state: CampaignFormState, status = 200) => {
    const actor = members.actor(request);
    const campaignId = (request.params as Params).campaign!;
    const asked = collectivityAsked(request, actor);
    const entries = await entriesOf(actor, campaignId, asked);
    if (entries.campaign.status !== 'open') throw forbidden(`La campagne « ${entries.campaign.title} » est close.`);
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory();
    const onBehalf = isEditor(actor) ? entries.collectivityId : undefined;
    const back = { href: memberPaths.campaign(campaignId, onBehalf), label: entries.campaign.title };
    let title: string;
    let recordType: RecordType;
    let initial: FormValues;
    const hidden: Record<string, string | undefined> = { collectivityId: onBehalf };
    if (kind === 'projet') {
      const partnershipId = queryParam(request, 'partenariat') ?? field(request, 'parentId') ?? '';
      const partnership = entries.partnerships.find((p) => p.recordId === partnershipId);
      if (partnership === undefined) throw forbidden(OUTSIDE);
      recordType = 'project';
      title = t('census.form.newProject.title', { label: recordLabel(dir, 'partnership', partnershipId, partnership.current) });
      initial = { status: 'ongoing' };
      hidden.parentId = partnershipId;
    } else {
      recordType = 'partnership';
      title = t('census.form.newPartnership.title');
      const own = entries.collectivity.current;
      initial = { tier: 'full', 'parties[0].collectivityId': own.id, 'parties[0].country': own.country };
    }
    const specs = recordFields(recordType);
    const page = recordFormPage(
      {
        title,
        breadcrumbs: [censusCrumb(c), back, { href: request.url, label: title }],
        action: memberPaths.campaignNew(campaignId, kind),
        csrf: csrfOf(request),
        specs,
        values: state.values ?? initial,
        errors: state.errors ?? {},
        hidden,
        submit: t('census.form.save'),
        cancel: { href: back.href, label: t('census.form.cancel') },
        fields: { collectivities: collectivityNames(dir), countries: dir?.record.countries, minItems: { parties: 2 } },
      },
      c,
    );
    return members.send(request, reply, page, status);
  };

  for (const kind of ['projet', 'partenariat'] as const) {
    app.get(
      `/recensement/:campaign/nouveau/${kind}`,
      guarded(members, async (request, reply) => newRecordPage(request, reply, kind, {})),
    );
    app.post(
      `/recensement/:campaign/nouveau/${kind}`,
      guarded(members, async (request, reply) => {
        const actor = members.actor(request);
        const campaignId = (request.params as Params).campaign!;
        const recordType: RecordType = kind === 'projet' ? 'project' : 'partnership';
        const specs = recordFields(recordType);
        const values = bodyValues(request.body);
        delete values.collectivityId;
        delete values.parentId;
        const parsed = parseForm(specs, values);
        const collectivityId = collectivityAsked(request, actor);
        const parentId = field(request, 'parentId') || undefined;
        try {
          await census.campaigns.saveDraft(actor, {
            campaignId,
            recordType,
            action: 'create',
            data: parsed.data,
            ...(parentId ? { parentId } : {}),
            ...(collectivityId ? { collectivityId } : {}),
          });
          return reply.redirect(`${memberPaths.campaign(campaignId, collectivityId)}${collectivityId ? '&' : '?'}fait=brouillon`, 303);
        } catch (error) {
          const c = await members.context(request);
          if (error instanceof ValidationError) return newRecordPage(request, reply, kind, { values, errors: formErrors(specs, error.fieldErrors, parsed, c) }, 422);
          throw error;
        }
      }),
    );
  }

  // a draft of a new record, edited again
  const draftPage = async (request: FastifyRequest, reply: FastifyReply, state: CampaignFormState, status = 200) => {
    const actor = members.actor(request);
    const { campaign: campaignId, proposal: proposalId } = request.params as Params;
    const entries = await entriesOf(actor, campaignId!, collectivityAsked(request, actor));
    const proposal = entries.created.find((p) => p.id === proposalId && p.status === 'draft');
    if (proposal === undefined) throw notFound('Brouillon introuvable.');
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory();
    const onBehalf = isEditor(actor) ? entries.collectivityId : undefined;
    const back = { href: memberPaths.campaign(campaignId!, onBehalf), label: entries.campaign.title };
    const specs = recordFields(proposal.recordType);
    const title = t('census.form.draft.title', { label: recordLabel(dir, proposal.recordType, proposal.recordId, proposal.data) });
    const page = recordFormPage(
      {
        title,
        breadcrumbs: [censusCrumb(c), back, { href: request.url, label: title }],
        action: memberPaths.campaignDraft(campaignId!, proposal.id),
        csrf: csrfOf(request),
        specs,
        values: state.values ?? formValues(specs, proposal.data),
        errors: state.errors ?? {},
        hidden: { collectivityId: onBehalf },
        submit: t('census.form.save'),
        cancel: { href: back.href, label: t('census.form.cancel') },
        fields: { collectivities: collectivityNames(dir), countries: dir?.record.countries, minItems: proposal.recordType === 'partnership' ? { parties: 2 } : {} },
      },
      c,
    );
    return members.send(request, reply, page, status);
  };

  app.get(
    '/recensement/:campaign/proposition/:proposal',
    guarded(members, async (request, reply) => draftPage(request, reply, {})),
  );

  app.post(
    '/recensement/:campaign/proposition/:proposal',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const { campaign: campaignId, proposal: proposalId } = request.params as Params;
      const collectivityId = collectivityAsked(request, actor);
      const entries = await entriesOf(actor, campaignId!, collectivityId);
      const proposal = entries.created.find((p) => p.id === proposalId && p.status === 'draft');
      if (proposal === undefined) throw notFound('Brouillon introuvable.');
      const specs = recordFields(proposal.recordType);
      const values = bodyValues(request.body);
      delete values.collectivityId;
      const parsed = parseForm(specs, values);
      try {
        await census.campaigns.saveDraft(actor, {
          campaignId: campaignId!,
          proposalId: proposal.id,
          recordType: proposal.recordType,
          action: 'create',
          data: parsed.data,
          ...(proposal.parentId ? { parentId: proposal.parentId } : {}),
          ...(collectivityId ? { collectivityId } : {}),
        });
        return reply.redirect(`${memberPaths.campaign(campaignId!, collectivityId)}${collectivityId ? '&' : '?'}fait=brouillon`, 303);
      } catch (error) {
        const c = await members.context(request);
        if (error instanceof ValidationError) return draftPage(request, reply, { values, errors: formErrors(specs, error.fieldErrors, parsed, c) }, 422);
        throw error;
      }
    }),
  );

  app.post(
    '/recensement/:campaign/clore-projet',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const campaignId = (request.params as Params).campaign!;
      const collectivityId = collectivityAsked(request, actor);
      const endDate = (field(request, 'endDate') ?? '').trim();
      const projectId = field(request, 'projectId') ?? '';
      try {
        await census.campaigns.closeProject(actor, {
          campaignId,
          projectId,
          baseVersion: (field(request, 'baseVersion') ?? '') as unknown as number,
          ...(endDate ? { endDate } : {}),
          ...(collectivityId ? { collectivityId } : {}),
        });
      } catch (error) {
        if (error instanceof ValidationError) {
          // the end date is the only field of that small form: show the whole project form with the message
          const c = await members.context(request);
          const current = await census.history.current({ recordType: 'project', recordId: projectId });
          const specs = recordFields('project');
          const values = formValues(specs, { ...current.data, status: 'completed', endDate });
          (request.params as Params).type = 'projet';
          (request.params as Params).id = projectId;
          return campaignRecordPage(request, reply, { values, errors: formErrors(specs, error.fieldErrors, undefined, c) }, 422);
        }
        if (error instanceof ConflictError) {
          const c = await members.context(request);
          return conflictPage(request, reply, {
            error,
            recordType: 'project',
            action: memberPaths.campaignRecord(campaignId, 'project', projectId),
            values: formValues(recordFields('project'), error.yours.data),
            hidden: { collectivityId },
            back: { href: memberPaths.campaign(campaignId, collectivityId), label: c.t('census.form.cancel') },
          });
        }
        throw error;
      }
      return reply.redirect(`${memberPaths.campaign(campaignId, collectivityId)}${collectivityId ? '&' : '?'}fait=brouillon`, 303);
    }),
  );

  app.post(
    '/recensement/:campaign/retirer',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const campaignId = (request.params as Params).campaign!;
      const collectivityId = collectivityAsked(request, actor);
      await census.campaigns.withdraw(actor, { proposalId: field(request, 'proposalId') ?? '' });
      return reply.redirect(`${memberPaths.campaign(campaignId, collectivityId)}${collectivityId ? '&' : '?'}fait=retire`, 303);
    }),
  );

  app.post(
    '/recensement/:campaign/envoyer',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const campaignId = (request.params as Params).campaign!;
      const collectivityId = collectivityAsked(request, actor);
      const { submitted } = await census.campaigns.submit(actor, { campaignId, ...(collectivityId ? { collectivityId } : {}) });
      return reply.redirect(`${memberPaths.campaign(campaignId, collectivityId)}${collectivityId ? '&' : '?'}fait=envoye&envoyees=${submitted}`, 303);
    }),
  );

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

  // ------------------------------------------------------------------------------------------
  // review

  const STATUSES = ['submitted', 'approved', 'rejected'] as const;

  app.get(
    '/relecture',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const c = await members.context(request);
      const { t } = c;
      const asked = queryParam(request, 'etat');
      const status = (STATUSES as readonly string[]).includes(asked ?? '') ? (asked as (typeof STATUSES)[number]) : 'submitted';
      const items = await census.review.queue(actor, { status });
      const dir = await members.directory().catch(() => undefined);
      const said = queryParam(request, 'fait');
      const body = html`<section class="member-page">
<h1>${t('review.title')}</h1>
${said === 'acceptee' ? html`<p class="success" role="status">${t('review.approved', { version: queryParam(request, 'version') ?? '' })}</p>` : ''}
${said === 'refusee' ? html`<p class="success" role="status">${t('review.rejected')}</p>` : ''}
<p>${t('review.intro')}</p>
<form method="get" action="${memberPaths.queue()}" class="filter-form"><label for="f-etat">${t('review.filter')}</label>
<select id="f-etat" name="etat">${STATUSES.map((s) => html`<option value="${s}"${s === status ? html` selected` : ''}>${t(`census.state.${s}`)}</option>`)}</select>
<button type="submit" class="small">${t('review.filter.submit')}</button></form>
${items.length === 0
  ? html`<p>${t('review.none')}</p>`
  : html`<table class="queue"><thead><tr><th scope="col">${t('review.record')}</th><th scope="col">${t('review.from')}</th><th scope="col">${t('review.author')}</th><th scope="col">${t(
      'review.submittedAt',
    )}</th></tr></thead><tbody>${items.map((item) => {
      const label = recordLabel(dir, item.recordType, item.recordId, item.data ?? item.baseData);
      return html`<tr><td><a href="${memberPaths.proposal(item.id)}">${t(`census.type.${item.recordType}`)} : ${label}</a> <span class="muted">(${t(`census.action.${item.action}`)})</span>${
        item.stale && item.status === 'submitted' ? html` <span class="badge state-stale">${t('review.stale')}</span>` : ''
      }</td><td>${item.originKind === 'import' ? html`${t('review.origin.import')} ${item.batch ?? ''}` : html`${t('review.origin.campaign')}${item.collectivityName ? html` — ${item.collectivityName}` : ''}`}</td><td>${
        item.authorName ?? ''
      }</td><td>${item.submittedAt ? formatDateTime(c.locale, item.submittedAt) : ''}</td></tr>`;
    })}</tbody></table>`}
</section>`;
      return members.send(request, reply, { title: t('review.title'), breadcrumbs: [{ href: memberPaths.queue(), label: t('review.title') }], body });
    }),
  );

  const reviewPage = async (request: FastifyRequest, reply: FastifyReply, state: { comment?: string; error?: string } = {}, status = 200) => {
    const actor = requireEditor(members.actor(request));
    const proposalId = (request.params as Params).proposal!;
    const review = await census.review.review(actor, { proposalId });
    const { proposal } = review;
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory().catch(() => undefined);
    const label = recordLabel(dir, proposal.recordType, proposal.recordId, proposal.data ?? proposal.baseData);
    const title = t('review.proposal.title', { label });
    const csrf = csrfOf(request);
    const collectivity = proposal.collectivityId ? recordLabel(dir, 'collectivity', proposal.collectivityId) : (proposal.batch ?? '');
    const link = publicPath(proposal.recordType, proposal.recordId);
    const headings = { before: t('review.before'), after: t('review.after') };
    const body = html`<section class="member-page review">
<h1>${title}</h1>
<p>${capitalise(
      t('review.proposal.meta', {
        action: t(`census.action.${proposal.action}`),
        type: t(`census.type.${proposal.recordType}`),
        author: proposal.authorName ?? t('history.system'),
        collectivity,
        date: formatDateTime(c.locale, proposal.submittedAt ?? proposal.updatedAt),
      }),
    )}${link && review.current ? html` <a href="${link}">${t('history.view')}</a>` : ''}</p>
${review.stale ? html`<p class="notice">${t('review.proposal.staleText')}</p>` : ''}
<h2>${t('review.changes')}</h2>
${changesTable(review.changes.filter((change) => change.field !== 'source'), c, headings)}
${review.stale && review.changedSince.length > 0 ? html`<h2>${t('review.changedSince')}</h2>${changesTable(review.changedSince, c, headings)}` : ''}
${proposal.status === 'submitted'
  ? html`<div class="decisions">
<form method="post" action="${memberPaths.proposalAction(proposal.id, 'accepter')}" class="member-form decision">${csrfField(csrf)}
<h2>${t('review.approve')}</h2>
<div class="field"><label for="f-approve-comment">${t('review.approve.comment')}</label><textarea id="f-approve-comment" name="comment" rows="2"></textarea></div>
<p><button type="submit">${t('review.approve')}</button></p></form>
<form method="post" action="${memberPaths.proposalAction(proposal.id, 'refuser')}" class="member-form decision" novalidate>${csrfField(csrf)}
<h2>${t('review.reject')}</h2>
${state.error ? html`<div class="error-summary" role="alert" id="erreurs"><ul><li><a href="#f-reject-comment">${t('review.reject.comment')} : ${state.error}</a></li></ul></div>` : ''}
<div class="field${state.error ? ' has-error' : ''}"><label for="f-reject-comment">${t('review.reject.comment')} <span class="required">${t('form.required')}</span></label>
<p class="hint" id="f-reject-comment-hint">${t('review.reject.hint')}</p>
${state.error ? html`<p class="field-error" id="f-reject-comment-error"><span class="visually-hidden">${t('form.error.prefix')} </span>${state.error}</p>` : ''}
<textarea id="f-reject-comment" name="comment" rows="3" aria-required="true" aria-describedby="f-reject-comment-hint${state.error ? ' f-reject-comment-error' : ''}"${state.error ? html` aria-invalid="true"` : ''}>${state.comment ?? ''}</textarea></div>
<p><button type="submit" class="danger">${t('review.reject')}</button></p></form>
${proposal.action === 'remove' ? '' : html`<p><a href="${memberPaths.proposalAction(proposal.id, 'modifier')}">${t('review.edit')}</a></p>`}
</div>`
  : html`<p>${t('review.decided', { status: t(`census.state.${proposal.status}`), by: proposal.decidedByName ?? '', date: proposal.decidedAt ? formatDateTime(c.locale, proposal.decidedAt) : '' })}${
      proposal.comment ? html` ${t('census.rejected.comment', { comment: proposal.comment })}` : ''
    }</p>`}
<p><a href="${memberPaths.queue()}">${t('review.back')}</a></p>
</section>`;
    return members.send(request, reply, { title, breadcrumbs: [{ href: memberPaths.queue(), label: t('review.title') }, { href: memberPaths.proposal(proposal.id), label }], body }, status);
  };

  app.get(
    '/relecture/:proposal',
    guarded(members, async (request, reply) => reviewPage(request, reply)),
  );

  const proposalConflict = async (request: FastifyRequest, reply: FastifyReply, error: ConflictError, proposalId: string, values?: FormValues) => {
    const c = await members.context(request);
    const recordType = error.recordType as RecordType;
    return conflictPage(request, reply, {
      error,
      recordType,
      action: memberPaths.proposalAction(proposalId, 'modifier'),
      values: values ?? formValues(recordFields(recordType), error.yours.data),
      hidden: {},
      back: { href: memberPaths.proposal(proposalId), label: c.t('review.title') },
    });
  };

  app.post(
    '/relecture/:proposal/accepter',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const proposalId = (request.params as Params).proposal!;
      const comment = (field(request, 'comment') ?? '').trim();
      try {
        const { version } = await census.review.approve(actor, { proposalId, ...(comment ? { comment } : {}) });
        return reply.redirect(`${memberPaths.queue()}?fait=acceptee&version=${version}`, 303);
      } catch (error) {
        if (error instanceof ConflictError) return proposalConflict(request, reply, error, proposalId);
        if (isRepertoireError(error, 'conflict')) return reviewPage(request, reply, {}, 409);
        throw error;
      }
    }),
  );

  app.post(
    '/relecture/:proposal/refuser',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const proposalId = (request.params as Params).proposal!;
      const comment = field(request, 'comment') ?? '';
      try {
        await census.review.reject(actor, { proposalId, comment });
        return reply.redirect(`${memberPaths.queue()}?fait=refusee`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const c = await members.context(request);
          const message = error.fieldErrors.comment ?? Object.values(error.fieldErrors)[0] ?? '';
          return reviewPage(request, reply, { comment, error: /obligatoire/.test(message) ? c.t('form.error.required') : message }, 422);
        }
        throw error;
      }
    }),
  );

  const editProposalPage = async (request: FastifyRequest, reply: FastifyReply, state: CampaignFormState & { baseVersion?: string }, status = 200) => {
    const actor = requireEditor(members.actor(request));
    const proposalId = (request.params as Params).proposal!;
    const review = await census.review.review(actor, { proposalId });
    const { proposal } = review;
    if (proposal.status !== 'submitted') throw new RepertoireError('conflict', 'Cette proposition a déjà été traitée.', 409);
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory().catch(() => undefined);
    const specs = recordFields(proposal.recordType);
    const label = recordLabel(dir, proposal.recordType, proposal.recordId, proposal.data ?? proposal.baseData);
    const page = recordFormPage(
      {
        title: t('review.edit.title', { label }),
        breadcrumbs: [{ href: memberPaths.queue(), label: t('review.title') }, { href: memberPaths.proposal(proposal.id), label }, { href: request.url, label: t('review.edit') }],
        action: memberPaths.proposalAction(proposal.id, 'modifier'),
        csrf: csrfOf(request),
        specs,
        values: state.values ?? formValues(specs, proposal.data),
        errors: state.errors ?? {},
        hidden: { baseVersion: state.baseVersion ?? String(review.current?.version ?? proposal.baseVersion) },
        submit: t('review.edit.submit'),
        cancel: { href: memberPaths.proposal(proposal.id), label: t('review.back') },
        fields: { collectivities: collectivityNames(dir), countries: dir?.record.countries, minItems: proposal.recordType === 'partnership' ? { parties: 2 } : {} },
      },
      c,
    );
    return members.send(request, reply, page, status);
  };

  app.get(
    '/relecture/:proposal/modifier',
    guarded(members, async (request, reply) => editProposalPage(request, reply, {})),
  );

  app.post(
    '/relecture/:proposal/modifier',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const proposalId = (request.params as Params).proposal!;
      const review = await census.review.review(actor, { proposalId });
      const specs = recordFields(review.proposal.recordType);
      const values = bodyValues(request.body);
      delete values.baseVersion;
      const parsed = parseForm(specs, values);
      const baseVersion = field(request, 'baseVersion') ?? '';
      try {
        const { version } = await census.review.approve(actor, {
          proposalId,
          data: withKept(parsed.data, review.proposal.data ?? review.current?.data),
          baseVersion: baseVersion as unknown as number,
        });
        return reply.redirect(`${memberPaths.queue()}?fait=acceptee&version=${version}`, 303);
      } catch (error) {
        const c = await members.context(request);
        if (error instanceof ValidationError) return editProposalPage(request, reply, { values, errors: formErrors(specs, error.fieldErrors, parsed, c), baseVersion }, 422);
        if (error instanceof ConflictError) return proposalConflict(request, reply, error, proposalId, values);
        throw error;
      }
    }),
  );

  // ------------------------------------------------------------------------------------------
  // history

  const historyPage = async (request: FastifyRequest, reply: FastifyReply, state: { alert?: string } = {}, status = 200) => {
    const actor = members.actor(request);
    const params = request.params as Params;
    const recordType = recordTypeOf(params.type);
    const recordId = params.id!;
    const versions = await census.history.versions(actor, { recordType, recordId });
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory().catch(() => undefined);
    const last = versions[versions.length - 1];
    const label = recordLabel(dir, recordType, recordId, (last?.data ?? versions.findLast((v) => v.data !== undefined)?.data) as RecordData | undefined);
    const title = t('history.title', { label });
    const numbers = versions.map((v) => v.version);
    const askedFrom = Number(queryParam(request, 'de'));
    const askedTo = Number(queryParam(request, 'a'));
    const to = numbers.includes(askedTo) ? askedTo : last?.version;
    const from = numbers.includes(askedFrom) ? askedFrom : numbers[numbers.length - 2];
    const diff = from !== undefined && to !== undefined && from !== to ? await census.history.diff(actor, { recordType, recordId, from, to }) : undefined;
    const editor = isEditor(actor);
    const csrf = csrfOf(request);
    const said = queryParam(request, 'fait');
    const link = publicPath(recordType, recordId);
    const select = (name: string, id: string, selected: number | undefined) =>
      html`<select id="${id}" name="${name}">${numbers.map((n) => html`<option value="${String(n)}"${n === selected ? html` selected` : ''}>${String(n)}</option>`)}</select>`;
    const body = html`<section class="member-page history">
<h1>${title}</h1>
${said === 'retabli' ? html`<p class="success" role="status">${t('history.reverted', { from: queryParam(request, 'depuis') ?? '', version: queryParam(request, 'version') ?? '' })}</p>` : ''}
${state.alert ? html`<div class="error-summary" role="alert" id="erreurs"><p>${state.alert}</p></div>` : ''}
${link && (await recordIsPublished(dir, recordType, recordId)) ? html`<p><a href="${link}">${t('history.view')}</a></p>` : ''}
${versions.length === 0
  ? html`<p>${t('history.none')}</p>`
  : html`<h2>${t('history.versions')}</h2>
<table class="versions"><thead><tr><th scope="col">${t('history.version')}</th><th scope="col">${t('history.date')}</th><th scope="col">${t('history.by')}</th><th scope="col">${t(
      'history.origin',
    )}</th>${editor ? html`<th scope="col">${t('admin.users.actions')}</th>` : ''}</tr></thead><tbody>${[...versions].reverse().map(
      (v) => html`<tr><th scope="row">${String(v.version)}${v.version === last?.version ? html` <span class="badge">${t('history.current')}</span>` : ''}</th><td>${formatDateTime(c.locale, v.createdAt)}</td><td>${
        v.by ?? t('history.system')
      }</td><td>${v.originLabel}${v.removed ? html` <span class="badge">${t('history.removed')}</span>` : ''}</td>${
        editor
          ? html`<td>${
              v.version === last?.version
                ? ''
                : html`<form method="post" action="${memberPaths.revert(recordType, recordId)}" class="inline-form">${csrfField(csrf)}<input type="hidden" name="version" value="${String(
                    v.version,
                  )}"><input type="hidden" name="baseVersion" value="${String(last?.version ?? 0)}"><button type="submit" class="small">${t('history.revert', { version: v.version })}</button></form>`
            }</td>`
          : ''
      }</tr>`,
    )}</tbody></table>
${numbers.length > 1
  ? html`<h2>${t('history.compare')}</h2>
<form method="get" action="${memberPaths.history(recordType, recordId)}" class="filter-form">
<label for="f-de">${t('history.from')}</label> ${select('de', 'f-de', from)}
<label for="f-a">${t('history.to')}</label> ${select('a', 'f-a', to)}
<button type="submit" class="small">${t('history.compare.submit')}</button></form>
${diff
  ? html`<h3>${t('history.diff', { from: diff.from.version, to: diff.to.version })}</h3>${
      diff.changes.length === 0
        ? html`<p>${t('history.noDiff')}</p>`
        : changesTable(diff.changes, c, { before: `${t('history.version')} ${diff.from.version}`, after: `${t('history.version')} ${diff.to.version}` })
    }`
  : ''}`
  : ''}`}
</section>`;
    return members.send(request, reply, { title, breadcrumbs: [...(link ? [{ href: link, label }] : []), { href: memberPaths.history(recordType, recordId), label: t('member.tools.history') }], body }, status);
  };

  app.get(
    '/historique/:type/:id',
    guarded(members, async (request, reply) => historyPage(request, reply)),
  );

  app.post(
    '/historique/:type/:id/retablir',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const params = request.params as Params;
      const recordType = recordTypeOf(params.type);
      const recordId = params.id!;
      const version = field(request, 'version') ?? '';
      try {
        const saved = await census.history.revert(actor, { recordType, recordId, version: version as unknown as number, baseVersion: (field(request, 'baseVersion') ?? '') as unknown as number });
        return reply.redirect(`${memberPaths.history(recordType, recordId)}?fait=retabli&depuis=${encodeURIComponent(version)}&version=${saved.version}`, 303);
      } catch (error) {
        if (error instanceof ConflictError || error instanceof ValidationError) return historyPage(request, reply, { alert: error.message }, error instanceof ConflictError ? 409 : 422);
        throw error;
      }
    }),
  );

  // ------------------------------------------------------------------------------------------
  // an editor's direct edit

  const editPage = async (request: FastifyRequest, reply: FastifyReply, state: CampaignFormState & { baseVersion?: string }, status = 200) => {
    const actor = requireEditor(members.actor(request));
    const params = request.params as Params;
    const recordType = recordTypeOf(params.type);
    const recordId = params.id!;
    const current = await census.history.current({ recordType, recordId });
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory().catch(() => undefined);
    const specs = recordFields(recordType);
    const label = recordLabel(dir, recordType, recordId, current.data);
    const link = publicPath(recordType, recordId);
    void actor;
    const page = recordFormPage(
      {
        title: t('edit.title', { label }),
        breadcrumbs: [...(link ? [{ href: link, label }] : []), { href: request.url, label: t('member.tools.edit') }],
        action: memberPaths.edit(recordType, recordId),
        csrf: csrfOf(request),
        specs,
        values: state.values ?? formValues(specs, current.data),
        errors: state.errors ?? {},
        hidden: { baseVersion: state.baseVersion ?? String(current.version) },
        submit: t('edit.submit'),
        intro: html`<p class="muted">${t('census.form.version', { version: current.version })} <a href="${memberPaths.history(recordType, recordId)}">${t('member.tools.history')}</a></p>`,
        ...(link ? { cancel: { href: link, label: t('history.view') } } : {}),
        fields: { collectivities: collectivityNames(dir), countries: dir?.record.countries, minItems: recordType === 'partnership' ? { parties: 2 } : {} },
      },
      c,
    );
    return members.send(request, reply, page, status);
  };

  app.get(
    '/modifier/:type/:id',
    guarded(members, async (request, reply) => editPage(request, reply, {})),
  );

  app.post(
    '/modifier/:type/:id',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const params = request.params as Params;
      const recordType = recordTypeOf(params.type);
      const recordId = params.id!;
      const specs: readonly FieldSpec[] = recordFields(recordType);
      const values = bodyValues(request.body);
      delete values.baseVersion;
      const parsed = parseForm(specs, values);
      const current = await census.history.current({ recordType, recordId });
      const baseVersion = field(request, 'baseVersion') ?? '';
      const data = { ...withKept(parsed.data, current.data), [recordType === 'domain' ? 'code' : 'id']: recordId };
      try {
        await census.history.edit(actor, {
          recordType,
          recordId,
          baseVersion: baseVersion as unknown as number,
          data,
          ...(current.parentId ? { parentId: current.parentId } : {}),
        });
        return reply.redirect(publicPath(recordType, recordId) ?? memberPaths.history(recordType, recordId), 303);
      } catch (error) {
        const c = await members.context(request);
        if (error instanceof ValidationError) return editPage(request, reply, { values, errors: formErrors(specs, error.fieldErrors, parsed, c), baseVersion }, 422);
        if (error instanceof ConflictError) {
          return conflictPage(request, reply, {
            error,
            recordType,
            action: memberPaths.edit(recordType, recordId),
            values,
            hidden: {},
            back: { href: publicPath(recordType, recordId) ?? memberPaths.census(), label: c.t('history.view') },
          });
        }
        throw error;
      }
    }),
  );

  void valueHtml;
}
