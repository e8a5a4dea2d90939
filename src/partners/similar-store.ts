/**
 * The features of a project and of its candidates, read from the store with bounded, indexed
 * reads whatever the directory's size: the candidates are the first projects (by id, from the
 * project's own onwards) under each of its domains, of each of its outside funders, and of the
 * partnerships of collectivities of its parties' regions — `CANDIDATES_PER_KEY` each — then
 * ranked by `rankSimilar`. A directory of a million projects holds tens of thousands under one
 * domain: they are not all compared, the page says "projets comparables", not "les plus".
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { foldKey } from '../text/fold.js';
import { rankSimilar, type ProjectFeatures, type SimilarProject } from './similar.js';

/** Projects read per domain, funder and place: the page's section stays within a few tens of statements. */
export const CANDIDATES_PER_KEY = 24;
/**
 * Candidates compared in all, taken in turn from each key's. Reading their features is most of a
 * section's time, and grows with the store (random seeks): at 1 000 000 projects, 150 candidates
 * took 300 ms and more; 60 keep it within the 50 ms of a section.
 */
export const CANDIDATES = 60;
/** Ids per statement (SQLite's planner scans an index instead of seeking with long IN lists: coordination.ts). */
const LOOKUPS = 60;
/** Collectivities of a region whose partnerships are read for place candidates, and partnerships read of each (on the index, never all of a large one's). */
const NEIGHBOURS = 6;
const PARTNERSHIPS_PER_NEIGHBOUR = 3;

export interface Place {
  country: string;
  kind: string;
  region?: string | undefined;
}

export interface SimilarContext {
  db: Kysely<Database>;
  directoryId: string;
  /** a collectivity's country, kind (grouped) and region: the site has them in memory */
  place(collectivityId: string): Place | undefined;
  /** the key of a domain for comparison (domains printed under one label are one) */
  domainKey(code: string): string;
  /** the codes that count as the same domain as `code` (itself included) */
  sameDomains(code: string): Iterable<string>;
  /** collectivities of a region of a country (the place candidates come from their partnerships) */
  neighbours(country: string, region: string): readonly string[];
}

/** The `limit` projects most similar to `projectId`, with their reasons; empty for an unknown project. */
export async function similarProjects(context: SimilarContext, projectId: string, limit: number): Promise<SimilarProject[]> {
  const [target] = await features(context, [projectId]);
  if (target === undefined) return [];
  const ids = await candidateIds(context, target);
  return rankSimilar(target, await features(context, ids), limit);
}

async function candidateIds(context: SimilarContext, target: ProjectFeatures & { codes: string[]; funderNames: string[] }): Promise<string[]> {
  const { db, directoryId } = context;
  const codes = [...new Set(target.codes.flatMap((code) => [...context.sameDomains(code)]))];
  // from the project's own id onwards, then from the start: not always the same first projects of a large domain
  const around = async (query: (after: string | undefined) => Promise<{ project_id: string }[]>) => {
    const after = await query(target.id);
    const before = after.length < CANDIDATES_PER_KEY ? await query(undefined) : [];
    return [...after, ...before].map((row) => row.project_id);
  };
  const byDomain = codes.map((code) =>
    around((after) => {
      let q = db.selectFrom('project_domains').select('project_id').where('directory_id', '=', directoryId).where('domain_code', '=', code);
      if (after !== undefined) q = q.where('project_id', '>', after);
      return q.orderBy('project_id').limit(CANDIDATES_PER_KEY).execute();
    }),
  );
  const byFunder = target.funderNames.map((funder) =>
    around((after) => {
      let q = db.selectFrom('funding_lines').select('project_id').where('directory_id', '=', directoryId).where('funder', '=', funder).where('funder_collectivity_id', 'is', null);
      if (after !== undefined) q = q.where('project_id', '>', after);
      return q.orderBy('project_id').limit(CANDIDATES_PER_KEY).execute();
    }),
  );
  const neighbours = [
    ...new Set(target.parties.flatMap((party) => (party.region === undefined ? [] : context.neighbours(party.country, party.region).slice(0, NEIGHBOURS)))),
  ];
  const byPlace = (async () => {
    if (neighbours.length === 0) return [];
    // a few partnerships of each neighbour, from the target's own partnership id onwards (one seek
    // each on partnership_parties_collectivity_idx): all of a large commune's were read and sorted
    const partnerships = (
      await Promise.all(
        neighbours.map(async (id) => {
          const read = (after: string | undefined) => {
            let q = db
              .selectFrom('partnership_parties')
              .select('partnership_id')
              .where('directory_id', '=', directoryId)
              .where('collectivity_id', '=', id)
              .where('partnership_id', '!=', target.partnershipId);
            if (after !== undefined) q = q.where('partnership_id', '>', after);
            return q.orderBy('partnership_id').limit(PARTNERSHIPS_PER_NEIGHBOUR).execute();
          };
          const after = await read(target.partnershipId);
          return after.length > 0 ? after : read(undefined);
        }),
      )
    ).flat();
    const ids = [...new Set(partnerships.map((p) => p.partnership_id))].slice(0, CANDIDATES_PER_KEY);
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('projects').select('id as project_id').where('directory_id', '=', directoryId).where('partnership_id', 'in', ids).limit(CANDIDATES_PER_KEY).execute();
    return rows.map((row) => row.project_id);
  })();
  const lists = await Promise.all([...byDomain, ...byFunder, byPlace]);
  const taken = new Set<string>();
  for (let i = 0; taken.size < CANDIDATES && lists.some((list) => i < list.length); i += 1) {
    for (const list of lists) {
      const id = list[i];
      if (id !== undefined && id !== target.id && taken.size < CANDIDATES) taken.add(id);
    }
  }
  return [...taken];
}

