/**
 * A campaign's drafts: one record's form, new projects and partnerships, a new record's draft
 * edited again, closing a project, withdrawing a draft and submitting the collectivity's answer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, isEditor } from '../../accounts/roles.js';
import type { CampaignEntries, Entry, RecordType } from '../../census/index.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { field, guarded, notFound, queryParam } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { html } from '../html.js';
import { bodyValues, formErrors, formValues, parseForm, recordFields, type FormValues } from './forms.js';
import { recordFormPage, recordLabel } from './render.js';
import { listEdit } from './form-lists.js';
import { baseVersionOf, listOptions, OUTSIDE, routeParam, type CampaignFormState, type CensusRouteKit } from './route-kit.js';

export function registerDraftRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, census, fieldChoices, csrfOf, recordTypeOf, censusCrumb, conflictPage, withKept, campaignRequest, backToCampaign, entriesOf } = kit;
  // one record's form in a campaign

  const findEntry = (entries: CampaignEntries, recordType: RecordType, recordId: string): Entry | undefined => {
    if (recordType === 'collectivity') return entries.collectivity.recordId === recordId ? entries.collectivity : undefined;
    if (recordType === 'partnership') return entries.partnerships.find((p) => p.recordId === recordId);
    return entries.partnerships.flatMap((p) => p.projects).find((p) => p.recordId === recordId);
  };

  /** `target`: the record when it is not the route's (closing a project shows the project's form) */
  const campaignRecordPage = async (request: FastifyRequest, reply: FastifyReply, state: CampaignFormState, status = 200, target?: { type: string; id: string }) => {
    const { actor, campaignId, collectivityId: asked } = campaignRequest(request);
    const recordType = recordTypeOf(target?.type ?? routeParam(request, 'type'));
    const recordId = target?.id ?? routeParam(request, 'id');
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
        fields: { ...fieldChoices(dir), ...listOptions(state) },
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
      const { actor, campaignId, collectivityId } = campaignRequest(request);
      const recordType = recordTypeOf(routeParam(request, 'type'));
      const recordId = routeParam(request, 'id');
      const specs = recordFields(recordType);
      const values = bodyValues(request.body);
      const list = listEdit(request.body, values);
      if (list !== undefined) return campaignRecordPage(request, reply, { values: list.values, list });
      const parsed = parseForm(specs, values);
      const current = await census.history.current({ recordType, recordId }).catch(() => undefined);
      const proposalId = field(request, 'proposalId') || undefined;
      try {
        await census.campaigns.saveDraft(actor, {
          campaignId,
          recordType,
          recordId,
          action: 'update',
          data: withKept(parsed.data, current?.data),
          baseVersion: baseVersionOf(request),
          ...(proposalId ? { proposalId } : {}),
          ...(collectivityId ? { collectivityId } : {}),
        });
        return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'brouillon' }), 303);
      } catch (error) {
        const c = await members.context(request);
        if (error instanceof ValidationError) return campaignRecordPage(request, reply, { values, errors: formErrors(specs, error, parsed, c) }, 422);
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
    const { actor, campaignId, collectivityId: asked } = campaignRequest(request);
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
        fields: { ...fieldChoices(dir), ...listOptions(state), minItems: { parties: 2 } },
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
        const { actor, campaignId, collectivityId } = campaignRequest(request);
        const recordType: RecordType = kind === 'projet' ? 'project' : 'partnership';
        const specs = recordFields(recordType);
        const values = bodyValues(request.body);
        delete values.collectivityId;
        delete values.parentId;
        const list = listEdit(request.body, values);
        if (list !== undefined) return newRecordPage(request, reply, kind, { values: list.values, list });
        const parsed = parseForm(specs, values);
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
          return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'brouillon' }), 303);
        } catch (error) {
          const c = await members.context(request);
          if (error instanceof ValidationError) return newRecordPage(request, reply, kind, { values, errors: formErrors(specs, error, parsed, c) }, 422);
          throw error;
        }
      }),
    );
  }

  // a draft of a new record, edited again
  const draftPage = async (request: FastifyRequest, reply: FastifyReply, state: CampaignFormState, status = 200) => {
    const { actor, campaignId, collectivityId } = campaignRequest(request);
    const proposalId = routeParam(request, 'proposal');
    const entries = await entriesOf(actor, campaignId, collectivityId);
    const proposal = entries.created.find((p) => p.id === proposalId && p.status === 'draft');
    if (proposal === undefined) throw notFound('Brouillon introuvable.', { key: 'failure.draft.unknown' });
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory();
    const onBehalf = isEditor(actor) ? entries.collectivityId : undefined;
    const back = { href: memberPaths.campaign(campaignId, onBehalf), label: entries.campaign.title };
    const specs = recordFields(proposal.recordType);
    const title = t('census.form.draft.title', { label: recordLabel(dir, proposal.recordType, proposal.recordId, proposal.data) });
    const page = recordFormPage(
      {
        title,
        breadcrumbs: [censusCrumb(c), back, { href: request.url, label: title }],
        action: memberPaths.campaignDraft(campaignId, proposal.id),
        csrf: csrfOf(request),
        specs,
        values: state.values ?? formValues(specs, proposal.data),
        errors: state.errors ?? {},
        hidden: { collectivityId: onBehalf },
        submit: t('census.form.save'),
        cancel: { href: back.href, label: t('census.form.cancel') },
        fields: { ...fieldChoices(dir), ...listOptions(state), minItems: proposal.recordType === 'partnership' ? { parties: 2 } : {} },
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
      const { actor, campaignId, collectivityId } = campaignRequest(request);
      const proposalId = routeParam(request, 'proposal');
      const entries = await entriesOf(actor, campaignId, collectivityId);
      const proposal = entries.created.find((p) => p.id === proposalId && p.status === 'draft');
      if (proposal === undefined) throw notFound('Brouillon introuvable.', { key: 'failure.draft.unknown' });
      const specs = recordFields(proposal.recordType);
      const values = bodyValues(request.body);
      delete values.collectivityId;
      const list = listEdit(request.body, values);
      if (list !== undefined) return draftPage(request, reply, { values: list.values, list });
      const parsed = parseForm(specs, values);
      try {
        await census.campaigns.saveDraft(actor, {
          campaignId: campaignId,
          proposalId: proposal.id,
          recordType: proposal.recordType,
          action: 'create',
          data: parsed.data,
          ...(proposal.parentId ? { parentId: proposal.parentId } : {}),
          ...(collectivityId ? { collectivityId } : {}),
        });
        return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'brouillon' }), 303);
      } catch (error) {
        const c = await members.context(request);
        if (error instanceof ValidationError) return draftPage(request, reply, { values, errors: formErrors(specs, error, parsed, c) }, 422);
        throw error;
      }
    }),
  );

  app.post(
    '/recensement/:campaign/clore-projet',
    guarded(members, async (request, reply) => {
      const { actor, campaignId, collectivityId } = campaignRequest(request);
      const endDate = (field(request, 'endDate') ?? '').trim();
      const projectId = field(request, 'projectId') ?? '';
      try {
        await census.campaigns.closeProject(actor, {
          campaignId,
          projectId,
          baseVersion: baseVersionOf(request),
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
          return campaignRecordPage(request, reply, { values, errors: formErrors(specs, error, undefined, c) }, 422, { type: 'projet', id: projectId });
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
      return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'brouillon' }), 303);
    }),
  );

  app.post(
    '/recensement/:campaign/retirer',
    guarded(members, async (request, reply) => {
      const { actor, campaignId, collectivityId } = campaignRequest(request);
      await census.campaigns.withdraw(actor, { proposalId: field(request, 'proposalId') ?? '' });
      return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'retire' }), 303);
    }),
  );

  app.post(
    '/recensement/:campaign/envoyer',
    guarded(members, async (request, reply) => {
      const { actor, campaignId, collectivityId } = campaignRequest(request);
      const { submitted } = await census.campaigns.submit(actor, { campaignId, ...(collectivityId ? { collectivityId } : {}) });
      return reply.redirect(backToCampaign(campaignId, collectivityId, { fait: 'envoye', envoyees: submitted }), 303);
    }),
  );
}
