/** Projects with their lists (domains, partners, funding lines); each belongs to a partnership. */
import type { Kysely, Selectable } from 'kysely';
import type { Funding, Project, ProjectPartner } from '../../model/schema.js';
import { decodeFlag, decodeJson, encodeFlag, encodeJson, orNull, orUndefined, present } from '../codec.js';
import type { Database, FundingLineTable, ProjectPartnerTable } from '../tables.js';
import { groupBy, moneyColumns, moneyFrom, sourceColumns, sourceFrom } from './columns.js';
import type { RecordKind } from './kind.js';
import { CHUNK, chunks } from './writer.js';

export const projectKind: RecordKind<Project> = {
  table: 'projects',
  key: 'id',
  children: ['project_domains', 'project_partners', 'funding_lines'],
  childKey: 'project_id',
  keyOf: (project) => project.id,
  rows: (directoryId, { record: p, position, parentId }) => {
    if (parentId === undefined) throw new Error(`project ${p.id} placed without its partnership`);
    const child = (index: number) => ({ directory_id: directoryId, project_id: p.id, position: index });
    const cost = moneyColumns(p.totalCost);
    return {
      projects: [
        {
          directory_id: directoryId,
          id: p.id,
          partnership_id: parentId,
          position,
          title: p.title,
          status: p.status,
          themes: encodeJson(p.themes),
          period_text: orNull(p.periodText),
          start_date: orNull(p.startDate),
          end_date: orNull(p.endDate),
          duration_months: orNull(p.durationMonths),
          pad_cofinanced: encodeFlag(p.padCofinanced),
          objectives: encodeJson(p.objectives),
          description: orNull(p.description),
          total_cost_amount: cost.amount,
          total_cost_currency: cost.currency,
          total_cost_approximate: cost.approximate,
          total_cost_text: cost.amount_text,
          funding_text: orNull(p.fundingText),
          domain_rule: orNull(p.domainRule),
          expected_results: encodeJson(p.expectedResults),
          obtained_results: encodeJson(p.obtainedResults),
          beneficiaries: encodeJson(p.beneficiaries),
          observations: orNull(p.observations),
          ...sourceColumns(p.source),
        },
      ],
      project_domains: (p.domains ?? []).map((code, i) => ({ ...child(i), domain_code: code })),
      project_partners: (p.partners ?? []).map((partner, i) => ({
        ...child(i),
        name: partner.name,
        role: orNull(partner.role),
        country: orNull(partner.country),
        collectivity_id: orNull(partner.collectivityId),
        contact: orNull(partner.contact),
      })),
      funding_lines: (p.funding ?? []).map((funding, i) => ({
        ...child(i),
        ...moneyColumns(funding.amount),
        funder: funding.funder,
        funder_collectivity_id: orNull(funding.funderCollectivityId),
        funder_id: orNull(funding.funderId),
        share: orNull(funding.share),
        contribution: orNull(funding.contribution),
        text: orNull(funding.text),
      })),
    };
  },
};

/** Which projects to read: all the directory's, those of some partnerships, or some by id. */
export type ProjectFilter = { partnershipIds: readonly string[] } | { ids: readonly string[] };

/** The domain codes of projects, by project id, each list in order (ids absent: no domain). */
export async function readProjectDomains(db: Kysely<Database>, directoryId: string, projectIds: readonly string[]): Promise<Map<string, string[]>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('project_domains')
    .select(['project_id', 'domain_code'])
    .where('directory_id', '=', directoryId)
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('position')
    .execute();
  return groupBy(rows, (row) => row.project_id, (row) => row.domain_code);
}

