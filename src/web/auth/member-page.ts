/**
 * A members' page, built like the public ones (page.ts): its view model first, checked by a Zod
 * schema, its HTML second, a pure function of that view model; the view model itself is the
 * page's JSON twin (`…/page.json`, or the page itself asked with `Accept: application/json`) and is
 * described in /openapi.json under the session cookie.
 *
 * The difference is who may see it: `allow` runs once, on the server, on the signed-in actor,
 * BEFORE anything is loaded, for the HTML and the JSON alike. Signed out, a GET goes to the
 * sign-in page (and back after), as every members' page does; a member without the role gets 403,
 * the refusal page for the HTML, the error view for the JSON.
 *
 * POST handlers stay route handlers; when one must show its page again (a form sent back with
 * what was wrong), it calls the `show` of the registered page with a change to the view model.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../accounts/roles.js';
import { isRepertoireError } from '../../errors.js';
import { errorView } from '../errors.js';
import { prefersJson } from '../negotiation.js';
import { VARY } from '../request-language.js';
import type { ParameterDoc, QueryParams, RenderContext, RenderedPage } from '../page.js';
import { guarded, type Members } from './members.js';
import { memberPaths } from './paths.js';

/** What a members' page's data function gets: the actor the permission check let through. */
export interface MemberPageInput {
  readonly actor: Actor;
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryParams;
  readonly members: Members;
}

/** What a members' page's render function gets: the site's context and the session's CSRF token for its forms. */
export interface MemberRenderContext extends RenderContext {
  readonly csrf: string;
}

export interface MemberPageDefinition<VM> {
  /** the view model's name: the OpenAPI component, e.g. `ReviewQueueView` */
  readonly name: string;
  /** the HTML route (without the language prefix); the JSON twin is the same with `.json` */
  readonly path: string;
  /** one line for the OpenAPI document */
  readonly summary: string;
  /** who may see the page, in words, for the OpenAPI document */
  readonly audience: string;
  readonly schema: z.ZodType<VM>;
  readonly parameters?: readonly ParameterDoc[];
  /** the permission check: the actor, or a `forbidden` error (roles.ts: requireEditor, requireAdmin) */
  allow(actor: Actor): Actor;
  load(input: MemberPageInput): Promise<VM>;
  render(view: VM, context: MemberRenderContext): RenderedPage;
}

// The registry holds pages of different view models; each was type-checked where it was defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMemberPage = MemberPageDefinition<any>;

export function defineMemberPage<VM>(page: MemberPageDefinition<VM>): MemberPageDefinition<VM> {
  return page;
}

/** The JSON twin's route of a page path: `/relecture` → `/relecture.json`, `/relecture/:proposal` → `/relecture/:proposal.json` (served by the page's own route). */
export function memberTwinRoute(path: string): string {
  return `${path}.json`;
}

/** What a POST's page is loaded from when its URL does not say it all: the route's parameters and query, as the page's GET would have them. */
export interface MemberPageAddress {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: QueryParams;
}

export interface RegisteredMemberPage<VM> {
  /**
   * sends the page again from a POST: its view model loaded, then changed by `change` (what was
   * typed, what was wrong); `address`: the GET's parameters when the POST's URL is not the page's
   */
  show(request: FastifyRequest, reply: FastifyReply, change?: (view: VM) => VM, status?: number, address?: MemberPageAddress): Promise<FastifyReply>;
}

function stringsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

function queryOf(value: unknown): QueryParams {
  const out: Record<string, string | string[] | undefined> = {};
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    }
  }
  return out;
}

/** Registers a members' page: its HTML route and its JSON twin, both behind the page's permission check. */
export function registerMemberPage<VM>(app: FastifyInstance, members: Members, page: MemberPageDefinition<VM>): RegisteredMemberPage<VM> {
  const viewOf = async (request: FastifyRequest, params = stringsOf(request.params), query = queryOf(request.query)): Promise<VM> => {
    // the permission first: nothing is read for a member who may not see the page
    const actor = page.allow(members.actor(request));
    const view = await page.load({ actor, params, query, members });
    return page.schema.parse(view);
  };
  const html = async (request: FastifyRequest, reply: FastifyReply, view: VM, status: number) => {
    const context = await members.context(request);
    const rendered = page.render(view, { ...context, csrf: request.member?.csrfToken ?? '' });
    return members.send(request, reply, rendered, status);
  };

  const sendHtml = guarded(members, async (request, reply) => html(request, reply, await viewOf(request), 200));
  const sendJson = async (request: FastifyRequest, reply: FastifyReply, params: Record<string, string>) => {
    try {
      const view = await viewOf(request, params);
      return await reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(view));
    } catch (error) {
      // signed out: to the sign-in page and back, as the HTML; refused: 403, with the reason
      if (isRepertoireError(error, 'unauthenticated')) return reply.redirect(memberPaths.signIn(request.originalUrl), 303);
      if (isRepertoireError(error)) {
        const body = errorView(error);
        return reply.status(body.error.status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(body));
      }
      throw error;
    }
  };
  const last = page.path.split('/').pop() ?? '';
  if (last.startsWith(':')) {
    // one route, as app.ts does for the public pages: the last parameter may end with .json (ids never hold a dot)
    const name = last.slice(1);
    app.get(page.path, async (request, reply) => {
      reply.header('vary', VARY);
      const params = stringsOf(request.params);
      const value = params[name] ?? '';
      if (value.endsWith('.json')) return sendJson(request, reply, { ...params, [name]: value.slice(0, -'.json'.length) });
      return prefersJson(request) ? sendJson(request, reply, params) : sendHtml(request, reply);
    });
  } else {
    // HTML or JSON by Accept: a cache between must key on it (and on the language and the session)
    app.get(page.path, async (request, reply) => (prefersJson(request) ? sendJson(request, reply.header('vary', VARY), stringsOf(request.params)) : sendHtml(request, reply.header('vary', VARY))));
    app.get(memberTwinRoute(page.path), async (request, reply) => sendJson(request, reply, stringsOf(request.params)));
  }

  return {
    async show(request, reply, change = (view) => view, status = 200, address = {}) {
      return html(request, reply, change(await viewOf(request, address.params, address.query)), status);
    },
  };
}
