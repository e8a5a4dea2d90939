/**
 * "Mot de passe oublié" (`/mot-de-passe-oublie`): a form asking for the account's address, whose
 * answer is the same whether the address has an account or not; and the link's page
 * (`/mot-de-passe/:token`): choose a new password, then sign in again (every session of the
 * account was ended). Both forms come before any session: their CSRF token is a pre-session's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ResetThrottledError } from '../../accounts/password-reset.js';
import { PRE_SESSION_COOKIE_NAME } from '../../accounts/service.js';
import { isRepertoireError, ValidationError } from '../../errors.js';
import { failureMessage, fieldMessages } from '../failures.js';
import { errorSummary } from '../census/forms.js';
import { html } from '../html.js';
import { csrfField, field, routeParam, sessionCookieOptions, type Members } from './members.js';
import { withQuery } from '../paths.js';
import { memberPaths } from './paths.js';
import { input } from './routes.js';
import { currentLanguage } from '../language.js';

export function registerPasswordResetRoutes(app: FastifyInstance, members: Members): void {
  const { accounts } = members;
  const resets = accounts.resets;

  const preSessionToken = async (request: FastifyRequest, reply: FastifyReply): Promise<string> => {
    const { csrfToken, cookie } = await accounts.preSession(request.cookies[PRE_SESSION_COOKIE_NAME]);
    if (cookie !== undefined) reply.setCookie(cookie.name, cookie.value, sessionCookieOptions(members.secure(request), cookie.options.expires));
    return csrfToken;
  };

  interface ForgotState {
    email?: string;
    errors?: Record<string, string>;
    alert?: string;
  }

  const forgotPage = async (request: FastifyRequest, reply: FastifyReply, state: ForgotState, status = 200) => {
    const c = await members.context(request);
    const { t } = c;
    const token = await preSessionToken(request, reply);
    const errors = state.errors ?? {};
    const body = html`<section class="member-page narrow">
<h1>${t('auth.forgot.title')}</h1>
${state.alert ? html`<div class="error-summary" role="alert" id="erreurs"><p>${state.alert}</p></div>` : ''}
${errorSummary(errors, c, () => t('auth.forgot.email'))}
<p>${t('auth.forgot.intro')}</p>
<form method="post" action="${memberPaths.forgotPassword()}" class="member-form" novalidate>
${csrfField(token)}
${input(c, 'email', t('auth.forgot.email'), { type: 'email', value: state.email ?? '', autocomplete: 'username', error: errors.email })}
<p><button type="submit">${t('auth.forgot.submit')}</button></p>
</form>
</section>`;
    return members.send(request, reply, { title: t('auth.forgot.title'), breadcrumbs: [{ href: memberPaths.signIn(), label: t('auth.signIn.title') }, { href: memberPaths.forgotPassword(), label: t('auth.forgot.title') }], body }, status);
  };

  app.get('/mot-de-passe-oublie', async (request, reply) => forgotPage(request, reply, {}));

  app.post('/mot-de-passe-oublie', { config: { csrf: 'sign-in' } }, async (request, reply) => {
    const email = field(request, 'email') ?? '';
    try {
      const { expiresInMinutes } = await resets.request({ email }, { address: request.ip, language: currentLanguage() });
      const c = await members.context(request);
      const { t } = c;
      const body = html`<section class="member-page narrow">
<h1>${t('auth.forgot.sent.title')}</h1>
<p class="success" role="status">${t('auth.forgot.sent', { email: email.trim(), minutes: expiresInMinutes })}</p>
<p><a href="${memberPaths.signIn()}">${t('auth.signIn.title')}</a></p>
</section>`;
      return members.send(request, reply, { title: t('auth.forgot.sent.title'), breadcrumbs: [], body });
    } catch (error) {
      if (error instanceof ValidationError) return forgotPage(request, reply, { email, errors: fieldMessages(currentLanguage(), error) }, 422);
      if (error instanceof ResetThrottledError) {
        reply.header('retry-after', String(Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 1000))));
        return forgotPage(request, reply, { email, alert: failureMessage(currentLanguage(), error) }, 429);
      }
      throw error;
    }
  });

  const resetPage = async (request: FastifyRequest, reply: FastifyReply, token: string, errors: Record<string, string>, status = 200) => {
    const c = await members.context(request);
    const { t } = c;
    let user;
    try {
      user = await resets.accountFor(token);
    } catch (error) {
      if (!isRepertoireError(error, 'not-found')) throw error;
      const body = html`<section class="member-page narrow"><h1>${t('auth.reset.invalid')}</h1><p>${failureMessage(currentLanguage(), error)}</p><p><a href="${memberPaths.forgotPassword()}">${t('auth.reset.again')}</a></p></section>`;
      return members.send(request, reply, { title: t('auth.reset.invalid'), breadcrumbs: [], body }, 404);
    }
    const csrf = await preSessionToken(request, reply);
    const body = html`<section class="member-page narrow">
<h1>${t('auth.reset.title')}</h1>
${errorSummary(errors, c, (path) => (path === 'confirmation' ? t('auth.reset.confirmation') : t('auth.reset.password')))}
<p>${t('auth.reset.greeting', { email: user.email })}</p>
<form method="post" action="${memberPaths.passwordReset(token)}" class="member-form" novalidate>
${csrfField(csrf)}
<input type="text" name="username" value="${user.email}" autocomplete="username" hidden>
${input(c, 'password', t('auth.reset.password'), { type: 'password', value: '', autocomplete: 'new-password', error: errors.password, hint: t('auth.invitation.password.hint') })}
${input(c, 'confirmation', t('auth.reset.confirmation'), { type: 'password', value: '', autocomplete: 'new-password', error: errors.confirmation })}
<p><button type="submit">${t('auth.reset.submit')}</button></p>
</form>
</section>`;
    return members.send(request, reply, { title: t('auth.reset.title'), breadcrumbs: [], body }, status);
  };

  app.get('/mot-de-passe/:token', async (request, reply) => {
    // the token must not leave in a Referer header
    reply.header('referrer-policy', 'no-referrer');
    return resetPage(request, reply, routeParam(request, 'token'), {});
  });

  app.post('/mot-de-passe/:token', { config: { csrf: 'sign-in' } }, async (request, reply) => {
    const token = routeParam(request, 'token');
    reply.header('referrer-policy', 'no-referrer');
    try {
      await resets.reset({ token, password: field(request, 'password') ?? '', confirmation: field(request, 'confirmation') ?? '' }, { address: request.ip });
      return reply.redirect(withQuery(memberPaths.signIn(), { fin: 'mot-de-passe' }), 303);
    } catch (error) {
      if (error instanceof ValidationError) return resetPage(request, reply, token, fieldMessages(currentLanguage(), error), 422);
      if (isRepertoireError(error, 'not-found')) return resetPage(request, reply, token, {}, 404);
      throw error;
    }
  });
}
