/**
 * Sign-in (`/connexion`), sign-out, the account page (`/compte`, with "sign out everywhere") and
 * invitations (`/invitation/:token`: choose a password, then signed in).
 *
 * The sign-in and invitation forms come before any session: their CSRF token is a pre-session's,
 * held by the server for the visitor's PRE_SESSION_COOKIE_NAME cookie (a cookie it never issued
 * opens nothing). Signing in ends the pre-session and rotates the session: the cookie the
 * browser had is ended and a new one set.
 */
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountLockedError, ClientThrottledError, PRE_SESSION_COOKIE_NAME, SESSION_COOKIE_NAME } from '../../accounts/service.js';
import { isRepertoireError, ValidationError } from '../../errors.js';
import { failureMessage, fieldMessages } from '../failures.js';
import { html, type SafeHtml } from '../html.js';
import { MAIL_LANGUAGES } from '../../accounts/account-language.js';
import { DEFAULT_LOCALE, formatDateTime, LANGUAGE_NAMES } from '../i18n/index.js';
import { currentLanguage } from '../language.js';
import type { RenderContext } from '../page.js';
import { paths, withQuery } from '../paths.js';
import { errorSummary, fieldId } from '../census/forms.js';
import { csrfField, field, guarded, queryParam, routeParam, sessionCookieOptions, type Members } from './members.js';
import { memberPaths, safeNext } from './paths.js';

const SIGN_IN_NOTICES = {
  partout: 'auth.signIn.everywhere',
  sortie: 'auth.signIn.signedOut',
  invitation: 'auth.signIn.invited',
  'mot-de-passe': 'auth.signIn.reset',
} as const;
/** What the sign-in page was sent back to say (`?fin=`): one of the notices, else nothing. */
const SignInNotice = z.enum(['partout', 'sortie', 'invitation', 'mot-de-passe'] satisfies (keyof typeof SIGN_IN_NOTICES)[]);

