/**
 * The project page's similar projects: projects of other partnerships that share its domains,
 * funders, places or kinds of party (src/partners/similar.ts), each with its reasons as codes and
 * values; the words are the catalogue's (`similar.reason.*`).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { similarProjects } from '../../../partners/similar-store.js';
import type { Database } from '../../../store/tables.js';
import type { Directory } from '../../data/directory.js';
import { partnerContext } from '../../data/partner-context.js';
import { html, join, type SafeHtml } from '../../html.js';
import { label } from '../../i18n/index.js';
import { countryLabel } from '../../i18n/codes.js';
import type { RenderContext } from '../../page.js';
import { partnershipLink, statusBadge, source } from '../../render/parts.js';
import { PartnershipRef, ProjectRef, domainRef, partnershipRef, projectRef } from '../common.js';

/** Similar projects shown on a project's page. */
export const SIMILAR_SHOWN = 5;

export const SimilarReason = z.object({
  code: z.enum(['domain', 'funder', 'region', 'kind']),
  /** a domain's code, a funder's name, a region's name, a kind's code */
  value: z.string(),
  /** the domain's label */
  label: z.string().optional(),
  /** the country of the region or kind */
  country: z.string().optional(),
});
export type SimilarReason = z.infer<typeof SimilarReason>;

export const SimilarProjectView = z.object({
  project: ProjectRef,
  partnership: PartnershipRef,
  score: z.number(),
  reasons: z.array(SimilarReason),
});
export type SimilarProjectView = z.infer<typeof SimilarProjectView>;

export async function loadSimilar(dir: Directory, db: Kysely<Database>, projectId: string): Promise<SimilarProjectView[]> {
  const ranked = await similarProjects(partnerContext(dir, db), projectId, SIMILAR_SHOWN);
  const projects = new Map((await dir.projects(ranked.map((r) => r.id))).map((p) => [p.id, p]));
  const heads = new Map((await dir.partnershipHeads([...new Set([...projects.values()].map((p) => p.partnershipId))])).map((p) => [p.id, p]));
  return ranked.flatMap((r) => {
    const project = projects.get(r.id);
    const head = project === undefined ? undefined : heads.get(project.partnershipId);
    if (project === undefined || head === undefined) return [];
    return [
      {
        project: projectRef(project),
        partnership: partnershipRef(dir, head),
        score: r.score,
        reasons: r.reasons.map((reason) =>
          reason.code === 'domain' ? { code: reason.code, value: reason.value, label: domainRef(dir, reason.value).label } : { ...reason },
        ),
      },
    ];
  });
}

/** "même domaine : Eau & assainissement ; même bailleur : PAD" */
export function reasonsText(reasons: readonly SimilarReason[], c: RenderContext): string {
  return reasons
    .map((r) => {
      const value =
        r.code === 'domain'
          ? (r.label ?? r.value)
          : r.code === 'kind'
            ? `${label(c.locale, 'kind', r.value)} (${countryLabel(c.locale, r.country ?? '')})`
            : r.code === 'region'
              ? `${r.value} (${countryLabel(c.locale, r.country ?? '')})`
              : r.value;
      return c.t(`similar.reason.${r.code}`, { value });
    })
    .join(' ; ');
}

export function similarList(similar: readonly SimilarProjectView[], c: RenderContext): SafeHtml | undefined {
  if (similar.length === 0) return undefined;
  return html`<p class="muted">${c.t('similar.intro')}</p><ul class="similar">${join(
    similar.map(
      (s) => html`<li><a href="${s.project.href}">${source(s.project.title, c)}</a> ${statusBadge(s.project.status, c)}<br><span class="muted">${partnershipLink(s.partnership)} — ${reasonsText(s.reasons, c)}</span></li>`,
    ),
  )}</ul>`;
}
