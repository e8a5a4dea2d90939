import type { MemberRenderContext } from '../../../auth/member-page.js';
import { csrfField } from '../../../auth/members.js';
import { html } from '../../../html.js';
import { formatDateTime } from '../../../i18n/index.js';
import type { RenderedPage } from '../../../page.js';
import { changesTable } from '../../render.js';
import type { HistoryView } from './data.js';

export function renderHistory(view: HistoryView, c: MemberRenderContext): RenderedPage {
  const { t } = c;
  const title = t('history.title', { label: view.label });
  const numbers = view.versions.map((v) => v.version).reverse();
  const select = (name: string, id: string, selected: number | undefined) =>
    html`<select id="${id}" name="${name}">${numbers.map((n) => html`<option value="${String(n)}"${n === selected ? html` selected` : ''}>${String(n)}</option>`)}</select>`;
  const { revert, diff } = view;
  const body = html`<section class="member-page history">
  <h1>${title}</h1>
  ${view.reverted ? html`<p class="success" role="status">${t('history.reverted', { from: view.reverted.from, version: view.reverted.version })}</p>` : ''}
  ${view.alert ? html`<div class="error-summary" role="alert" id="erreurs"><p>${view.alert}</p></div>` : ''}
  ${view.publicHref ? html`<p><a href="${view.publicHref}">${t('history.view')}</a></p>` : ''}
  ${view.versions.length === 0
    ? html`<p>${t('history.none')}</p>`
    : html`<h2>${t('history.versions')}</h2>
  <table class="versions"><thead><tr><th scope="col">${t('history.version')}</th><th scope="col">${t('history.date')}</th><th scope="col">${t('history.by')}</th><th scope="col">${t(
    'history.origin',
  )}</th>${revert ? html`<th scope="col">${t('admin.users.actions')}</th>` : ''}</tr></thead><tbody>${view.versions.map(
    (v) => html`<tr><th scope="row">${String(v.version)}${v.current ? html` <span class="badge">${t('history.current')}</span>` : ''}</th><td>${formatDateTime(c.locale, v.createdAt)}</td><td>${
      v.by ?? t('history.system')
    }</td><td>${v.origin}${v.removed ? html` <span class="badge">${t('history.removed')}</span>` : ''}</td>${
      revert
        ? html`<td>${
          v.current
            ? ''
            : html`<form method="post" action="${revert.action}" class="inline-form">${csrfField(c.csrf)}<input type="hidden" name="version" value="${String(v.version)}"><input type="hidden" name="baseVersion" value="${String(
              revert.baseVersion,
            )}"><button type="submit" class="small">${t('history.revert', { version: v.version })}</button></form>`
        }</td>`
        : ''
    }</tr>`,
  )}</tbody></table>
  ${numbers.length > 1
    ? html`<h2>${t('history.compare')}</h2>
  <form method="get" action="${view.href}" class="filter-form">
  <label for="f-de">${t('history.from')}</label> ${select('de', 'f-de', diff?.from)}
  <label for="f-a">${t('history.to')}</label> ${select('a', 'f-a', diff?.to)}
  <button type="submit" class="small">${t('history.compare.submit')}</button></form>
  ${diff
    ? html`<h3>${t('history.diff', { from: diff.from, to: diff.to })}</h3>${
      diff.changes.length === 0
        ? html`<p>${t('history.noDiff')}</p>`
        : changesTable(diff.changes, c, { before: `${t('history.version')} ${diff.from}`, after: `${t('history.version')} ${diff.to}` })
    }`
    : ''}`
    : ''}`}
  </section>`;
  return { title, breadcrumbs: [...(view.publicHref ? [{ href: view.publicHref, label: view.label }] : []), { href: view.href, label: t('member.tools.history') }], body };
}