export function registerAuthRoutes(app: FastifyInstance, members: Members): void {
  const { accounts } = members;

  /** The sign-in and invitation forms' token: the visitor's pre-session's, opened now (its cookie set) if it has none. */
  const preSessionToken = async (request: FastifyRequest, reply: FastifyReply): Promise<string> => {
    const { csrfToken, cookie } = await accounts.preSession(request.cookies[PRE_SESSION_COOKIE_NAME]);
    if (cookie !== undefined) reply.setCookie(cookie.name, cookie.value, sessionCookieOptions(members.secure(request), cookie.options.expires));
    return csrfToken;
  };

  /** Once signed in, the forms before the session are done. */
  const endPreSession = async (request: FastifyRequest, reply: FastifyReply) => {
    await accounts.endPreSession(request.cookies[PRE_SESSION_COOKIE_NAME]);
    reply.clearCookie(PRE_SESSION_COOKIE_NAME, { path: '/' });
  };

  const client = (request: FastifyRequest) => {
    const userAgent = request.headers['user-agent'];
    // the page's language: the member's mail follows the one they last signed in with
    return { address: request.ip, language: currentLanguage(), ...(typeof userAgent === 'string' ? { userAgent } : {}) };
  };

  interface SignInState {
    email?: string;
    next?: string;
    errors?: Record<string, string>;
    /** a message about the whole form (wrong password, locked account) */
    alert?: string;
    notice?: string;
  }

  const signInPage = async (request: FastifyRequest, reply: FastifyReply, state: SignInState, status = 200) => {
    const c = await members.context(request);
    const { t } = c;
    const token = await preSessionToken(request, reply);
    const errors = state.errors ?? {};
    const body = html`<section class="member-page narrow">
<h1>${t('auth.signIn.title')}</h1>
${state.notice ? html`<p class="success" role="status">${state.notice}</p>` : ''}
${state.alert ? html`<div class="error-summary" role="alert" id="erreurs"><p>${state.alert}</p></div>` : ''}
${errorSummary(errors, c, (path) => (path === 'email' ? t('auth.signIn.email') : t('auth.signIn.password')))}
<p>${t('auth.signIn.intro')}</p>
<form method="post" action="${memberPaths.signIn()}" class="member-form" novalidate>
${csrfField(token)}
${state.next ? html`<input type="hidden" name="suite" value="${state.next}">` : ''}
${input(c, 'email', t('auth.signIn.email'), { type: 'email', value: state.email ?? '', autocomplete: 'username', error: errors.email })}
${input(c, 'password', t('auth.signIn.password'), { type: 'password', value: '', autocomplete: 'current-password', error: errors.password })}
<p><button type="submit">${t('auth.signIn.submit')}</button></p>
</form>
<p><a href="${memberPaths.forgotPassword()}">${t('auth.signIn.forgot')}</a></p>
</section>`;
    return members.send(request, reply, { title: t('auth.signIn.title'), breadcrumbs: [{ href: memberPaths.signIn(), label: t('auth.signIn.title') }], body }, status);
  };

  app.get('/connexion', async (request, reply) => {
    const c = await members.context(request);
    const next = safeNext(queryParam(request, 'suite'));
    const said = SignInNotice.safeParse(queryParam(request, 'fin'));
    const notice = said.success ? c.t(SIGN_IN_NOTICES[said.data]) : next !== undefined && request.member === undefined ? c.t('auth.signIn.needed') : undefined;
    return signInPage(request, reply, { ...(next ? { next } : {}), ...(notice ? { notice } : {}) });
  });

  app.post('/connexion', { config: { csrf: 'sign-in' } }, async (request, reply) => {
    const email = field(request, 'email') ?? '';
    const next = safeNext(field(request, 'suite'));
    const state: SignInState = { email, ...(next ? { next } : {}) };
    try {
      const { cookie } = await accounts.signIn({ email, password: field(request, 'password') ?? '' }, client(request), request.cookies[SESSION_COOKIE_NAME]);
      reply.setCookie(cookie.name, cookie.value, sessionCookieOptions(members.secure(request), cookie.options.expires));
      await endPreSession(request, reply);
      return reply.redirect(next ?? memberPaths.census(), 303);
    } catch (error) {
      const c = await members.context(request);
      if (error instanceof ValidationError) return signInPage(request, reply, { ...state, errors: fieldMessages(currentLanguage(), error) }, 422);
      if (error instanceof AccountLockedError || error instanceof ClientThrottledError) {
        reply.header('retry-after', String(Math.max(1, Math.ceil(((error instanceof AccountLockedError ? error.lockedUntil : error.retryAt).getTime() - Date.now()) / 1000))));
        return signInPage(request, reply, { ...state, alert: c.t('common.labelled', { label: c.t('auth.signIn.locked'), text: failureMessage(currentLanguage(), error) }) }, 429);
      }
      if (isRepertoireError(error, 'unauthenticated')) return signInPage(request, reply, { ...state, alert: c.t('auth.signIn.wrong') }, 401);
      throw error;
    }
  });

  app.post('/deconnexion', async (request, reply) => {
    await accounts.signOut(request.cookies[SESSION_COOKIE_NAME], client(request));
    reply.clearCookie(SESSION_COOKIE_NAME, { path: '/' });
    return reply.redirect(withQuery(memberPaths.signIn(), { fin: 'sortie' }), 303);
  });

  /** The account page; `state.error`: the language refused (a value outside the list), said in the page's language. */
  const accountPage = async (request: FastifyRequest, reply: FastifyReply, state: { saved?: boolean; error?: string }, status = 200) => {
    const actor = members.actor(request);
    const c = await members.context(request);
    const { t } = c;
    const session = request.member!;
    const dir = await members.directory().catch(() => undefined);
    const language = (await accounts.languageOf(actor.id)) ?? DEFAULT_LOCALE;
    const errors: Record<string, string> = state.error === undefined ? {} : { langue: state.error };
    const collectivity = actor.collectivityId === undefined ? undefined : (dir?.collectivity.get(actor.collectivityId)?.name ?? actor.collectivityId);
    const body = html`<section class="member-page">
<h1>${t('auth.account.title')}</h1>
${errorSummary(errors, c, () => t('auth.account.language.label'))}
<dl class="facts">
<div><dt>${t('auth.account.name')}</dt><dd>${actor.name}</dd></div>
<div><dt>${t('auth.account.email')}</dt><dd>${actor.email}</dd></div>
<div><dt>${t('auth.account.role')}</dt><dd>${t(`member.role.${actor.role}`)}</dd></div>
${collectivity ? html`<div><dt>${t('auth.account.collectivity')}</dt><dd>${actor.collectivityId ? html`<a href="${paths.collectivity(actor.collectivityId)}">${collectivity}</a>` : collectivity}</dd></div>` : ''}
</dl>
<p class="muted">${t('auth.account.session', { created: formatDateTime(c.locale, session.createdAt), expires: formatDateTime(c.locale, session.expiresAt) })}</p>
${state.saved ? html`<p class="success" role="status">${t('auth.account.language.saved')}</p>` : ''}
<h2>${t('auth.account.language')}</h2>
<form method="post" action="${memberPaths.accountLanguage()}" class="member-form">${csrfField(session.csrfToken)}
<div class="field${state.error ? ' has-error' : ''}"><label for="${fieldId('langue')}">${t('auth.account.language.label')}</label>
<p class="hint" id="${fieldId('langue')}-hint">${t('auth.account.language.hint')}</p>
${state.error ? html`<p class="field-error" id="${fieldId('langue')}-error"><span class="visually-hidden">${t('form.error.prefix')} </span>${state.error}</p>` : ''}
<select id="${fieldId('langue')}" name="langue" aria-describedby="${fieldId('langue')}-hint${state.error ? ` ${fieldId('langue')}-error` : ''}"${state.error ? html` aria-invalid="true"` : ''}>${MAIL_LANGUAGES.map(
      (code) => html`<option value="${code}" lang="${code}"${code === language ? html` selected` : ''}>${LANGUAGE_NAMES[code]}</option>`,
    )}</select></div>
<p><button type="submit">${t('auth.account.language.submit')}</button></p>
</form>
<h2>${t('auth.account.everywhere')}</h2>
<p>${t('auth.account.everywhere.text')}</p>
<form method="post" action="${memberPaths.signOutEverywhere()}">${csrfField(session.csrfToken)}<button type="submit">${t('auth.account.everywhere')}</button></form>
</section>`;
    return members.send(request, reply, { title: t('auth.account.title'), breadcrumbs: [{ href: memberPaths.account(), label: t('auth.account.title') }], body }, status);
  };

  app.get(
    '/compte',
    guarded(members, async (request, reply) => accountPage(request, reply, { saved: queryParam(request, 'fait') === 'langue' })),
  );

  app.post(
    '/compte/langue',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      try {
        await accounts.chooseLanguage(actor.id, { language: field(request, 'langue') ?? '' }, actor);
      } catch (error) {
        // a value outside the list (a forged form): the page again, the reason in its language, nothing changed
        if (error instanceof ValidationError) return accountPage(request, reply, { error: (await members.context(request)).t('form.error.option') }, 422);
        throw error;
      }
      return reply.redirect(withQuery(memberPaths.account(), { fait: 'langue' }), 303);
    }),
  );

  app.post(
    '/compte/deconnexion-partout',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      await accounts.signOutEverywhere(actor.id, actor);
      reply.clearCookie(SESSION_COOKIE_NAME, { path: '/' });
      return reply.redirect(withQuery(memberPaths.signIn(), { fin: 'partout' }), 303);
    }),
  );

  interface InvitationState {
    errors?: Record<string, string>;
  }

  const invitationPage = async (request: FastifyRequest, reply: FastifyReply, token: string, state: InvitationState, status = 200) => {
    const c = await members.context(request);
    const { t } = c;
    let user;
    try {
      user = await accounts.invitationFor(token);
    } catch (error) {
      if (!isRepertoireError(error, 'not-found')) throw error;
      const body = html`<section class="member-page narrow"><h1>${t('auth.invitation.invalid')}</h1><p>${failureMessage(currentLanguage(), error)}</p><p><a href="${paths.home()}">${t('auth.forbidden.back')}</a></p></section>`;
      return members.send(request, reply, { title: t('auth.invitation.invalid'), breadcrumbs: [], body }, 404);
    }
    const csrf = await preSessionToken(request, reply);
    const errors = state.errors ?? {};
    const body = html`<section class="member-page narrow">
<h1>${t('auth.invitation.title')}</h1>
${errorSummary(errors, c, (path) => (path === 'confirmation' ? t('auth.invitation.confirmation') : t('auth.invitation.password')))}
<p>${t('auth.invitation.greeting', { name: user.name, email: user.email })}</p>
<form method="post" action="${memberPaths.invitation(token)}" class="member-form" novalidate>
${csrfField(csrf)}
<input type="text" name="username" value="${user.email}" autocomplete="username" hidden>
${input(c, 'password', t('auth.invitation.password'), { type: 'password', value: '', autocomplete: 'new-password', error: errors.password, hint: t('auth.invitation.password.hint') })}
${input(c, 'confirmation', t('auth.invitation.confirmation'), { type: 'password', value: '', autocomplete: 'new-password', error: errors.confirmation })}
<p><button type="submit">${t('auth.invitation.submit')}</button></p>
</form>
</section>`;
    return members.send(request, reply, { title: t('auth.invitation.title'), breadcrumbs: [], body }, status);
  };

  app.get('/invitation/:token', async (request, reply) => {
    reply.header('referrer-policy', 'no-referrer');
    return invitationPage(request, reply, routeParam(request, 'token'), {});
  });

  app.post('/invitation/:token', { config: { csrf: 'sign-in' } }, async (request, reply) => {
    const token = routeParam(request, 'token');
    const password = field(request, 'password') ?? '';
    try {
      const user = await accounts.acceptInvitation({ token, password, confirmation: field(request, 'confirmation') ?? '' }, client(request));
      try {
        const { cookie } = await accounts.signIn({ email: user.email, password }, client(request), request.cookies[SESSION_COOKIE_NAME]);
        reply.setCookie(cookie.name, cookie.value, sessionCookieOptions(members.secure(request), cookie.options.expires));
        await endPreSession(request, reply);
        return reply.redirect(memberPaths.census(), 303);
      } catch {
        return reply.redirect(withQuery(memberPaths.signIn(), { fin: 'invitation' }), 303);
      }
    } catch (error) {
      if (error instanceof ValidationError) return invitationPage(request, reply, token, { errors: fieldMessages(currentLanguage(), error) }, 422);
      throw error;
    }
  });
}

interface InputOptions {
  type: string;
  value: string;
  autocomplete?: string;
  error?: string | undefined;
  hint?: string;
}

/** One labelled input with its hint and error, tied by aria-describedby. */
export function input(c: RenderContext, name: string, label: string, options: InputOptions): SafeHtml {
  const id = fieldId(name);
  const described = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${options.error ? ' has-error' : ''}">
<label for="${id}">${label}</label>
${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : ''}
${options.error ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${c.t('form.error.prefix')} </span>${options.error}</p>` : ''}
<input id="${id}" name="${name}" type="${options.type}" value="${options.value}"${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${options.error ? html` aria-invalid="true"` : ''} required>
</div>`;
}
