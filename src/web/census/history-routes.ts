/**
 * A record's history (versions, a diff between two; editors revert) and an editor's direct edit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isEditor, requireEditor } from '../../accounts/roles.js';
import type { RecordData } from '../../census/index.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { csrfField, field, guarded, queryParam } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { html } from '../html.js';
import { withQuery } from '../paths.js';
import { formatDateTime } from '../i18n/index.js';
import { bodyValues, formErrors, formValues, parseForm, recordFields, type FieldSpec } from './forms.js';
import { changesTable, publicPath, recordFormPage, recordIsPublished, recordLabel } from './render.js';
import { listEdit } from './form-lists.js';
import { baseVersionOf, listOptions, routeParam, type CampaignFormState, type CensusRouteKit } from './route-kit.js';

export function registerHistoryRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, census, fieldChoices, csrfOf, recordTypeOf, conflictPage, withKept } = kit;
  // ------------------------------------------------------------------------------------------
  // history

  const historyPage = async (request: FastifyRequest, reply: FastifyReply, state: { alert?: string } = {}, status = 200) => {
    const actor = members.actor(request);
    const recordType = recordTypeOf(routeParam(request, 'type'));
    const recordId = routeParam(request, 'id');
    const versions = await census.history.versions(actor, { recordType, recordId });
    const c = await members.context(request);
    const { t } = c;
    const dir = await members.directory().catch(() => undefined);
    const last = versions[versions.length - 1];
    // a campaign is named by its title, never its id
    const campaignTitles = versions.some((v) => v.origin.kind === 'campaign' && v.origin.ref !== undefined)
      ? new Map((await census.campaigns.list(actor)).map((campaign) => [campaign.id, campaign.title]))
      : new Map<string, string>();
    const origin = (v: (typeof versions)[number]) => {
      const title = v.origin.kind === 'campaign' && v.origin.ref !== undefined ? campaignTitles.get(v.origin.ref) : undefined;
      return title === undefined ? v.originLabel : t('history.origin.campaign', { title });
    };
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
      }</td><td>${origin(v)}${v.removed ? html` <span class="badge">${t('history.removed')}</span>` : ''}</td>${
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
      const recordType = recordTypeOf(routeParam(request, 'type'));
      const recordId = routeParam(request, 'id');
      const version = field(request, 'version') ?? '';
      try {
        const saved = await census.history.revert(actor, { recordType, recordId, version, baseVersion: baseVersionOf(request) });
        return reply.redirect(withQuery(memberPaths.history(recordType, recordId), { fait: 'retabli', depuis: version, version: saved.version }), 303);
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
    const recordType = recordTypeOf(routeParam(request, 'type'));
    const recordId = routeParam(request, 'id');
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
        fields: { ...fieldChoices(dir), ...listOptions(state), minItems: recordType === 'partnership' ? { parties: 2 } : {} },
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
      const recordType = recordTypeOf(routeParam(request, 'type'));
      const recordId = routeParam(request, 'id');
      const specs: readonly FieldSpec[] = recordFields(recordType);
      const values = bodyValues(request.body);
      delete values.baseVersion;
      const list = listEdit(request.body, values);
      if (list !== undefined) return editPage(request, reply, { values: list.values, list, baseVersion: field(request, 'baseVersion') ?? '' });
      const parsed = parseForm(specs, values);
      const current = await census.history.current({ recordType, recordId });
      const baseVersion = field(request, 'baseVersion') ?? '';
      const data = { ...withKept(parsed.data, current.data), [recordType === 'domain' ? 'code' : 'id']: recordId };
      try {
        await census.history.edit(actor, {
          recordType,
          recordId,
          baseVersion,
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
}
