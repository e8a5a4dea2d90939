/**
 * The directory as flat tables, for the spreadsheet exports (CSV, XLSX): what each table's
 * columns are, and their rows read from the store a few hundred partnerships at a time, so that a
 * store of a million projects is written with bounded memory. Rows come in directory order
 * (partnerships as printed, projects in their partnership's order).
 *
 * Only Kysely queries with `in` lists and ordinary ordering: the same code serves SQLite and
 * PostgreSQL.
 * Size: every table's columns beside the one reader of their rows (`storedRows`), so that a column and the query filling it change together.
 */
import type { Kysely } from 'kysely';
import { RepertoireError } from '../errors.js';
import { bySide, type Side } from '../model/sides.js';
import { soleDirectoryId } from '../store/load-document.js';
import { defaultProfiles } from '../profiles/profiles.js';
import { referenceRates, toEur, type ReferenceRates } from '../stats/money.js';
import { readProjectDomains } from '../store/records/project.js';
import type { Database } from '../store/tables.js';
import { memoryCeiling } from './memory.js';
import type { ColumnChoice, ExportOptions, Selection } from './options.js';
import { LIST_SEPARATOR, type Cell, type CellKind, type CodeFamily, type Column, type Row, type Table, type TableName } from './cells.js';
import { redactRow } from './redact.js';

type Db = Kysely<Database>;

const col = (name: string, kind: CellKind = 'text', currencyColumn?: string): Column => ({ name, kind, ...(currencyColumn ? { currencyColumn } : {}) });
/** A column of codes (or, kind `list`, of several): labelled in an export for people (labels.ts). */
const coded = (name: string, code: CodeFamily, kind: CellKind = 'text'): Column => ({ name, kind, code });

/** The tables, in the order they are written: the one-sheet table of projects first (what people open), then the relational tables. */
export const TABLES: readonly Table[] = [
  {
    // One row per project, for people: both parties, status, domains, dates, cost in its currency
    // and in euros, funders — what the relational tables below say of a project, on one sheet.
    name: 'project_summary',
    columns: [
      col('project_id'), col('title'), coded('status', 'status'), col('home_parties', 'list'), coded('home_countries', 'country', 'list'),
      col('partner_parties', 'list'), coded('partner_countries', 'country', 'list'), coded('domains', 'domain', 'list'), col('start_date', 'date'),
      col('end_date', 'date'), col('period_text'), col('total_cost', 'amount', 'currency'), col('currency', 'currency'), col('total_cost_approximate', 'boolean'),
      { name: 'total_cost_eur', kind: 'amount', currency: 'EUR' }, col('funders', 'list'), col('pad_cofinanced', 'boolean'), col('partnership_id'),
    ],
  },
  {
    name: 'collectivities',
    columns: [
      col('id'), col('name'), col('short_name'), coded('country', 'country'), coded('kind', 'kind'), col('region'), col('population', 'integer'),
      col('population_year', 'integer'), col('executive_name'), col('executive_title'), col('address'), col('phones', 'list'),
      col('faxes', 'list'), col('emails', 'list'), col('websites', 'list'), col('lat', 'number'), col('lon', 'number'), col('aliases', 'list'),
    ],
  },
  {
    name: 'partnerships',
    columns: [
      col('id'), col('position', 'integer'), coded('tier', 'tier'), col('section'), col('home_parties', 'list'), col('partner_parties', 'list'), coded('partner_countries', 'country', 'list'),
      col('legal_framework'), coded('framework_kind', 'framework'), col('date_text'), col('signed_date', 'date'), col('history'), col('domains_text'),
      coded('domains', 'domain', 'list'), col('human_resources', 'list'), col('other_partnerships', 'list'), col('notes', 'list'),
    ],
  },
  {
    name: 'partnership_parties',
    columns: [col('partnership_id'), col('position', 'integer'), col('collectivity_id'), col('collectivity_name'), coded('country', 'country'), col('executive_name'), col('executive_title')],
  },
  {
    name: 'projects',
    columns: [
      col('id'), col('partnership_id'), col('position', 'integer'), col('title'), coded('status', 'status'), col('themes', 'list'), coded('domains', 'domain', 'list'),
      col('period_text'), col('start_date', 'date'), col('end_date', 'date'), col('duration_months', 'integer'), col('pad_cofinanced', 'boolean'),
      col('objectives', 'list'), col('description'), col('total_cost', 'amount', 'currency'), col('currency', 'currency'),
      col('total_cost_approximate', 'boolean'), col('total_cost_text'), col('funding_text'), col('expected_results', 'list'),
      col('obtained_results', 'list'), col('beneficiaries', 'list'), col('observations'),
    ],
  },
  {
    name: 'funding',
    columns: [
      col('project_id'), col('position', 'integer'), col('funder'), col('funder_collectivity_id'), col('amount', 'amount', 'currency'),
      col('currency', 'currency'), col('approximate', 'boolean'), col('share', 'number'), coded('contribution', 'contribution'), col('amount_text'), col('text'),
    ],
  },
  {
    name: 'project_partners',
    columns: [col('project_id'), col('position', 'integer'), col('name'), coded('role', 'role'), coded('country', 'country'), col('collectivity_id'), col('contact')],
  },
  {
    name: 'budgets',
    columns: [
      col('partnership_id'), col('position', 'integer'), col('collectivity_id'), col('amount', 'amount', 'currency'), col('currency', 'currency'),
      col('approximate', 'boolean'), col('period'), col('amount_text'), col('text'),
    ],
  },
  {
    name: 'contacts',
    columns: [
      col('partnership_id'), col('position', 'integer'), col('name'), col('role'), coded('kind', 'contactKind'), col('collectivity_id'), col('organization'),
      col('phones', 'list'), col('faxes', 'list'), col('emails', 'list'), col('address'),
    ],
  },
  { name: 'domains', columns: [col('code'), col('label'), coded('parent', 'domain'), col('position', 'integer'), col('aliases', 'list')] },
];

