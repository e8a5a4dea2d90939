/**
 * IATI 2.03 activities XML: one `iati-activity` per project, read from the store a batch of
 * partnerships at a time and written as it goes. Validated against the IATI schema copied in
 * `schema/iati/` (iati.test.ts).
 *
 * How the directory's records become IATI (codelists: iatistandard.org, version 2.03):
 * - iati-identifier: `<reporting-org ref>-<project id>`; narratives in French (`xml:lang="fr"`).
 * - reporting-org: the directory's publishers (configurable: IATI gives them no identifier we
 *   know of, so the default `ref` is a placeholder of ours, `XX-REPERTOIRE`).
 * - participating-org: role 1 (funding) for each funder of the funding lines; role 2
 *   (accountable) for each party of the partnership; role 4 (implementing) for the maître
 *   d'ouvrage (and the operator). Collectivities are type 11 (local government) and carry as
 *   `ref` their stable id in this directory, prefixed by the reporting org's ref; other
 *   organisations have no identifier and no `ref`.
 * - activity-status: ongoing → 2 (implementation), completed → 4 (closed), planned → 1
 *   (pipeline/identification), other (the book prints no status) → 2.
 * - activity-date: start → 2 (actual start; 1, planned, for a planned project), end → 4 (actual
 *   end) for a completed project, 3 (planned end) otherwise. Partial dates take their first day
 *   (start) or last day (end). A project without dates (the schema wants one) gets the edition's
 *   date as its start, with a narrative saying so.
 * - recipient-country: the partner countries of the partnership's parties (the directory's partner
 *   countries when none is named), shares split evenly; location: each party collectivity, by
 *   name, with its region and country (the catalogue's name), and its coordinates when the store has them.
 * - sector: OECD DAC 5-digit purpose codes (vocabulary 1) mapped from our domains by
 *   DAC_PURPOSE below, shares split evenly; and our own domains (vocabulary 99, with
 *   `vocabulary-uri`). A project without domains takes its partnership's.
 * - budget: the total cost, in its own currency (EUR or MAD), over the project's period
 *   (a year from its start when no end is known); value-date = period start.
 * - transaction: each funding line with an amount, type 11 (incoming commitment), in its own
 *   currency, provider-org = the funder; value-date = transaction date = the project's start.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Kysely, Selectable } from 'kysely';
import type { CollectivityTable, Database } from '../store/tables.js';
import type { ExportCounts, ExportOptions } from './options.js';
import { partnerCountries, sideOf } from '../model/sides.js';
import { countryLabel } from '../web/i18n/codes.js';
import { resolveScope } from './tables.js';

/**
 * OECD DAC 5-digit purpose codes for the domains of the 2008 directory's Synthèse, by domain
 * code. A domain not listed takes its parent's code; one with neither takes FALLBACK_PURPOSE.
 */
export const DAC_PURPOSE: Readonly<Record<string, { code: string; name: string }>> = {
  'developpement-urbain': { code: '43030', name: 'Urban development and management' },
  'developpement-urbain-amenagement': { code: '43030', name: 'Urban development and management' },
  'developpement-urbain-transports': { code: '21020', name: 'Road transport' },
  'developpement-urbain-eau-assainissement': { code: '14020', name: 'Water supply and sanitation - large systems' },
  'developpement-urbain-proprete': { code: '14050', name: 'Waste management/disposal' },
  'developpement-rural': { code: '43040', name: 'Rural development' },
  'developpement-economique': { code: '25010', name: 'Business policy and administration' },
  'developpement-economique-tourisme': { code: '33210', name: 'Tourism policy and administrative management' },
  'developpement-economique-artisanat': { code: '32130', name: 'Small and medium-sized enterprises (SME) development' },
  'developpement-economique-commerce-equitable': { code: '33110', name: 'Trade policy and administrative management' },
  environnement: { code: '41010', name: 'Environmental policy and administrative management' },
  'environnement-maitrise-de-l-energie': { code: '23183', name: 'Energy conservation and demand-side efficiency' },
  'environnement-circulations-douces': { code: '21020', name: 'Road transport' },
  'developpement-social': { code: '16010', name: 'Social protection' },
  'developpement-social-renforcement-de-la-societe-civile': { code: '15150', name: 'Democratic participation and civil society' },
  'developpement-social-sante': { code: '12220', name: 'Basic health care' },
  'developpement-social-insertion-des-jeunes-par-l-economie': { code: '16020', name: 'Employment creation' },
  'developpement-social-insertion-des-femmes': { code: '15170', name: "Women's rights organisations and movements, and government institutions" },
  'education-et-jeunesse': { code: '11110', name: 'Education policy and administrative management' },
  'education-et-jeunesse-chantiers-et-echanges-de-jeunes': { code: '16061', name: 'Culture and recreation' },
  'education-et-jeunesse-cooperation-universitaire': { code: '11420', name: 'Higher education' },
  'education-et-jeunesse-education': { code: '11110', name: 'Education policy and administrative management' },
  culture: { code: '16061', name: 'Culture and recreation' },
  patrimoine: { code: '16061', name: 'Culture and recreation' },
  sport: { code: '16061', name: 'Culture and recreation' },
};