/** The features of the projects of `ids` that exist, in the order of `ids`, with the raw domain codes and funder names. */
async function features(context: SimilarContext, ids: readonly string[]): Promise<(ProjectFeatures & { codes: string[]; funderNames: string[] })[]> {
  const { db, directoryId } = context;
  const parts = await Promise.all(
    chunk(ids, LOOKUPS).map(async (some) => {
      const [projects, domains, funders] = await Promise.all([
        db.selectFrom('projects').select(['id', 'partnership_id']).where('directory_id', '=', directoryId).where('id', 'in', some).execute(),
        db.selectFrom('project_domains').select(['project_id', 'domain_code']).where('directory_id', '=', directoryId).where('project_id', 'in', some).execute(),
        db
          .selectFrom('funding_lines')
          .select(['project_id', 'funder'])
          .where('directory_id', '=', directoryId)
          .where('project_id', 'in', some)
          .where('funder_collectivity_id', 'is', null)
          .execute(),
      ]);
      return { projects, domains, funders };
    }),
  );
  const projects = parts.flatMap((p) => p.projects);
  const partnershipIds = [...new Set(projects.map((p) => p.partnership_id))];
  const parties = (
    await Promise.all(
      chunk(partnershipIds, LOOKUPS).map((some) =>
        db.selectFrom('partnership_parties').select(['partnership_id', 'collectivity_id']).where('directory_id', '=', directoryId).where('partnership_id', 'in', some).execute(),
      ),
    )
  ).flat();
  const partiesOf = new Map<string, Place[]>();
  for (const row of parties) {
    const place = context.place(row.collectivity_id);
    if (place !== undefined) partiesOf.set(row.partnership_id, [...(partiesOf.get(row.partnership_id) ?? []), place]);
  }
  const codesOf = new Map<string, string[]>();
  for (const row of parts.flatMap((p) => p.domains)) codesOf.set(row.project_id, [...(codesOf.get(row.project_id) ?? []), row.domain_code]);
  const fundersOf = new Map<string, string[]>();
  for (const row of parts.flatMap((p) => p.funders)) fundersOf.set(row.project_id, [...(fundersOf.get(row.project_id) ?? []), row.funder]);
  const byId = new Map(projects.map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const project = byId.get(id);
    if (project === undefined) return [];
    const codes = codesOf.get(id) ?? [];
    const funderNames = [...new Set(fundersOf.get(id) ?? [])];
    return [
      {
        id,
        partnershipId: project.partnership_id,
        domains: codes.map((code) => context.domainKey(code)),
        funders: new Map(funderNames.map((name) => [foldKey(name), name])),
        parties: partiesOf.get(project.partnership_id) ?? [],
        codes,
        funderNames,
      },
    ];
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
