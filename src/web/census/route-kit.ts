/**
 * What the census pages share: the members' services, the record types a form may edit, the
 * conflict page (a save based on an older version: both versions side by side, the person's own
 * ready to re-apply), and the collectivity a request works on.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isEditor, type Actor } from '../../accounts/roles.js';
import type { CampaignEntries, RecordType } from '../../census/index.js';
import { diffRecords } from '../../census/diff.js';
import type { ConflictError } from '../../errors.js';
import type { Directory } from '../data/directory.js';
import { field, notFound, queryParam, type Members } from '../auth/members.js';
import { memberPaths, typeOfSlug } from '../auth/paths.js';
import { html } from '../html.js';
import { formatDateTime } from '../i18n/index.js';
import type { Link } from '../pages/common.js';
import type { RenderContext } from '../page.js';
import { recordFields, type FieldsOptions, type FormValues } from './forms.js';
import { kindChoices } from './form-choices.js';
import type { ListEdit } from './form-lists.js';
import { changesTable, recordForm, recordLabel } from './render.js';

export const EDITABLE: readonly RecordType[] = ['collectivity', 'partnership', 'project'];
export const OUTSIDE = 'Vous ne pouvez proposer de modification que pour votre collectivité, ses partenariats et leurs projets.';

/** A parameter of the request's route (`:campaign`, `:type`…): '' when absent. */
export function routeParam(request: FastifyRequest, name: string): string {
  const params: unknown = request.params;
  const value: unknown = typeof params === 'object' && params !== null ? Reflect.get(params, name) : undefined;
  return typeof value === 'string' ? value : '';
}

/** A form's `baseVersion`: the service checks it is a version number (VersionInput) and says so if not. */
export function baseVersionOf(request: FastifyRequest): string {
  return field(request, 'baseVersion') ?? '';
}

/** A record form's state when it is shown again: what was typed, and what was wrong with it. */
export interface CampaignFormState {
  values?: FormValues;
  errors?: Record<string, string>;
  /** a list's add or remove button was pressed (form-lists.ts): the items added, where the focus goes */
  list?: ListEdit;
}

/** The list options of a form shown again after an add or remove button. */
export function listOptions(state: CampaignFormState): Pick<FieldsOptions, 'added' | 'focus'> {
  return state.list === undefined ? {} : { added: state.list.added, focus: state.list.focus };
}

export type CensusRouteKit = ReturnType<typeof censusRouteKit>;

export function censusRouteKit(members: Members) {
  const { census } = members;
  const collectivityNames = (dir: Directory | undefined) => new Map((dir?.collectivities ?? []).map((k) => [k.id, k.name] as const));
  const csrfOf = (request: FastifyRequest) => request.member!.csrfToken;
  /** What a record form offers to choose from: collectivities, countries, kinds of collectivity, domains. */
  const fieldChoices = (dir: Directory | undefined): FieldsOptions => {
    const countries = dir?.record.countries ?? [];
    return {
      collectivities: collectivityNames(dir),
      countries,
      kinds: kindChoices(countries),
      domains: (dir?.domains ?? []).map((d) => ({ code: d.code, label: d.label, parent: d.parent })),
    };
  };
  const recordTypeOf = (slug: string | undefined): RecordType => {
    const type = slug === undefined ? undefined : typeOfSlug(slug);
    if (type === undefined || !EDITABLE.includes(type)) throw notFound(`type de fiche inconnu : ${slug ?? ''}`, { key: 'failure.recordType.unknown', params: { type: slug ?? '' } });
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
    const label = recordLabel(dir, o.recordType, o.error.recordId, theirs.data ?? yours.data);
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
    fields: { ...fieldChoices(dir) },
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

  /** The collectivity a request works on: a contributor's own; for an editor, the one asked for. */
  const collectivityAsked = (request: FastifyRequest, actor: Actor): string | undefined => {
    if (!isEditor(actor)) return undefined;
    return queryParam(request, 'collectivite') ?? (field(request, 'collectivityId') || undefined);
  };

  /**
   * What every campaign route starts with: who asks (a 401 when no one is signed in), which
   * campaign, and the collectivity it works on (an editor's choice; a contributor's own).
   */
  const campaignRequest = (request: FastifyRequest) => {
    const actor = members.actor(request);
    return { actor, campaignId: routeParam(request, 'campaign'), collectivityId: collectivityAsked(request, actor) };
  };

  /** Back to the collectivity's records after a form, saying what was done (`fait=brouillon`…). */
  const backToCampaign = (campaignId: string, collectivityId: string | undefined, done: Record<string, string | number>) => memberPaths.campaign(campaignId, collectivityId, done);

  const entriesOf = async (actor: Actor, campaignId: string, collectivityId: string | undefined): Promise<CampaignEntries> =>
    census.campaigns.entries(actor, { campaignId, ...(collectivityId ? { collectivityId } : {}) });

  return { members, census, collectivityNames, fieldChoices, csrfOf, recordTypeOf, censusCrumb, conflictPage, withKept, collectivityAsked, campaignRequest, backToCampaign, entriesOf };
}
