/**
 * The members' side of the site: accounts, sessions, CSRF, and the census pages on top of the
 * public one. `registerMembers(app, …)` adds
 *
 *   - the cookie and form-body parsers;
 *   - an onRequest hook that opens the session of the request's cookie (`request.member`);
 *   - a preHandler hook that checks the CSRF token of EVERY POST before its route runs: the
 *     session's token in a hidden `_csrf` field, or, for the forms shown before any session
 *     (sign-in, invitation: routes with `config: { csrf: 'sign-in' }`), the token of the
 *     pre-session the server holds for the visitor's PRE_SESSION_COOKIE_NAME cookie.
 *     A POST without it, or with a wrong one, is answered 403 and nothing runs.
 *
 * The members' routes (`auth/routes.ts`, `admin/routes.ts`, `census/routes.ts`) are registered
 * by the app with the `Members` this returns: they import this module, never the other way round.
 *
 * Session cookies carry the account service's attributes (HttpOnly, SameSite=Lax, Path=/), and
 * `Secure` when the request came over HTTPS or when SECURE_COOKIES=1 says so (behind a proxy
 * that terminates TLS): plain-HTTP localhost keeps working.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  createAccountService,
  SESSION_COOKIE_NAME,
  PRE_SESSION_COOKIE_NAME,
  SESSION_COOKIE_OPTIONS,
  type AccountService,
  type Session,
} from '../../accounts/service.js';
import type { MailTransport } from '../../accounts/mail.js';
import { isEditor, requireSignedIn, type Actor } from '../../accounts/roles.js';
import { configuredTransport } from '../../accounts/smtp-transport.js';
import type { Clock } from '../../accounts/clock.js';
import { createCensus, type Census } from '../../census/index.js';
import type { Config } from '../../config.js';
import { isRepertoireError, RepertoireError, type Wording } from '../../errors.js';
import { failureMessage } from '../failures.js';
import type { Database } from '../../store/tables.js';
import type { Audience, Directory } from '../data/directory.js';
import { html } from '../html.js';
import { DEFAULT_LOCALE, t as translate, type Locale } from '../i18n/index.js';
import { sitePostman } from '../mail/letters.js';
import type { RenderContext, RenderedPage } from '../page.js';
import { currentLanguage, inLanguage, splitLanguage } from '../language.js';
import { paths } from '../paths.js';
import { memberPaths } from './paths.js';
import type { MemberView, RecordRef } from './view.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the session of the request's cookie, when it is valid */
    member?: Session;
  }
  interface FastifyContextConfig {
    /** which CSRF token a POST route takes: the session's (default) or the pre-session's (sign-in, invitation) */
    csrf?: 'session' | 'sign-in';
  }
}

export interface MembersOptions {
  db: Kysely<Database>;
  config?: Config;
  /** the directory snapshot for an audience: the default directory's, or the one named */
  directory(audience: Audience, directoryId?: string): Promise<Directory>;
  /** the page in the site's layout, as HTML */
  layout(page: RenderedPage, context: RenderContext): Promise<string>;
  /** the site's render context of a request (locale, url, search box) */
  baseContext(request: FastifyRequest): RenderContext;
  /** defaults to `createAccountService({ db, baseUrl, mail })`: tests pass theirs (a clock, a mail box) */
  accounts?: AccountService;
  /** where the site's mail goes (default: SMTP when the configuration has SMTP_URL, else the console) */
  mailTransport?: MailTransport;
  census?: Census;
  /** the census services' time (default: the system's) */
  now?: Clock;
}

