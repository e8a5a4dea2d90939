/**
 * The directory's counts the pages show beside their lists (key figures, partnerships and
 * projects per collectivity and per domain, the list filters' counts), computed in SQL once per
 * version of the store: at 100 000 partnerships they take seconds, a page takes them from the
 * snapshot. They are kept in a cache table too (`figures_snapshots`), so that a restarted server
 * reads them instead of counting again.
 */
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { stampedCache } from '../../store/stamped-cache.js';
import type { Database } from '../../store/tables.js';

export const PROJECT_STATUSES = ['ongoing', 'completed', 'planned', 'other'] as const;
export type ProjectStatusName = (typeof PROJECT_STATUSES)[number];

export interface Counts {
  partnerships: number;
  projects: number;
}

export interface Figures {
  partnerships: { total: number; full: number; brief: number };
  /** projects by status, all and PAD co-financed */
  projects: Record<ProjectStatusName, { all: number; pad: number }>;
  /** per collectivity id: the partnerships it is party to, and their projects */
  byCollectivity: ReadonlyMap<string, Counts>;
  /** per domain code, counting its sub-domains: partnerships and projects filed under it */
  byDomain: ReadonlyMap<string, Counts>;
}

const ZERO: Counts = { partnerships: 0, projects: 0 };

export function countsOf(map: ReadonlyMap<string, Counts>, key: string): Counts {
  return map.get(key) ?? ZERO;
}

export function projectTotal(figures: Figures, filter: { status?: ProjectStatusName; pad?: boolean } = {}): number {
  return PROJECT_STATUSES.filter((s) => filter.status === undefined || s === filter.status).reduce(
    (n, s) => n + (filter.pad === true ? figures.projects[s].pad : figures.projects[s].all),
    0,
  );
}

/** How long a page waits for new figures before it shows those of the previous version. */
export const STALE_AFTER_MS = 1000;

/**
 * The figures of the current version of the store, computed once per version. When they take
 * long (a large directory, just changed), pages show the previous version's figures meanwhile
 * rather than wait: counts a few seconds old beside a list read live.
 */
export class FiguresKeeper {
  private current: { key: string; loading: Promise<Figures> } | undefined;
  /** the newest figures computed, and for which directory and version */
  private last: { key: string; directoryId: string; figures: Figures } | undefined;

  /** `db`: where the figures are kept between restarts; `reader`: where they are counted (the server: the search thread's connection) */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly reader: Kysely<Database> = db,
  ) {}

  get(directoryId: string, stamp: string): Promise<Figures> {
    const key = `${directoryId}|${stamp}`;
    if (this.last?.key === key) return Promise.resolve(this.last.figures);
    if (this.current?.key !== key) {
      const loading = this.load(directoryId, stamp);
      this.current = { key, loading };
      loading.then(
        (figures) => {
          if (this.current?.loading === loading) this.last = { key, directoryId, figures };
        },
        () => {
          if (this.current?.loading === loading) this.current = undefined;
        },
      );
    }
    const stale = this.last?.directoryId === directoryId ? this.last.figures : undefined;
    if (stale === undefined) return this.current.loading;
    return Promise.race([this.current.loading, new Promise<Figures>((resolve) => setTimeout(() => resolve(stale), STALE_AFTER_MS).unref())]);
  }

  private async load(directoryId: string, stamp: string): Promise<Figures> {
    const kept = await stored.read(this.db, directoryId, stamp);
    const parsed = StoredFigures.safeParse(kept?.body);
    if (parsed.success) return { ...parsed.data, byCollectivity: new Map(parsed.data.byCollectivity), byDomain: new Map(parsed.data.byDomain) };
    const figures = await readFigures(this.reader, directoryId);
    await stored.write(this.db, directoryId, stamp, new Date().toISOString(), {
      ...figures,
      byCollectivity: [...figures.byCollectivity],
      byDomain: [...figures.byDomain],
    } satisfies StoredFigures);
    return figures;
  }
}

/** Bumped when what the stored figures hold changes: older ones are counted again. */
const FORMAT = 1;
const stored = stampedCache('figures_snapshots', FORMAT);

const StoredCounts = z.object({ partnerships: z.number(), projects: z.number() });
/** The figures as the cache table keeps them (maps as lists of entries); anything else is counted again. */
const StoredFigures = z.object({
  partnerships: z.object({ total: z.number(), full: z.number(), brief: z.number() }),
  projects: z.record(z.enum(PROJECT_STATUSES), z.object({ all: z.number(), pad: z.number() })),
  byCollectivity: z.array(z.tuple([z.string(), StoredCounts])),
  byDomain: z.array(z.tuple([z.string(), StoredCounts])),
});
type StoredFigures = z.infer<typeof StoredFigures>;