/** What decentralised cooperation is about when nothing more precise is known. */
export const FALLBACK_PURPOSE = { code: '15112', name: 'Decentralisation and support to subnational government' } as const;

export interface IatiOptions extends ExportOptions {
  readonly reportingOrg?: { readonly ref: string; readonly name?: string; readonly type?: string };
  /** URI of our domain vocabulary (sector vocabulary 99) */
  readonly vocabularyUri?: string;
  /** `generated-datetime` and `last-updated-datetime`; default now */
  readonly generated?: Date;
}

const STATUS: Readonly<Record<string, string>> = { planned: '1', ongoing: '2', completed: '4', other: '2' };
const FR = ' xml:lang="fr"';
const BATCH = 200;
const IN_LIST = 500;

export function escapeXml(text: string): string {
  // Control characters other than tab and line breaks are not allowed in XML 1.0: dropped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const narrative = (text: string) => `<narrative${FR}>${escapeXml(text)}</narrative>`;

/** First day of a partial date: 2007 → 2007-01-01, 2007-07 → 2007-07-01. */
export function startDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** Last day of a partial date: 2007 → 2007-12-31, 2008-02 → 2008-02-29. */
export function endDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return `${date}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return date;
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function purposeOf(code: string, parents: ReadonlyMap<string, string | null>): { code: string; name: string } {
  for (let c: string | null | undefined = code; c; c = parents.get(c)) {
    const known = DAC_PURPOSE[c];
    if (known) return known;
  }
  return FALLBACK_PURPOSE;
}

/** Percentages that add up to 100 with at most two decimals. */
function split(n: number): string[] {
  const base = Math.floor(10000 / n) / 100;
  const out = Array.from({ length: n }, () => base);
  out[0] = Math.round((100 - base * (n - 1)) * 100) / 100;
  return out.map((p) => String(p));
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function list(json: string | null): string[] {
  return json === null ? [] : (JSON.parse(json) as string[]);
}

function money(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Writes the activities file to `out` and ends it. */
export async function writeIati(db: Kysely<Database>, out: Writable, options: IatiOptions = {}): Promise<ExportCounts> {
  const scope = await resolveScope(db, options);
  const { directoryId } = scope;
  const directory = await db.selectFrom('directories').selectAll().where('id', '=', directoryId).executeTakeFirstOrThrow();
  const publishers = list(directory.publishers);
  const reporting = {
    ref: options.reportingOrg?.ref ?? 'XX-REPERTOIRE',
    name: options.reportingOrg?.name ?? (publishers.length ? publishers.join(' & ') : directory.title),
    type: options.reportingOrg?.type ?? '22',
  };
  const vocabularyUri = options.vocabularyUri ?? `urn:repertoire:${directoryId}:domains`;
  const generated = (options.generated ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const editionDay = directory.edition ? startDay(directory.edition) : generated.slice(0, 10);
  const domainRows = await db.selectFrom('domains').selectAll().where('directory_id', '=', directoryId).orderBy('position').execute();
  const labels = new Map(domainRows.map((d) => [d.code, d.label]));
  const parents = new Map(domainRows.map((d) => [d.code, d.parent]));

  let total = 0;
  for (const ids of slices(scope.partnershipIds, IN_LIST)) {
    const rows = await db.selectFrom('projects').select(['id']).where('directory_id', '=', directoryId).where('partnership_id', 'in', ids).execute();
    total += scope.projectIds ? rows.filter((r) => scope.projectIds!.has(r.id)).length : rows.length;
  }
  let done = 0;
  options.onProgress?.(0, total);

  let buffer = '';
  const flush = async () => {
    if (!buffer) return;
    const ok = out.write(buffer);
    buffer = '';
    if (!ok) await once(out, 'drain');
  };
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('close', resolve);
    out.once('error', reject);
  });

  buffer += `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${generated}">\n`;
  for (const ids of slices(scope.partnershipIds, BATCH)) {
    const batch = await loadBatch(db, directoryId, ids, scope.projectIds);
    for (const project of batch.projects) {
      const partnership = batch.partnerships.get(project.partnership_id)!;
      const xml = activity(project, partnership, batch, { reporting, vocabularyUri, generated, editionDay, labels, parents, countries: scope.countries });
      // a public export: named people's phones and e-mails cut out of the narratives (privacy.ts)
      buffer += options.redactor ? options.redactor.text(xml) : xml;
      done += 1;
      if (done % 100 === 0) options.onProgress?.(done, total);
      if (buffer.length > 64 * 1024) await flush();
    }
  }
  buffer += '</iati-activities>\n';
  await flush();
  out.end();
  await finished;
  options.onProgress?.(done, total);
  return { activities: done };
}