/** What the route modules share. */
export interface Members {
  readonly db: Kysely<Database>;
  readonly accounts: AccountService;
  readonly census: Census;
  /** the request's language (language.ts) */
  readonly locale: Locale;
  /** the default directory, or the one named (a notice's own) */
  directory(audience?: Audience, directoryId?: string): Promise<Directory>;
  /** the render context with the member (and the record a public page shows) */
  context(request: FastifyRequest, record?: RecordRef): Promise<RenderContext>;
  /** sends a page in the layout */
  send(request: FastifyRequest, reply: FastifyReply, page: RenderedPage, status?: number): Promise<FastifyReply>;
  /** the signed-in actor, or a 401 (the error handler sends them to the sign-in page) */
  actor(request: FastifyRequest): Actor;
  /** the session cookie's attributes for this request (Secure over HTTPS or when configured) */
  secure(request: FastifyRequest): boolean;
  /** the site's address, for invitation links */
  baseUrl(request: FastifyRequest): string;
  /** which snapshot a request's HTML pages are built from */
  audience(request: FastifyRequest): Audience;
  /** a page that refuses (403), says why, and offers the way back */
  refuse(request: FastifyRequest, reply: FastifyReply, error: unknown): Promise<FastifyReply>;
}

/** Public record pages and the record they show. */
const RECORD_PAGES: Readonly<Record<string, RecordRef['type']>> = {
  '/partenariats/:id': 'partnership',
  '/projets/:id': 'project',
  '/collectivites/:id': 'collectivity',
};

export function recordOfPage(path: string, params: Readonly<Record<string, string>>): RecordRef | undefined {
  const type = RECORD_PAGES[path];
  const id = params.id;
  return type === undefined || id === undefined || id === '' ? undefined : { type, id };
}

export async function registerMembers(app: FastifyInstance, options: MembersOptions): Promise<Members> {
  const { db } = options;
  const site = options.config?.site;
  const fixedBaseUrl = site?.baseUrl;
  // the members' pages work on the site's default directory
  const defaultDirectory = async () => (await options.directory('public')).id;
  const mailBaseUrl = fixedBaseUrl ?? `http://localhost:${options.config?.server.port ?? 3000}`;
  let transport: MailTransport;
  if (options.mailTransport === undefined) {
    // the site's own transport: closed with the site (a given one belongs to whoever gave it)
    const own = configuredTransport(options.config?.mail);
    app.addHook('onClose', async () => own.close());
    transport = own;
  } else {
    transport = options.mailTransport;
  }
  // mail is written in the site's language until accounts have one of their own
  const mail = sitePostman(transport, { baseUrl: mailBaseUrl, locale: DEFAULT_LOCALE });
  const accounts = options.accounts ?? createAccountService({ db, baseUrl: mailBaseUrl, defaultDirectory, mail });
  const census = options.census ?? createCensus({ db, defaultDirectory, mail, ...(options.now ? { now: options.now } : {}) });
  const t: RenderContext['t'] = (key, params) => translate(currentLanguage(), key, params);

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1_048_576 });

  app.addHook('onRequest', async (request) => {
    // a read-only instance (a replica) signs no one in: its visitors read the public pages, and
    // a session's last visit is a write it may not make (app.ts refuses the members' pages there)
    if (request.url.startsWith('/assets/') || options.config?.readOnly === true) return;
    const token = request.cookies[SESSION_COOKIE_NAME];
    if (token) request.member = await accounts.authenticate(token);
  });

  const memberView = async (session: Session): Promise<MemberView> => {
    const { actor } = session;
    let mayRead: MemberView['mayRead'] = () => true;
    if (!isEditor(actor)) {
      const own = actor.collectivityId;
      const dir = own === undefined ? undefined : await options.directory('members').catch(() => undefined);
      // a contributor reads the records of its collectivity: its partnerships and their projects
      const partnerships = new Set(own === undefined || dir === undefined ? [] : await dir.partnershipIdsOf(own));
      const projects = new Set(
        dir === undefined ? [] : [...(await dir.projectsOfMany([...partnerships])).values()].flat().map((project) => project.id),
      );
      mayRead = (record) => {
        if (own === undefined || dir === undefined) return false;
        if (record.type === 'collectivity') return record.id === own;
        if (record.type === 'partnership') return partnerships.has(record.id);
        return projects.has(record.id);
      };
    }
    return { name: actor.name, email: actor.email, role: actor.role, csrfToken: session.csrfToken, mayRead };
  };

  const members: Members = {
    db,
    accounts,
    census,
    get locale() {
      return currentLanguage();
    },
    directory: (audience = 'members', directoryId) => options.directory(audience, directoryId),
    async context(request, record) {
      const base = options.baseContext(request);
      if (request.member === undefined) return base;
      const member = await memberView(request.member);
      return record === undefined ? { ...base, member } : { ...base, member, record };
    },
    async send(request, reply, page, status = 200) {
      const context = await members.context(request);
      const body = await options.layout({ ...page, members: true }, context);
      return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
    },
    actor(request) {
      return requireSignedIn(request.member?.actor);
    },
    secure(request) {
      return site?.secureCookies === true || request.protocol === 'https';
    },
    baseUrl(request) {
      return fixedBaseUrl ?? `${request.protocol}://${request.host}`;
    },
    audience(request) {
      return request.member === undefined ? 'public' : 'members';
    },
    async refuse(request, reply, error) {
      const message = isRepertoireError(error) ? failureMessage(currentLanguage(), error) : t('auth.forbidden.title');
      const body = html`<section class="error"><h1>${t('auth.forbidden.title')}</h1><p>${message}</p><p><a href="${paths.home()}">${t('auth.forbidden.back')}</a></p></section>`;
      return members.send(request, reply, { title: t('auth.forbidden.title'), breadcrumbs: [], body }, 403);
    },
  };

  // Every POST carries a CSRF token, checked before its route runs.
  app.addHook('preHandler', async (request, reply) => {
    // a POST to no route is answered 404 by the not-found handler: there is no form to protect
    if (request.method !== 'POST' || request.is404) return;
    const submitted = field(request, '_csrf');
    try {
      if (request.routeOptions.config?.csrf === 'sign-in') await accounts.verifyPreSessionCsrf(request.cookies[PRE_SESSION_COOKIE_NAME], submitted);
      else accounts.verifyCsrf(request.member, submitted);
    } catch (error) {
      // hooks run before the route, outside its language's scope
      return inLanguage(splitLanguage(request.originalUrl).locale, () => members.refuse(request, reply, error));
    }
  });

  return members;
}