/** The directory's projects (or the filter's), by partnership id, each list in order. */
export async function readProjects(db: Kysely<Database>, directoryId: string, filter?: ProjectFilter): Promise<Map<string, Project[]>> {
  const [column, keys] =
    filter === undefined ? [undefined, undefined] : 'ids' in filter ? (['id', filter.ids] as const) : (['partnership_id', filter.partnershipIds] as const);
  if (filter !== undefined && keys!.length > CHUNK) {
    const parts = await Promise.all(
      chunks(keys!).map((slice) => readProjects(db, directoryId, 'ids' in filter ? { ids: slice } : { partnershipIds: slice })),
    );
    const merged = new Map<string, Project[]>();
    for (const part of parts) for (const [key, list] of part) merged.set(key, [...(merged.get(key) ?? []), ...list]);
    return merged;
  }
  if (keys?.length === 0) return new Map();
  // the projects asked for, then their lists
  const rows = await db
    .selectFrom('projects')
    .selectAll()
    .where('directory_id', '=', directoryId)
    .$if(column !== undefined, (q) => q.where(column!, 'in', keys!))
    .orderBy('partnership_id')
    .orderBy('position')
    .execute();
  const projectIds = filter === undefined ? undefined : rows.map((row) => row.id);
  if (projectIds?.length === 0) return new Map();
  const some = projectIds !== undefined;
  const [domains, partners, funding] = await Promise.all([
    db.selectFrom('project_domains').selectAll().where('directory_id', '=', directoryId).$if(some, (q) => q.where('project_id', 'in', projectIds!)).orderBy('project_id').orderBy('position').execute(),
    db.selectFrom('project_partners').selectAll().where('directory_id', '=', directoryId).$if(some, (q) => q.where('project_id', 'in', projectIds!)).orderBy('project_id').orderBy('position').execute(),
    db.selectFrom('funding_lines').selectAll().where('directory_id', '=', directoryId).$if(some, (q) => q.where('project_id', 'in', projectIds!)).orderBy('project_id').orderBy('position').execute(),
  ]);
  const byProject = (row: { project_id: string }) => row.project_id;
  const domainsOf = groupBy(domains, byProject, (row) => row.domain_code);
  const partnersOf = groupBy(partners, byProject, partnerFrom);
  const fundingOf = groupBy(funding, byProject, fundingFrom);

  // Enum-typed columns are cast here and checked when the whole document is validated on load.
  const project = (row: (typeof rows)[number]): Project =>
    present({
      id: row.id,
      title: row.title,
      status: row.status as Project['status'],
      themes: decodeJson<string[]>(row.themes),
      domains: domainsOf.get(row.id),
      domainRule: orUndefined(row.domain_rule) as Project['domainRule'],
      periodText: orUndefined(row.period_text),
      startDate: orUndefined(row.start_date),
      endDate: orUndefined(row.end_date),
      durationMonths: orUndefined(row.duration_months),
      padCofinanced: decodeFlag(row.pad_cofinanced),
      objectives: decodeJson<string[]>(row.objectives),
      description: orUndefined(row.description),
      partners: partnersOf.get(row.id),
      totalCost: moneyFrom({
        amount: row.total_cost_amount,
        currency: row.total_cost_currency,
        approximate: row.total_cost_approximate,
        amount_text: row.total_cost_text,
      }),
      funding: fundingOf.get(row.id),
      fundingText: orUndefined(row.funding_text),
      expectedResults: decodeJson<string[]>(row.expected_results),
      obtainedResults: decodeJson<string[]>(row.obtained_results),
      beneficiaries: decodeJson<string[]>(row.beneficiaries),
      observations: orUndefined(row.observations),
      source: sourceFrom(row),
    });
  return groupBy(rows, (row) => row.partnership_id, project);
}

function partnerFrom(row: Selectable<ProjectPartnerTable>): ProjectPartner {
  return present({
    name: row.name,
    role: orUndefined(row.role) as ProjectPartner['role'],
    country: orUndefined(row.country),
    collectivityId: orUndefined(row.collectivity_id),
    contact: orUndefined(row.contact),
  });
}

function fundingFrom(row: Selectable<FundingLineTable>): Funding {
  return present({
    funder: row.funder,
    funderCollectivityId: orUndefined(row.funder_collectivity_id),
    funderId: orUndefined(row.funder_id),
    amount: moneyFrom(row),
    share: orUndefined(row.share),
    contribution: orUndefined(row.contribution) as Funding['contribution'],
    text: orUndefined(row.text),
  });
}