type ProjectRow = Selectable<Database['projects']>;

interface Batch {
  partnerships: Map<string, { id: string; parties: { row: Selectable<Database['partnership_parties']>; collectivity: Selectable<CollectivityTable> }[]; domains: string[] }>;
  projects: ProjectRow[];
  domains: Map<string, string[]>;
  partners: Map<string, Selectable<Database['project_partners']>[]>;
  funding: Map<string, Selectable<Database['funding_lines']>[]>;
  collectivities: Map<string, Selectable<CollectivityTable>>;
}

function groupBy<R>(rows: R[], key: (row: R) => string): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

async function loadBatch(db: Kysely<Database>, directoryId: string, ids: string[], keep: ReadonlySet<string> | undefined): Promise<Batch> {
  const [parties, partnershipDomains, projectRows] = await Promise.all([
    db.selectFrom('partnership_parties').selectAll().where('directory_id', '=', directoryId).where('partnership_id', 'in', ids).orderBy('partnership_id').orderBy('position').execute(),
    db.selectFrom('partnership_domains').selectAll().where('directory_id', '=', directoryId).where('partnership_id', 'in', ids).orderBy('partnership_id').orderBy('position').execute(),
    db.selectFrom('projects').selectAll().where('directory_id', '=', directoryId).where('partnership_id', 'in', ids).orderBy('partnership_id').orderBy('position').execute(),
  ]);
  const order = new Map(ids.map((id, i) => [id, i]));
  const projects = projectRows.filter((p) => !keep || keep.has(p.id)).sort((a, b) => order.get(a.partnership_id)! - order.get(b.partnership_id)! || a.position - b.position);
  const wanted = new Set(parties.map((p) => p.collectivity_id));
  const domains = new Map<string, string[]>();
  const partners: Batch['partners'] = new Map();
  const funding: Batch['funding'] = new Map();
  for (const group of slices(projects.map((p) => p.id), IN_LIST)) {
    const [d, pp, f] = await Promise.all([
      db.selectFrom('project_domains').selectAll().where('directory_id', '=', directoryId).where('project_id', 'in', group).orderBy('project_id').orderBy('position').execute(),
      db.selectFrom('project_partners').selectAll().where('directory_id', '=', directoryId).where('project_id', 'in', group).orderBy('project_id').orderBy('position').execute(),
      db.selectFrom('funding_lines').selectAll().where('directory_id', '=', directoryId).where('project_id', 'in', group).orderBy('project_id').orderBy('position').execute(),
    ]);
    for (const [k, v] of groupBy(d, (r) => r.project_id)) domains.set(k, v.map((r) => r.domain_code));
    for (const [k, v] of groupBy(pp, (r) => r.project_id)) partners.set(k, v);
    for (const [k, v] of groupBy(f, (r) => r.project_id)) funding.set(k, v);
    for (const r of pp) if (r.collectivity_id) wanted.add(r.collectivity_id);
    for (const r of f) if (r.funder_collectivity_id) wanted.add(r.funder_collectivity_id);
  }
  const collectivities = new Map<string, Selectable<CollectivityTable>>();
  for (const group of slices([...wanted], IN_LIST)) {
    for (const c of await db.selectFrom('collectivities').selectAll().where('directory_id', '=', directoryId).where('id', 'in', group).execute()) collectivities.set(c.id, c);
  }
  const partnerships: Batch['partnerships'] = new Map();
  const partiesOf = groupBy(parties, (r) => r.partnership_id);
  const domainsOf = groupBy(partnershipDomains, (r) => r.partnership_id);
  for (const id of ids) {
    partnerships.set(id, {
      id,
      parties: (partiesOf.get(id) ?? []).map((row) => ({ row, collectivity: collectivities.get(row.collectivity_id)! })),
      domains: (domainsOf.get(id) ?? []).map((r) => r.domain_code),
    });
  }
  return { partnerships, projects, domains, partners, funding, collectivities };
}