/**
 * The tables with only the chosen columns, in the order chosen (a table chosen with no column is
 * left out); unknown names are a usage error.
 */
export function chooseColumns(choice: ColumnChoice | undefined): Table[] {
  const known = new Set<string>(TABLES.map((t) => t.name));
  for (const name of Object.keys(choice ?? {})) {
    if (!known.has(name)) throw new RepertoireError('usage', `--columns: no table "${name}" (tables: ${[...known].join(', ')})`, 400);
  }
  const chosen = TABLES.map((table) => {
    const wanted = choice?.[table.name];
    if (wanted === undefined) return table;
    const columns = wanted.map((name) => {
      const column = table.columns.find((c) => c.name === name);
      if (!column) throw new RepertoireError('usage', `--columns: table ${table.name} has no column "${name}" (columns: ${table.columns.map((c) => c.name).join(', ')})`, 400);
      return column;
    });
    return { name: table.name, columns };
  }).filter((table) => table.columns.length > 0);
  if (chosen.length === 0) throw new RepertoireError('usage', '--columns: no column chosen', 400);
  return chosen;
}

/** Partnerships per batch: small enough for `in` lists, large enough for few queries. */
const BATCH = 50;
/** Ids per `in` list. */
const IN_LIST = 500;

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function list(json: string | null): string[] {
  if (json === null) return [];
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.map(String) : [];
}

function joined(json: string | null): string | null {
  const items = list(json);
  return items.length ? items.join(LIST_SEPARATOR) : null;
}

function flag(value: number | null): boolean | null {
  return value === null ? null : Boolean(value);
}

/**
 * The records an export covers: the directory, the partnerships in directory order (the
 * selected ones), and the projects to keep (undefined: all projects of those partnerships).
 */
export interface Scope {
  readonly db: Db;
  readonly directoryId: string;
  /** the directory's countries, home first: a partnership's parties are split by side with them */
  readonly countries: readonly string[];
  readonly partnershipIds: readonly string[];
  readonly projectIds?: ReadonlySet<string>;
  /** collectivities selected for themselves, besides the partnerships' parties */
  readonly collectivityIds?: ReadonlySet<string>;
  readonly whole: boolean;
  readonly redactor?: ExportOptions['redactor'];
  /** the reference rates of the directory's currencies: a project's cost in euros */
  readonly rates: ReferenceRates;
}