/** The session cookie's attributes: the account service's, Secure as the request allows. */
export function sessionCookieOptions(secure: boolean, expires?: Date) {
  return { ...SESSION_COOKIE_OPTIONS, secure, ...(expires ? { expires } : {}) };
}

/**
 * Runs a member's route: a missing session sends a GET to the sign-in page (and back after),
 * a refusal (403) gets the refusal page; other errors go to the site's error handler.
 */
export function guarded(members: Members, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return await handler(request, reply);
    } catch (error) {
      if (isRepertoireError(error, 'unauthenticated')) {
        if (request.method === 'GET') return reply.redirect(memberPaths.signIn(request.originalUrl), 303);
        return members.refuse(request, reply, error);
      }
      if (isRepertoireError(error, 'forbidden')) return members.refuse(request, reply, error);
      throw error;
    }
  };
}

/** A form body or a query string as Fastify parsed them: a name's value, or its values when repeated. */
const Fields = z.record(z.string(), z.unknown());
const FieldValue = z.union([z.string(), z.array(z.string())]);

function valueOf(parsed: unknown, name: string): string | string[] | undefined {
  const fields = Fields.safeParse(parsed);
  if (!fields.success) return undefined;
  const value = FieldValue.safeParse(fields.data[name]);
  return value.success ? value.data : undefined;
}

/** A string field of a form body (the last, when repeated). */
export function field(request: FastifyRequest, name: string): string | undefined {
  const value = valueOf(request.body, name);
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** A parameter of the request's route (`:token`, `:campaign`…): '' when absent. */
export function routeParam(request: FastifyRequest, name: string): string {
  const value = valueOf(request.params, name);
  return typeof value === 'string' ? value : '';
}

/** A query parameter (the first, when repeated). */
export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const value = valueOf(request.query, name);
  const text = Array.isArray(value) ? value[0] : value;
  return text === '' ? undefined : text;
}

/** A page of the members' site that does not exist: the French message for the log, the wording for the reader. */
export function notFound(message: string, wording?: Wording): RepertoireError {
  return new RepertoireError('not-found', message, 404, wording === undefined ? undefined : { wording });
}

/** The hidden CSRF field of a member's form. */
export function csrfField(token: string) {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