export async function readFigures(db: Kysely<Database>, directoryId: string): Promise<Figures> {
  const [tiers, statuses, collectivityPartnerships, collectivityProjects, domainPartnerships, domainProjects] = await Promise.all([
    db.selectFrom('partnerships').select(['tier', (eb) => eb.fn.countAll<number>().as('n')]).where('directory_id', '=', directoryId).groupBy('tier').execute(),
    db
      .selectFrom('projects')
      .select(['status', (eb) => eb.fn.coalesce('pad_cofinanced', sql.lit(0)).as('pad'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('directory_id', '=', directoryId)
      .groupBy(['status', 'pad'])
      .execute(),
    db
      .selectFrom('partnership_parties')
      .select(['collectivity_id', (eb) => eb.fn.count<number>('partnership_id').distinct().as('n')])
      .where('directory_id', '=', directoryId)
      .groupBy('collectivity_id')
      .execute(),
    // a collectivity's projects: those of the partnerships it is party to (once per partnership)
    db
      .selectFrom((eb) =>
        eb.selectFrom('partnership_parties').select(['collectivity_id', 'partnership_id']).distinct().where('directory_id', '=', directoryId).as('party'),
      )
      .innerJoin('projects', (join) => join.onRef('projects.partnership_id', '=', 'party.partnership_id').on('projects.directory_id', '=', directoryId))
      .select(['party.collectivity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('party.collectivity_id')
      .execute(),
    underDomains(db, directoryId, 'partnership_domains', 'partnership_id'),
    underDomains(db, directoryId, 'project_domains', 'project_id'),
  ]);

  const projects = Object.fromEntries(PROJECT_STATUSES.map((s) => [s, { all: 0, pad: 0 }])) as Figures['projects'];
  for (const row of statuses) {
    const entry = projects[row.status as ProjectStatusName] ?? projects.other;
    entry.all += Number(row.n);
    if (Number(row.pad) === 1) entry.pad += Number(row.n);
  }
  const tier = (name: string) => Number(tiers.find((row) => row.tier === name)?.n ?? 0);

  const byCollectivity = new Map<string, Counts>();
  for (const row of collectivityPartnerships) byCollectivity.set(row.collectivity_id, { partnerships: Number(row.n), projects: 0 });
  for (const row of collectivityProjects) {
    const entry = byCollectivity.get(row.collectivity_id);
    if (entry !== undefined) entry.projects = Number(row.n);
  }
  const byDomain = new Map<string, Counts>();
  for (const [code, n] of domainPartnerships) byDomain.set(code, { partnerships: n, projects: 0 });
  for (const [code, n] of domainProjects) byDomain.set(code, { partnerships: byDomain.get(code)?.partnerships ?? 0, projects: n });

  return { partnerships: { total: tier('full') + tier('brief'), full: tier('full'), brief: tier('brief') }, projects, byCollectivity, byDomain };
}

/**
 * Records filed under each domain, counting its sub-domains: a record filed under a domain and one
 * of its sub-domains counts once. The taxonomy has two levels.
 */
async function underDomains(
  db: Kysely<Database>,
  directoryId: string,
  table: 'partnership_domains' | 'project_domains',
  recordColumn: 'partnership_id' | 'project_id',
): Promise<Map<string, number>> {
  const { ref } = db.dynamic;
  const [own, tops] = await Promise.all([
    db
      .selectFrom(table as 'partnership_domains')
      .select(['domain_code', (eb) => eb.fn.count<number>(ref(recordColumn)).distinct().as('n')])
      .where('directory_id', '=', directoryId)
      .groupBy('domain_code')
      .execute(),
    // a top-level domain's total: records under it or any of its sub-domains, counted once
    db
      .selectFrom(`${table} as filed` as 'partnership_domains as filed')
      .innerJoin('domains', (join) => join.onRef('domains.code', '=', 'filed.domain_code').onRef('domains.directory_id', '=', 'filed.directory_id'))
      .select([(eb) => eb.fn.coalesce('domains.parent', 'domains.code').as('top'), (eb) => eb.fn.count<number>(ref(`filed.${recordColumn}`)).distinct().as('n')])
      .where('filed.directory_id', '=', directoryId)
      .groupBy('top')
      .execute(),
  ]);
  const counts = new Map(own.map((row) => [row.domain_code, Number(row.n)]));
  for (const row of tops) counts.set(String(row.top), Number(row.n));
  return counts;
}