export async function resolveScope(db: Db, options: Pick<ExportOptions, 'directoryId' | 'selection' | 'redactor' | 'rates'>): Promise<Scope> {
  const directoryId = options.directoryId ?? (await soleDirectoryId(db));
  const directory = await db.selectFrom('directories').select(['id', 'countries']).where('id', '=', directoryId).executeTakeFirst();
  if (!directory) throw new RepertoireError('not-found', `the store holds no directory "${directoryId}"`, 404);
  const countries = JSON.parse(directory.countries) as string[];
  const rates = options.rates ?? referenceRates(defaultProfiles(), countries);
  const all = (await db.selectFrom('partnerships').select('id').where('directory_id', '=', directoryId).orderBy('position').execute()).map((r) => r.id);
  const selection: Selection = options.selection ?? {};
  const redactor = options.redactor ? { redactor: options.redactor } : {};
  if (selection.partnerships === undefined && selection.projects === undefined && selection.collectivities === undefined) {
    return { db, directoryId, countries, rates, partnershipIds: all, whole: true, ...redactor };
  }

  const wanted = new Set(selection.partnerships ?? []);
  const known = new Set(all);
  const missing = [...wanted].filter((id) => !known.has(id));
  let projectIds: Set<string> | undefined;
  if (selection.projects !== undefined) {
    projectIds = new Set(selection.projects);
    const found = new Set<string>();
    for (const ids of slices([...projectIds], IN_LIST)) {
      const rows = await db.selectFrom('projects').select(['id', 'partnership_id']).where('directory_id', '=', directoryId).where('id', 'in', ids).execute();
      for (const row of rows) {
        found.add(row.id);
        wanted.add(row.partnership_id);
      }
    }
    missing.push(...[...projectIds].filter((id) => !found.has(id)));
  }
  let collectivityIds: Set<string> | undefined;
  if (selection.collectivities !== undefined) {
    collectivityIds = new Set(selection.collectivities);
    const found = new Set<string>();
    for (const ids of slices([...collectivityIds], IN_LIST)) {
      for (const row of await db.selectFrom('collectivities').select('id').where('directory_id', '=', directoryId).where('id', 'in', ids).execute()) found.add(row.id);
    }
    missing.push(...[...collectivityIds].filter((id) => !found.has(id)));
  }
  if (missing.length) {
    throw new RepertoireError('not-found', `the directory "${directoryId}" has no record ${missing.slice(0, 5).map((id) => `"${id}"`).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}`, 404);
  }
  return {
    db,
    directoryId,
    countries,
    rates,
    partnershipIds: all.filter((id) => wanted.has(id)),
    ...(projectIds ? { projectIds } : {}),
    ...(collectivityIds ? { collectivityIds } : {}),
    whole: false,
    ...redactor,
  };
}

/** Projects of a batch of partnerships, in directory order, kept by the scope. */
async function projectsOf(scope: Scope, partnerships: readonly string[]) {
  const rows = await scope.db
    .selectFrom('projects')
    .selectAll()
    .where('directory_id', '=', scope.directoryId)
    .where('partnership_id', 'in', partnerships)
    .orderBy('partnership_id')
    .orderBy('position')
    .execute();
  const order = new Map(partnerships.map((id, i) => [id, i]));
  return rows
    .filter((row) => scope.projectIds === undefined || scope.projectIds.has(row.id))
    .sort((a, b) => order.get(a.partnership_id)! - order.get(b.partnership_id)! || a.position - b.position);
}

async function projectIdsOf(scope: Scope, partnerships: readonly string[]): Promise<string[]> {
  const rows = await scope.db
    .selectFrom('projects')
    .select(['id', 'partnership_id', 'position'])
    .where('directory_id', '=', scope.directoryId)
    .where('partnership_id', 'in', partnerships)
    .execute();
  const order = new Map(partnerships.map((id, i) => [id, i]));
  return rows
    .filter((row) => scope.projectIds === undefined || scope.projectIds.has(row.id))
    .sort((a, b) => order.get(a.partnership_id)! - order.get(b.partnership_id)! || a.position - b.position)
    .map((row) => row.id);
}

/** Rows of a child table of partnerships or projects, grouped by parent, in the parents' order. */
function inParentOrder<R extends { position: number }>(rows: R[], parents: readonly string[], parentOf: (row: R) => string): R[] {
  const order = new Map(parents.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(parentOf(a))! - order.get(parentOf(b))! || a.position - b.position);
}

type Partial = Record<string, Cell>;

/** Every row of one table, in directory order (as the public may see it, when the scope has a redactor). */
export async function* tableRows(scope: Scope, table: TableName): AsyncGenerator<Row> {
  const { redactor } = scope;
  if (redactor === undefined) {
    yield* storedRows(scope, table);
    return;
  }
  for await (const row of storedRows(scope, table)) yield redactRow(table, row, redactor);
}

