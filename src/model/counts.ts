/** How many records of each kind a document holds, for import reports and summaries. */
import type { RepertoireDocument } from './schema.js';

export function countRecords(doc: RepertoireDocument): Record<string, number> {
  const projects = doc.partnerships.flatMap((p) => p.projects ?? []);
  return {
    domains: doc.domains.length,
    collectivities: doc.collectivities.length,
    partnerships: doc.partnerships.length,
    projects: projects.length,
    contacts: doc.partnerships.reduce((n, p) => n + (p.contacts?.length ?? 0), 0),
    budgets: doc.partnerships.reduce((n, p) => n + (p.budgets?.length ?? 0), 0),
    projectPartners: projects.reduce((n, q) => n + (q.partners?.length ?? 0), 0),
    fundingLines: projects.reduce((n, q) => n + (q.funding?.length ?? 0), 0),
  };
}
