/**
 * What the census pages share: the members' services, the record types a form may edit, the
 * conflict page (a save based on an older version: both versions side by side, the person's own
 * ready to re-apply), and the collectivity a request works on.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isEditor, type Actor } from '../../accounts/roles.js';
import type { CampaignEntries, RecordData, RecordType } from '../../census/index.js';
import { diffRecords } from '../../census/diff.js';
import type { ConflictError } from '../../errors.js';
import type { Directory } from '../data/directory.js';
import { field, notFound, queryParam, type Members } from '../auth/members.js';
import { memberPaths, typeOfSlug } from '../auth/paths.js';
import { html } from '../html.js';
import { formatDateTime } from '../i18n/index.js';
import type { Link } from '../pages/common.js';
import type { RenderContext } from '../page.js';
import { recordFields, type FormValues } from './forms.js';
import { changesTable, recordForm, recordLabel } from './render.js';

export const EDITABLE: readonly RecordType[] = ['collectivity', 'partnership', 'project'];
export const OUTSIDE = 'Vous ne pouvez proposer de modification que pour votre collectivité, ses partenariats et leurs projets.';

export type Params = Record<string, string>;

/** A record form's state when it is shown again: what was typed, and what was wrong with it. */
export interface CampaignFormState {
  values?: FormValues;
  errors?: Record<string, string>;
}

export type CensusRouteKit = ReturnType<typeof censusRouteKit>;

export function censusRouteKit(members: Members) {
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

  /** The collectivity a request works on: a contributor's own; for an editor, the one asked for. */
  const collectivityAsked = (request: FastifyRequest, actor: Actor): string | undefined => {
    if (!isEditor(actor)) return undefined;
    return queryParam(request, 'collectivite') ?? (field(request, 'collectivityId') || undefined);
  };

  const entriesOf = async (actor: Actor, campaignId: string, collectivityId: string | undefined): Promise<CampaignEntries> =>
    census.campaigns.entries(actor, { campaignId, ...(collectivityId ? { collectivityId } : {}) });

  return { members, census, collectivityNames, csrfOf, recordTypeOf, censusCrumb, conflictPage, withKept, collectivityAsked, entriesOf };
}