async function* storedRows(scope: Scope, table: TableName): AsyncGenerator<Row> {
  const { db, directoryId } = scope;
  const batches = slices(scope.partnershipIds, BATCH);
  switch (table) {
    case 'domains': {
      const rows = await db.selectFrom('domains').selectAll().where('directory_id', '=', directoryId).orderBy('position').execute();
      for (const r of rows) yield { code: r.code, label: r.label, parent: r.parent, position: r.position, aliases: joined(r.aliases) };
      return;
    }
    case 'collectivities': {
      const ordered = (await db.selectFrom('collectivities').select('id').where('directory_id', '=', directoryId).orderBy('position').execute()).map((r) => r.id);
      let keep: Set<string> | undefined;
      if (!scope.whole) {
        keep = new Set(scope.collectivityIds ?? []);
        for (const ids of batches) {
          const parties = await db.selectFrom('partnership_parties').select('collectivity_id').where('directory_id', '=', directoryId).where('partnership_id', 'in', ids).execute();
          for (const p of parties) keep.add(p.collectivity_id);
        }
      }
      for (const ids of slices(keep ? ordered.filter((id) => keep.has(id)) : ordered, IN_LIST)) {
        const rows = await db.selectFrom('collectivities').selectAll().where('directory_id', '=', directoryId).where('id', 'in', ids).orderBy('position').execute();
        for (const r of rows) {
          yield {
            id: r.id, name: r.name, short_name: r.short_name, country: r.country, kind: r.kind, region: r.region, population: r.population,
            population_year: r.population_year, executive_name: r.executive_name, executive_title: r.executive_title, address: r.address,
            phones: joined(r.phones), faxes: joined(r.faxes), emails: joined(r.emails), websites: joined(r.websites), lat: r.lat, lon: r.lon,
            aliases: joined(r.aliases),
          };
        }
      }
      return;
    }
    case 'partnerships':
      for (const ids of batches) {
        const [rows, parties, domains] = await Promise.all([
          db.selectFrom('partnerships').selectAll().where('directory_id', '=', directoryId).where('id', 'in', ids).execute(),
          partiesOf(scope, ids),
          db.selectFrom('partnership_domains').selectAll().where('directory_id', '=', directoryId).where('partnership_id', 'in', ids).orderBy('partnership_id').orderBy('position').execute(),
        ]);
        const order = new Map(ids.map((id, i) => [id, i]));
        rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
        for (const r of rows) {
          const own = parties.filter((p) => p.partnership_id === r.id);
          const sides = bySide(own, (p) => p.country, scope);
          const names = (side: Side) => sides[side].map((p) => p.name).join(LIST_SEPARATOR) || null;
          const codes = domains.filter((d) => d.partnership_id === r.id).map((d) => d.domain_code);
          yield {
            id: r.id, position: r.position, tier: r.tier, section: r.section, home_parties: names('home'), partner_parties: names('partner'),
            partner_countries: [...new Set(sides.partner.map((p) => p.country))].join(LIST_SEPARATOR) || null,
            legal_framework: r.legal_framework, framework_kind: r.framework_kind, date_text: r.date_text, signed_date: r.signed_date,
            history: r.history, domains_text: r.domains_text, domains: codes.length ? codes.join(LIST_SEPARATOR) : null,
            human_resources: joined(r.human_resources), other_partnerships: joined(r.other_partnerships), notes: joined(r.notes),
          };
        }
      }
      return;
    case 'partnership_parties':
      for (const ids of batches) {
        for (const p of await partiesOf(scope, ids)) {
          yield {
            partnership_id: p.partnership_id, position: p.position, collectivity_id: p.collectivity_id, collectivity_name: p.name, country: p.country,
            executive_name: p.executive_name, executive_title: p.executive_title,
          };
        }
      }
      return;
    case 'budgets':
      for (const ids of batches) {
        const rows = await db.selectFrom('partnership_budgets').selectAll().where('directory_id', '=', directoryId).where('partnership_id', 'in', ids).execute();
        for (const r of inParentOrder(rows, ids, (row) => row.partnership_id)) {
          yield {
            partnership_id: r.partnership_id, position: r.position, collectivity_id: r.collectivity_id, amount: r.amount, currency: r.currency,
            approximate: flag(r.approximate), period: r.period, amount_text: r.amount_text, text: r.text,
          };
        }
      }
      return;
    case 'contacts':
      for (const ids of batches) {
        const rows = await db.selectFrom('contacts').selectAll().where('directory_id', '=', directoryId).where('partnership_id', 'in', ids).execute();
        for (const r of inParentOrder(rows, ids, (row) => row.partnership_id)) {
          yield {
            partnership_id: r.partnership_id, position: r.position, name: r.name, role: r.role, kind: r.kind, collectivity_id: r.collectivity_id,
            organization: r.organization, phones: joined(r.phones), faxes: joined(r.faxes), emails: joined(r.emails), address: r.address,
          };
        }
      }
      return;
    case 'projects':
      for (const ids of batches) {
        const projects = await projectsOf(scope, ids);
        for (const group of slices(projects, IN_LIST)) {
          const domainsOf = await readProjectDomains(db, directoryId, group.map((p) => p.id));
          for (const r of group) {
            yield {
              id: r.id, partnership_id: r.partnership_id, position: r.position, title: r.title, status: r.status, themes: joined(r.themes),
              domains: domainsOf.get(r.id)?.join(LIST_SEPARATOR) ?? null, period_text: r.period_text, start_date: r.start_date, end_date: r.end_date,
              duration_months: r.duration_months, pad_cofinanced: flag(r.pad_cofinanced), objectives: joined(r.objectives), description: r.description,
              total_cost: r.total_cost_amount, currency: r.total_cost_currency, total_cost_approximate: flag(r.total_cost_approximate),
              total_cost_text: r.total_cost_text, funding_text: r.funding_text, expected_results: joined(r.expected_results),
              obtained_results: joined(r.obtained_results), beneficiaries: joined(r.beneficiaries), observations: r.observations,
            };
          }
        }
      }
      return;
    case 'project_summary':
      for (const ids of batches) yield* summaryRows(scope, ids);
      return;
    case 'funding':
    case 'project_partners':
      for (const ids of batches) {
        for (const group of slices(await projectIdsOf(scope, ids), IN_LIST)) {
          if (table === 'funding') {
            const rows = await db.selectFrom('funding_lines').selectAll().where('directory_id', '=', directoryId).where('project_id', 'in', group).execute();
            for (const r of inParentOrder(rows, group, (row) => row.project_id)) {
              yield {
                project_id: r.project_id, position: r.position, funder: r.funder, funder_collectivity_id: r.funder_collectivity_id, amount: r.amount,
                currency: r.currency, approximate: flag(r.approximate), share: r.share, contribution: r.contribution, amount_text: r.amount_text, text: r.text,
              } satisfies Partial;
            }
          } else {
            const rows = await db.selectFrom('project_partners').selectAll().where('directory_id', '=', directoryId).where('project_id', 'in', group).execute();
            for (const r of inParentOrder(rows, group, (row) => row.project_id)) {
              yield { project_id: r.project_id, position: r.position, name: r.name, role: r.role, country: r.country, collectivity_id: r.collectivity_id, contact: r.contact };
            }
          }
        }
      }
      return;
  }
}

