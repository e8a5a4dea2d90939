import type { MemberRenderContext } from '../../../auth/member-page.js';
import { csrfField } from '../../../auth/members.js';
import { memberPaths } from '../../../auth/paths.js';
import { html } from '../../../html.js';
import { formatDateTime } from '../../../i18n/index.js';
import type { RenderedPage } from '../../../page.js';
import { capitalise, changesTable } from '../../render.js';
import type { ProposalView } from './data.js';

export function renderProposal(view: ProposalView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const title = t('review.proposal.title', { label: view.label });
  const headings = { before: t('review.before'), after: t('review.after') };
  const error = view.rejection?.error;
  const body = html`<section class="member-page review">
  <h1>${title}</h1>
  <p>${capitalise(
    t('review.proposal.meta', {
      action: t(`census.action.${view.action}`),
      type: t(`census.type.${view.recordType}`),
      author: view.authorName ?? t('history.system'),
      collectivity: view.from,
      date: formatDateTime(c.locale, view.date),
    }),
  )}${view.publicHref ? html` <a href="${view.publicHref}">${t('history.view')}</a>` : ''}</p>
  ${view.stale ? html`<p class="notice">${t('review.proposal.staleText')}</p>` : ''}
  <h2>${t('review.changes')}</h2>
  ${changesTable(view.changes, c, headings)}
  ${view.stale && view.changedSince.length > 0 ? html`<h2>${t('review.changedSince')}</h2>${changesTable(view.changedSince, c, headings)}` : ''}
  ${view.decide
    ? html`<div class="decisions">
  <form method="post" action="${view.decide.approveAction}" class="member-form decision">${csrfField(c.csrf)}
  <h2>${t('review.approve')}</h2>
  <div class="field"><label for="f-approve-comment">${t('review.approve.comment')}</label><textarea id="f-approve-comment" name="comment" rows="2"></textarea></div>
  <p><button type="submit">${t('review.approve')}</button></p></form>
  <form method="post" action="${view.decide.rejectAction}" class="member-form decision" novalidate>${csrfField(c.csrf)}
  <h2>${t('review.reject')}</h2>
  ${error ? html`<div class="error-summary" role="alert" id="erreurs"><ul><li><a href="#f-reject-comment">${t('common.labelled', { label: t('review.reject.comment'), text: error })}</a></li></ul></div>` : ''}
  <div class="field${error ? ' has-error' : ''}"><label for="f-reject-comment">${t('review.reject.comment')} <span class="required">${t('form.required')}</span></label>
  <p class="hint" id="f-reject-comment-hint">${t('review.reject.hint')}</p>
  ${error ? html`<p class="field-error" id="f-reject-comment-error"><span class="visually-hidden">${t('form.error.prefix')} </span>${error}</p>` : ''}
  <textarea id="f-reject-comment" name="comment" rows="3" aria-required="true" aria-describedby="f-reject-comment-hint${error ? ' f-reject-comment-error' : ''}"${error ? html` aria-invalid="true"` : ''}>${view.rejection?.comment ?? ''}</textarea></div>
  <p><button type="submit" class="danger">${t('review.reject')}</button></p></form>
  ${view.decide.editHref ? html`<p><a href="${view.decide.editHref}">${t('review.edit')}</a></p>` : ''}
  </div>`
    : html`<p>${t('review.decided', { status: t(`census.state.${view.status}`), by: view.decision?.byName ?? '', date: view.decision?.at ? formatDateTime(c.locale, view.decision.at) : '' })}${
      view.decision?.comment ? html` ${t('census.rejected.comment', { comment: view.decision.comment })}` : ''
    }</p>`}
  <p><a href="${memberPaths.queue()}">${t('review.back')}</a></p>
  </section>`;
  return { title, breadcrumbs: [{ href: memberPaths.queue(), label: t('review.title') }, { href: view.href, label: view.label }], body };
}