interface Context {
  reporting: { ref: string; name: string; type: string };
  vocabularyUri: string;
  generated: string;
  editionDay: string;
  labels: ReadonlyMap<string, string>;
  parents: ReadonlyMap<string, string | null>;
  /** the directory's countries, home first */
  countries: readonly string[];
}

function org(tag: string, attributes: Record<string, string | undefined>, name: string): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v!)}"`)
    .join('');
  return `<${tag}${attrs}>${narrative(name)}</${tag}>`;
}

function activity(p: ProjectRow, partnership: Batch['partnerships'] extends Map<string, infer V> ? V : never, batch: Batch, ctx: Context): string {
  const lines: string[] = [];
  const add = (line: string) => lines.push(`  ${line}`);
  const collectivityRef = (id: string) => `${ctx.reporting.ref}-${id}`;
  const currency = p.total_cost_currency ?? batch.funding.get(p.id)?.find((f) => f.currency)?.currency ?? 'EUR';

  add(`<iati-identifier>${escapeXml(`${ctx.reporting.ref}-${p.id}`)}</iati-identifier>`);
  add(org('reporting-org', { ref: ctx.reporting.ref, type: ctx.reporting.type }, ctx.reporting.name));
  add(`<title>${narrative(p.title)}</title>`);
  const summary = [p.description, p.period_text ? `Période : ${p.period_text}` : undefined].filter(Boolean).join('\n') || p.title;
  add(`<description type="1">${narrative(summary)}</description>`);
  const objectives = list(p.objectives);
  if (objectives.length) add(`<description type="2">${narrative(objectives.join('\n'))}</description>`);

  // Funders (1), the partnership's parties (2), the maître d'ouvrage and operators (4).
  const seen = new Set<string>();
  const participating = (role: string, name: string, collectivityId: string | null) => {
    const key = `${role}|${collectivityId ?? name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const collectivity = collectivityId ? batch.collectivities.get(collectivityId) : undefined;
    add(org('participating-org', { ref: collectivity ? collectivityRef(collectivity.id) : undefined, type: collectivity ? '11' : undefined, role }, collectivity?.name ?? name));
  };
  for (const f of batch.funding.get(p.id) ?? []) participating('1', f.funder, f.funder_collectivity_id);
  for (const party of partnership.parties) participating('2', party.collectivity.name, party.collectivity.id);
  for (const partner of batch.partners.get(p.id) ?? []) {
    if (partner.role === 'maitre-ouvrage' || partner.role === 'operator') participating('4', partner.name, partner.collectivity_id);
  }

  add(`<activity-status code="${STATUS[p.status] ?? '2'}"/>`);
  const start = p.start_date ? startDay(p.start_date) : undefined;
  const end = p.end_date ? endDay(p.end_date) : undefined;
  if (start) add(`<activity-date type="${p.status === 'planned' ? '1' : '2'}" iso-date="${start}"/>`);
  if (end) add(`<activity-date type="${p.status === 'completed' ? '4' : '3'}" iso-date="${end}"/>`);
  if (!start && !end) {
    add(`<activity-date type="${p.status === 'planned' ? '1' : '2'}" iso-date="${ctx.editionDay}">${narrative('Date de début non publiée : date de l’édition du répertoire')}</activity-date>`);
  }
  const named = [...new Set(partnership.parties.map((party) => party.row.country).filter((country) => sideOf(country, ctx) === 'partner'))];
  const recipients = named.length > 0 ? named : partnerCountries(ctx);
  const recipientShares = split(recipients.length);
  recipients.forEach((country, i) => add(`<recipient-country code="${escapeXml(country)}" percentage="${recipientShares[i]}"/>`));

  for (const { collectivity: c } of partnership.parties) {
    const where = [c.region, c.country === '' ? '' : countryLabel('fr', c.country)].filter(Boolean).join(', ');
    const point = c.lat !== null && c.lon !== null ? `<point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>${c.lat} ${c.lon}</pos></point>` : '';
    add(`<location ref="${escapeXml(collectivityRef(c.id))}"><name>${narrative(c.name)}</name><description>${narrative(where)}</description>${point}</location>`);
  }

  const domains = batch.domains.get(p.id) ?? partnership.domains;
  const purposes = [...new Map(domains.map((d) => purposeOf(d, ctx.parents)).map((x) => [x.code, x])).values()];
  if (purposes.length === 0) purposes.push(FALLBACK_PURPOSE);
  const dacShares = split(purposes.length);
  purposes.forEach((x, i) => add(`<sector vocabulary="1" code="${x.code}" percentage="${dacShares[i]}"><narrative xml:lang="en">${escapeXml(x.name)}</narrative></sector>`));
  const ownShares = split(Math.max(1, domains.length));
  domains.forEach((d, i) => add(`<sector vocabulary="99" vocabulary-uri="${escapeXml(ctx.vocabularyUri)}" code="${escapeXml(d)}" percentage="${ownShares[i]}">${narrative(ctx.labels.get(d) ?? d)}</sector>`));

  const day = start ?? ctx.editionDay;
  if (p.total_cost_amount !== null && p.total_cost_currency !== null) {
    const periodEnd = end && end >= day && end <= addDays(day, 365 * 10) ? end : addDays(day, 364);
    add(`<budget type="1" status="${p.status === 'completed' ? '2' : '1'}"><period-start iso-date="${day}"/><period-end iso-date="${periodEnd}"/><value currency="${p.total_cost_currency}" value-date="${day}">${money(p.total_cost_amount)}</value></budget>`);
  }
  for (const f of batch.funding.get(p.id) ?? []) {
    if (f.amount === null || f.currency === null) continue;
    const provider = f.funder_collectivity_id ? batch.collectivities.get(f.funder_collectivity_id) : undefined;
    const providerOrg = org('provider-org', { ref: provider ? collectivityRef(provider.id) : undefined, type: provider ? '11' : undefined }, provider?.name ?? f.funder);
    const description = f.text ? `<description>${narrative(f.text)}</description>` : '';
    add(`<transaction><transaction-type code="11"/><transaction-date iso-date="${day}"/><value currency="${f.currency}" value-date="${day}">${money(f.amount)}</value>${description}${providerOrg}</transaction>`);
  }
  return `<iati-activity last-updated-datetime="${ctx.generated}" xml:lang="fr" default-currency="${currency}" hierarchy="1">\n${lines.join('\n')}\n</iati-activity>\n`;
}
