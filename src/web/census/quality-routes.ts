/**
 * The data-quality desk for editors (issue 17): `/qualite` lists the findings by kind with their
 * counts and, for each, a link to fix the record and a form to accept it (CSRF-protected like
 * every members' form); `/qualite.json` is its JSON twin, the shape `repertoire quality --json`
 * prints. Editors only, checked on the server.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireEditor } from '../../accounts/roles.js';
import { qualityDesk, type QualityDesk } from '../../census/quality/desk.js';
import { FINDING_KINDS, type Finding } from '../../census/quality/findings.js';
import { locate } from '../../geo/gazetteer.js';
import { acceptFinding } from '../../store/quality-acceptances.js';
import { csrfField, guarded, queryParam } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { html } from '../html.js';
import { phrase, type Locale } from '../i18n/index.js';
import type { CensusRouteKit } from './route-kit.js';

const AcceptForm = z.object({ key: z.string().min(1).max(2000) });

function findingsJson(desk: QualityDesk) {
  return {
    directory: desk.directoryId,
    findings: desk.findings.map((f) => ({ kind: f.kind, record: f.record, message: f.message, key: f.key, ...(f.line !== undefined ? { line: f.line } : {}), href: memberPaths.edit(f.record.type, f.record.id) })),
    counts: desk.counts,
    accepted: desk.accepted,
  };
}

/** The finding in the reader's words where the catalogue has them (a contradiction of the print as the import report words it), else as the import worded it. */
function findingText(locale: Locale, f: Finding): string {
  return (f.wording && phrase(locale, 'report.note', f.wording.key, f.wording.params)) ?? phrase(locale, 'quality.message', f.kind, f.params) ?? f.message;
}

export function registerQualityRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, csrfOf } = kit;
  const desk = async () => qualityDesk(members.db, (await members.directory()).id, { locate });

  const page = async (request: FastifyRequest, reply: FastifyReply, notice?: { text: string; error?: boolean }, status = 200) => {
    requireEditor(members.actor(request));
    const c = await members.context(request);
    const { t } = c;
    const d = await desk();
    const csrf = csrfOf(request);
    const body = html`<section class="member-page quality">
  <h1>${t('quality.title')}</h1>
  ${notice ? html`<p class="${notice.error ? 'error-summary' : 'success'}" role="${notice.error ? 'alert' : 'status'}">${notice.text}</p>` : ''}
  <p>${t('quality.intro')}</p>
  <table class="stats-table"><caption>${t('quality.counts')}</caption><thead><tr><th scope="col">${t('quality.kind')}</th><th scope="col" class="num">${t('quality.count')}</th></tr></thead><tbody>${FINDING_KINDS.map(
    (kind) => html`<tr><th scope="row">${d.counts[kind] > 0 ? html`<a href="#${kind}">${t(`quality.kind.${kind}`)}</a>` : t(`quality.kind.${kind}`)}</th><td class="num">${d.counts[kind]}</td></tr>`,
  )}</tbody></table>
  ${d.accepted > 0 ? html`<p class="muted">${t('quality.acceptedCount', { count: d.accepted })}</p>` : ''}
  <p><a href="${memberPaths.qualityJson()}">${t('quality.json')}</a></p>
  ${d.findings.length === 0 ? html`<p>${t('quality.none')}</p>` : ''}
  ${FINDING_KINDS.filter((kind) => d.counts[kind] > 0).map(
    (kind) => html`<h2 id="${kind}">${t(`quality.kind.${kind}`)} (${d.counts[kind]})</h2>
  <ul class="findings">${d.findings
    .filter((f) => f.kind === kind)
    .map(
      (f) => html`<li>${findingText(c.locale, f)}${f.line !== undefined ? html` <span class="muted">(${t('quality.line', { line: String(f.line) })})</span>` : ''}
  <a href="${memberPaths.edit(f.record.type, f.record.id)}">${t('quality.fix')}</a>
  <form method="post" action="${memberPaths.qualityAccept()}" class="inline-form">${csrfField(csrf)}<input type="hidden" name="key" value="${f.key}"><button type="submit" class="small">${t('quality.accept')}</button></form></li>`,
    )}</ul>`,
  )}
  </section>`;
    return members.send(request, reply, { title: t('quality.title'), breadcrumbs: [{ href: memberPaths.quality(), label: t('quality.title') }], body }, status);
  };

  app.get(
    '/qualite',
    guarded(members, async (request, reply) => {
      const c = await members.context(request);
      return page(request, reply, queryParam(request, 'fait') === 'accepte' ? { text: c.t('quality.accepted') } : undefined);
    }),
  );

  app.get(
    '/qualite.json',
    guarded(members, async (request, reply) => {
      requireEditor(members.actor(request));
      return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(findingsJson(await desk()));
    }),
  );

  app.post(
    '/qualite/accepter',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const c = await members.context(request);
      const form = AcceptForm.safeParse(request.body ?? {});
      const d = await desk();
      // Only a finding the desk lists can be accepted: a stale or forged key is refused, nothing stored.
      if (!form.success || !d.findings.some((f) => f.key === form.data.key)) return page(request, reply, { text: c.t('quality.unknown'), error: true }, 400);
      await acceptFinding(members.db, d.directoryId, form.data.key, actor.id, new Date());
      return reply.redirect(`${memberPaths.quality()}?fait=accepte`, 303);
    }),
  );
}
