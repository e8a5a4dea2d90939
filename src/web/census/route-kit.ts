/**
 * What the census pages share: the members' services, the record types a form may edit, the
 * conflict page (a save based on an older version: both versions side by side, the person's own
 * ready to re-apply), and the collectivity a request works on.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isEditor, type Actor } from '../../accounts/roles.js';
import type { RecordType } from '../../census/index.js';
import { field, notFound, queryParam, routeParam, type Members } from '../auth/members.js';
import { memberPaths, typeOfSlug } from '../auth/paths.js';
import { prefersJson } from '../negotiation.js';
import type { Link } from '../pages/common.js';
import type { RenderContext } from '../page.js';
import { conflictView, type ConflictInput } from './pages/conflict/data.js';
import { renderConflict } from './pages/conflict/render.js';

/** route-kit's users read their routes' parameters from here, with the rest of the kit */
export { routeParam };

export const EDITABLE: readonly RecordType[] = ['collectivity', 'partnership', 'project'];

/** A form's `baseVersion`: the service checks it is a version number (VersionInput) and says so if not. */
export function baseVersionOf(request: FastifyRequest): string {
  return field(request, 'baseVersion') ?? '';
}

export type CensusRouteKit = ReturnType<typeof censusRouteKit>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function censusRouteKit(members: Members) {
  const { census } = members;
  const recordTypeOf = (slug: string | undefined): RecordType => {
    const type = slug === undefined ? undefined : typeOfSlug(slug);
    if (type === undefined || !EDITABLE.includes(type)) throw notFound(`type de fiche inconnu : ${slug ?? ''}`, { key: 'failure.recordType.unknown', params: { type: slug ?? '' } });
    return type;
  };
  const censusCrumb = (c: RenderContext): Link => ({ href: memberPaths.census(), label: c.t('census.title') });

  /** The conflict page (409), or its view model when Accept asks for JSON (pages/conflict). */
  const conflictPage = async (request: FastifyRequest, reply: FastifyReply, o: Omit<ConflictInput, 'recordType'> & { recordType: RecordType }) => {
    const recordType = EDITABLE.find((type) => type === o.recordType);
    if (recordType === undefined || recordType === 'domain') throw o.error;
    const view = conflictView({ ...o, recordType }, await members.directory().catch(() => undefined));
    if (prefersJson(request)) return reply.status(409).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(view));
    const c = await members.context(request);
    return members.send(request, reply, renderConflict(view, { ...c, csrf: request.member?.csrfToken ?? '' }, request.url), 409);
  };

  /** The record as the form made it, with what the form does not show (its provenance) kept. */
  const withKept = (data: Record<string, unknown>, current: unknown): Record<string, unknown> => {
    const source = isObject(current) ? current.source : undefined;
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

  return { members, census, recordTypeOf, censusCrumb, conflictPage, withKept, collectivityAsked, campaignRequest, backToCampaign };
}
