/**
 * The members' parts of the layout: the account bar under the site's navigation (who is signed
 * in, their pages by role, the sign-out form), the record tools above a record page (history,
 * edit), and the members' stylesheet.
 */
import { html, type SafeHtml } from '../html.js';
import type { RenderContext, RenderedPage } from '../page.js';
import { paths } from '../paths.js';
import { memberPaths } from './paths.js';

export function memberStylesheet(page: RenderedPage, c: RenderContext): SafeHtml {
  return page.members || c.member ? html`<link rel="stylesheet" href="${paths.asset('members.css')}">` : html``;
}

export function accountBar(c: RenderContext): SafeHtml {
  const { t, member } = c;
  const current = (href: string) => {
    const path = c.url.split('?')[0] ?? '';
    return path === href || path.startsWith(`${href}/`) ? html` aria-current="page"` : '';
  };
  if (member === undefined) {
    if (c.readOnly === true) return html``;
    return html`<nav class="member-nav wrap" aria-label="${t('member.nav.label')}"><ul><li><a href="${memberPaths.signIn()}"${current(memberPaths.signIn())}>${t('member.signIn')}</a></li></ul></nav>`;
  }
  const editor = member.role === 'editor' || member.role === 'admin';
  const links: [string, string][] = [[memberPaths.census(), t('member.census')]];
  if (editor || member.role === 'contributor') links.push([memberPaths.noticePublish(), t('member.notices')]);
  if (editor) links.push([memberPaths.queue(), t('member.review')], [memberPaths.noticeQueue(), t('member.noticeQueue')], [memberPaths.quality(), t('member.quality')], [memberPaths.personalData(), t('member.personalData')], [memberPaths.tables(), t('member.tables')]);
  if (member.role === 'admin') links.push([memberPaths.users(), t('member.users')]);
  links.push([memberPaths.account(), t('member.account')]);
  return html`<nav class="member-nav wrap" aria-label="${t('member.nav.label')}"><ul>
<li class="member-name">${t('member.signedInAs', { name: member.name, role: t(`member.role.${member.role}`) })}</li>
${links.map(([href, label]) => html`<li><a href="${href}"${current(href)}>${label}</a></li>`)}
<li><form method="post" action="${memberPaths.signOut()}" class="inline-form"><input type="hidden" name="_csrf" value="${member.csrfToken}"><button type="submit" class="link-button">${t('member.signOut')}</button></form></li>
</ul></nav>`;
}

/** Above a record page, for a member who may read its history. */
export function recordTools(c: RenderContext): SafeHtml {
  const { member, record, t } = c;
  if (member === undefined || record === undefined || !member.mayRead(record)) return html``;
  const editor = member.role === 'editor' || member.role === 'admin';
  return html`<nav class="record-tools" aria-label="${t('member.tools.label')}"><ul>
<li><a href="${memberPaths.history(record.type, record.id)}">${t('member.tools.history')}</a></li>
${editor ? html`<li><a href="${memberPaths.edit(record.type, record.id)}">${t('member.tools.edit')}</a></li>` : ''}
</ul></nav>`;
}