/** The one-sheet rows of the projects of a batch of partnerships (`project_summary`). */
async function* summaryRows(scope: Scope, ids: readonly string[]): AsyncGenerator<Row> {
  const [projects, parties] = await Promise.all([projectsOf(scope, ids), partiesOf(scope, ids)]);
  const sides = new Map(ids.map((id) => [id, bySide(parties.filter((p) => p.partnership_id === id), (p) => p.country, scope)]));
  const names = (items: readonly { name: string }[]) => items.map((p) => p.name).join(LIST_SEPARATOR) || null;
  const countries = (items: readonly { country: string }[]) => [...new Set(items.map((p) => p.country))].join(LIST_SEPARATOR) || null;
  for (const group of slices(projects, IN_LIST)) {
    const projectIds = group.map((p) => p.id);
    const [domainsOf, funding] = await Promise.all([
      readProjectDomains(scope.db, scope.directoryId, projectIds),
      scope.db.selectFrom('funding_lines').select(['project_id', 'position', 'funder']).where('directory_id', '=', scope.directoryId).where('project_id', 'in', projectIds).execute(),
    ]);
    const funders = new Map<string, string[]>();
    for (const line of inParentOrder(funding, projectIds, (row) => row.project_id)) {
      const list = funders.get(line.project_id) ?? [];
      if (!list.includes(line.funder)) list.push(line.funder);
      funders.set(line.project_id, list);
    }
    for (const r of group) {
      const side = sides.get(r.partnership_id)!;
      const cost = r.total_cost_amount;
      const eur = cost !== null && r.total_cost_currency !== null ? toEur(cost, r.total_cost_currency, scope.rates) : undefined;
      yield {
        project_id: r.id, title: r.title, status: r.status, home_parties: names(side.home), home_countries: countries(side.home),
        partner_parties: names(side.partner), partner_countries: countries(side.partner), domains: domainsOf.get(r.id)?.join(LIST_SEPARATOR) ?? null,
        start_date: r.start_date, end_date: r.end_date, period_text: r.period_text, total_cost: cost, currency: r.total_cost_currency,
        total_cost_approximate: flag(r.total_cost_approximate), total_cost_eur: eur === undefined ? null : Math.round(eur * 100) / 100,
        funders: funders.get(r.id)?.join(LIST_SEPARATOR) ?? null, pad_cofinanced: flag(r.pad_cofinanced), partnership_id: r.partnership_id,
      };
    }
  }
}

