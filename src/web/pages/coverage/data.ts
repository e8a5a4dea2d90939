/**
 * The map of gaps' view model (`/couverture`): each division of each country of the directory
 * (régions, départements… as its profile has them) with the collectivities of the directory
 * there, those party to a partnership — of a domain, of a kind, when chosen — and whether it is a
 * gap (none is); the gaps placed at their seats for the map. Any directory: the divisions are the
 * profiles' (src/partners/coverage.ts).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defaultGazetteer, locate } from '../../../geo/gazetteer.js';
import { coverageRows, placer, unitsOf, type CoverageUnit } from '../../../partners/coverage.js';
import { defaultProfiles } from '../../../profiles/profiles.js';
import type { Database } from '../../../store/tables.js';
import { sameDomainCodes } from '../../data/coordination.js';
import type { Directory } from '../../data/directory.js';
import { countsOf } from '../../data/figures.js';
import { domainKeys } from '../../../partners/document.js';
import { MapPointView } from '../../maps/map.js';
import { paths, withQuery } from '../../paths.js';
import { CollectivityRef, DomainOption, DomainRef, collectivityRef, domainOptions, domainRef, first, strip } from '../common.js';
import { regionNameIn } from '../../names.js';

/** Collectivities named per division (the active first); the count gives the rest. */
export const NAMED_PER_UNIT = 8;

export const CoverageUnitView = z.object({
  country: z.string(),
  /** the level's code (region, departement…) and the kind of collectivity it is */
  level: z.string(),
  levelKind: z.string(),
  code: z.string(),
  name: z.string(),
  /** the name of the division above */
  parent: z.string().optional(),
  /** no collectivity there is party to a partnership (of the domain and kind chosen) */
  gap: z.boolean(),
  /** collectivities of the directory there (of the kind chosen) */
  collectivities: z.number().int(),
  /** of which party to a partnership (of the domain chosen) */
  active: z.number().int(),
  /** their partnerships, counted per party; with a domain chosen, their partnerships' and projects' filings under it */
  partnerships: z.number().int(),
  /** the first of them, the active first */
  named: z.array(CollectivityRef),
  /** the directory's collectivities of that country and kind (the list page has no division filter: the row names them) */
  href: z.string(),
});
export type CoverageUnitView = z.infer<typeof CoverageUnitView>;

export const CoverageView = z.object({
  domain: DomainRef.optional(),
  kind: z.string().optional(),
  /** the choices of the form: every domain, every kind of the directory's collectivities */
  domains: z.array(DomainOption),
  kinds: z.array(z.object({ value: z.string(), country: z.string(), selected: z.boolean() })),
  /** per country and level: divisions and gaps */
  summary: z.array(z.object({ country: z.string(), level: z.string(), levelKind: z.string(), units: z.number().int(), gaps: z.number().int() })),
  units: z.array(CoverageUnitView),
  /** the gaps of the top level (régions) at their seats, for the map (the départements' would cover France: the table has them); `href` goes to the division's row */
  gapPoints: z.array(MapPointView),
  /** the directory's countries, home first */
  countries: z.array(z.string()),
  /** collectivities of the directory no division could hold (no région, or one the profile does not know) */
  unplaced: z.number().int(),
});
export type CoverageView = z.infer<typeof CoverageView>;

const placements = new WeakMap<Directory, { units: CoverageUnit[]; placed: Map<string, string[]> }>();

/** Where each collectivity of the snapshot lies, once per snapshot (a gazetteer lookup each). */
function placementOf(dir: Directory): { units: CoverageUnit[]; placed: Map<string, string[]> } {
  let hit = placements.get(dir);
  if (hit === undefined) {
    const profiles = defaultProfiles();
    const gazetteer = defaultGazetteer();
    const units = unitsOf(profiles, dir.record.countries);
    const place = placer(profiles, gazetteer, units);
    hit = { units, placed: new Map(dir.collectivities.map((c) => [c.id, place(c)])) };
    placements.set(dir, hit);
  }
  return hit;
}