/** Parties of a batch of partnerships with their collectivities' names, in order. */
async function partiesOf(scope: Scope, ids: readonly string[]) {
  const rows = await scope.db
    .selectFrom('partnership_parties as pp')
    .innerJoin('collectivities as c', (join) => join.onRef('c.directory_id', '=', 'pp.directory_id').onRef('c.id', '=', 'pp.collectivity_id'))
    .select(['pp.partnership_id', 'pp.position', 'pp.collectivity_id', 'pp.country', 'pp.executive_name', 'pp.executive_title', 'c.name'])
    .where('pp.directory_id', '=', scope.directoryId)
    .where('pp.partnership_id', 'in', ids)
    .execute();
  return inParentOrder(rows, ids, (row) => row.partnership_id);
}

/** Rows each table will have: the total announced to progress bars. */
export async function countRows(scope: Scope, tables: readonly Table[]): Promise<Record<string, number>> {
  const { db, directoryId } = scope;
  const counts: Record<string, number> = {};
  const count = async (table: keyof Database, column?: string, ids?: readonly string[]): Promise<number> => {
    let total = 0;
    for (const slice of ids ? slices(ids, IN_LIST) : [undefined]) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      let query = (db as Kysely<any>).selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).where('directory_id', '=', directoryId);
      if (slice && column) query = query.where(column, 'in', slice);
      total += Number((await query.executeTakeFirstOrThrow()).n);
    }
    return total;
  };
  let projectIds: string[] | undefined;
  const projects = async () => {
    if (projectIds) return projectIds;
    projectIds = [];
    for (const ids of slices(scope.partnershipIds, BATCH)) projectIds.push(...(await projectIdsOf(scope, ids)));
    return projectIds;
  };
  for (const table of tables) {
    const whole = scope.whole;
    const p = whole ? undefined : scope.partnershipIds;
    switch (table.name) {
      case 'domains': counts[table.name] = await count('domains'); break;
      case 'collectivities': counts[table.name] = whole ? await count('collectivities') : await countParties(scope); break;
      case 'partnerships': counts[table.name] = scope.partnershipIds.length; break;
      case 'partnership_parties': counts[table.name] = await count('partnership_parties', 'partnership_id', p); break;
      case 'budgets': counts[table.name] = await count('partnership_budgets', 'partnership_id', p); break;
      case 'contacts': counts[table.name] = await count('contacts', 'partnership_id', p); break;
      case 'projects':
      case 'project_summary': counts[table.name] = whole ? await count('projects') : (await projects()).length; break;
      case 'funding': counts[table.name] = whole ? await count('funding_lines') : await count('funding_lines', 'project_id', await projects()); break;
      case 'project_partners': counts[table.name] = whole ? await count('project_partners') : await count('project_partners', 'project_id', await projects()); break;
    }
  }
  return counts;
}

async function countParties(scope: Scope): Promise<number> {
  const ids = new Set<string>(scope.collectivityIds ?? []);
  for (const batch of slices(scope.partnershipIds, BATCH)) {
    const rows = await scope.db.selectFrom('partnership_parties').select('collectivity_id').where('directory_id', '=', scope.directoryId).where('partnership_id', 'in', batch).execute();
    for (const row of rows) ids.add(row.collectivity_id);
  }
  return ids.size;
}

/** Calls `onProgress` at most every `every` rows, and at the end; keeps to the memory ceiling. */
export function progressCounter(total: number, onProgress: ExportOptions['onProgress'], rssCeilingMB?: number, every = Math.max(1, Math.floor(total / 200))) {
  let done = 0;
  const keepLow = memoryCeiling(rssCeilingMB);
  onProgress?.(0, total);
  return {
    tick() {
      done += 1;
      keepLow();
      if (done % every === 0) onProgress?.(done, total);
    },
    end() {
      onProgress?.(done, total);
    },
    get done() {
      return done;
    },
  };
}