export async function coverageView(dir: Directory, db: Kysely<Database>, query: Record<string, string | string[] | undefined>): Promise<CoverageView> {
  const askedDomain = first(query.domain)?.slice(0, 100) || undefined;
  const domain = askedDomain !== undefined && dir.domain.has(askedDomain) ? askedDomain : undefined;
  const kinds = [...new Map(dir.collectivities.map((c) => [c.kind, c.country])).entries()].sort(
    (a, b) => dir.record.countries.indexOf(a[1]) - dir.record.countries.indexOf(b[1]) || a[0].localeCompare(b[0]),
  );
  const askedKind = first(query.kind)?.slice(0, 100) || undefined;
  const kind = kinds.some(([k]) => k === askedKind) ? askedKind : undefined;

  const { units, placed } = placementOf(dir);
  const partnerships = domain === undefined ? await allCounts(dir) : await domainCounts(db, dir, domain);
  const rows = coverageRows(units, dir.collectivities, placed, partnerships, kind);
  const byCode = new Map(units.map((u) => [`${u.country}\u0000${u.code}`, u]));
  const unitViews: CoverageUnitView[] = rows.map((row) => {
    const active = new Set(row.activeIds);
    const named = [...row.activeIds, ...row.collectivityIds.filter((id) => !active.has(id))].slice(0, NAMED_PER_UNIT);
    return strip({
      country: row.country,
      level: row.level,
      levelKind: row.levelKind,
      code: row.code,
      name: row.name,
      parent: row.parent === undefined ? undefined : byCode.get(`${row.country}\u0000${row.parent}`)?.name,
      gap: row.activeIds.length === 0,
      collectivities: row.collectivityIds.length,
      active: row.activeIds.length,
      partnerships: row.partnerships,
      named: named.map((id) => collectivityRef(dir, id)),
      href: withQuery(paths.collectivities(), { country: row.country, kind }),
    });
  });
  const summary = [...new Map(units.map((u) => [`${u.country}\u0000${u.level}`, u])).values()].map((u) => {
    const of = unitViews.filter((v) => v.country === u.country && v.level === u.level);
    return { country: u.country, level: u.level, levelKind: u.levelKind, units: of.length, gaps: of.filter((v) => v.gap).length };
  });
  const gapPoints = unitViews.flatMap((v) => {
    if (!v.gap || v.parent !== undefined) return [];
    const seat = locate({ country: v.country, kind: v.levelKind, name: v.name, region: v.parent ?? v.name });
    if (seat === undefined) return [];
    // the map's point named in the page's language (the Arabic name of a Moroccan région)
    return [{ id: `${v.country}-${v.code}`, label: regionNameIn(v.name), href: `#${unitAnchor(v)}`, lat: seat.lat, lon: seat.lon, weight: 1, country: v.country }];
  });
  return CoverageView.parse(
    strip({
      domain: domain === undefined ? undefined : domainRef(dir, domain),
      kind,
      domains: domainOptions(dir, domain),
      kinds: kinds.map(([value, country]) => ({ value, country, selected: value === kind })),
      summary,
      units: unitViews,
      gapPoints,
      countries: [...dir.record.countries],
      unplaced: dir.collectivities.filter((c) => (placed.get(c.id) ?? []).length === 0).length,
    }),
  );
}

/** The id of a division's row in the table: where its point on the map leads. */
export function unitAnchor(unit: Pick<CoverageUnitView, 'country' | 'code'>): string {
  return `division-${unit.country}-${unit.code}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

async function allCounts(dir: Directory): Promise<Map<string, number>> {
  const figures = await dir.figures();
  return new Map(dir.collectivities.map((c) => [c.id, countsOf(figures.byCollectivity, c.id).partnerships]));
}

/**
 * Activity per collectivity under the domain (or one of the same: sub-domains, the same label
 * elsewhere): its partnerships' and their projects' filings, from the partner graph (built once
 * per version of the store, in the background: a stale one while the new is built). Until the
 * first is built, counted in SQL for this domain alone (seconds at 1 000 000 projects, but no
 * wait for the whole graph).
 */
async function domainCounts(db: Kysely<Database>, dir: Directory, domain: string): Promise<Map<string, number>> {
  const key = domainKeys(dir.domains);
  const keys = new Set([...sameDomainCodes(dir, domain)].map(key));
  const state = dir.partnerGraph();
  if (state.status === 'computing') return domainCountsInStore(db, dir.id, dir.domains.map((d) => d.code).filter((code) => keys.has(key(code))));
  const counts = new Map<string, number>();
  for (const [id, filed] of state.graph.domains) {
    let n = 0;
    for (const k of keys) n += filed.get(k) ?? 0;
    if (n > 0) counts.set(id, n);
  }
  return counts;
}

/** The same counts as the graph's (`graphFromStore`), read for some domain codes only. */
async function domainCountsInStore(db: Kysely<Database>, directoryId: string, codes: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (codes.length === 0) return counts;
  const [own, ofProjects] = await Promise.all([
    db
      .selectFrom('partnership_domains as filed')
      .innerJoin('partnership_parties as party', (j) => j.onRef('party.directory_id', '=', 'filed.directory_id').onRef('party.partnership_id', '=', 'filed.partnership_id'))
      .select(['party.collectivity_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('filed.directory_id', '=', directoryId)
      .where('filed.domain_code', 'in', codes)
      .groupBy('party.collectivity_id')
      .execute(),
    db
      .selectFrom('project_domains as filed')
      .innerJoin('projects', (j) => j.onRef('projects.directory_id', '=', 'filed.directory_id').onRef('projects.id', '=', 'filed.project_id'))
      .innerJoin('partnership_parties as party', (j) => j.onRef('party.directory_id', '=', 'projects.directory_id').onRef('party.partnership_id', '=', 'projects.partnership_id'))
      .select(['party.collectivity_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('filed.directory_id', '=', directoryId)
      .where('filed.domain_code', 'in', codes)
      .groupBy('party.collectivity_id')
      .execute(),
  ]);
  for (const row of [...own, ...ofProjects]) counts.set(row.collectivity_id, (counts.get(row.collectivity_id) ?? 0) + Number(row.n));
  return counts;
}
