/** The home page's view model: key figures and the entry points (domains, collectivities, kinds). */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../store/tables.js';
import type { Directory } from '../../data/directory.js';
import { countsOf, projectTotal, type ProjectStatusName } from '../../data/figures.js';
import { MapView, loadMapView } from '../../maps/map.js';
import { bySide } from '../../../model/sides.js';
import { readDirectories } from '../../../store/directories.js';
import { paths, withQuery } from '../../paths.js';
import { CollectivityRef, DomainRef, collectivityRef, domainRef, strip } from '../common.js';

const CountedDomain = DomainRef.extend({ partnershipCount: z.number().int(), projectCount: z.number().int() });
const CountedCollectivity = z.object({ collectivity: CollectivityRef, partnershipCount: z.number().int() });

export const HomeView = z.object({
  directory: z.object({
    title: z.string(),
    edition: z.string().optional(),
    publishers: z.array(z.string()),
    /** its countries' codes, the home country first */
    countries: z.array(z.string()),
  }),
  figures: z.object({
    partnerships: z.object({ total: z.number().int(), full: z.number().int(), brief: z.number().int() }),
    /** collectivities in all, and by country code (every country of the directory, 0 included) */
    collectivities: z.object({ total: z.number().int(), byCountry: z.record(z.string(), z.number().int()) }),
    projects: z.object({
      total: z.number().int(),
      ongoing: z.number().int(),
      completed: z.number().int(),
      planned: z.number().int(),
      other: z.number().int(),
    }),
    padProjects: z.number().int(),
  }),
  domains: z.array(CountedDomain.extend({ children: z.array(CountedDomain) })),
  /** the collectivities of the home country */
  home: z.array(CountedCollectivity),
  /** the collectivities of the partner countries */
  partner: z.array(CountedCollectivity),
  kinds: z.array(z.object({ country: z.string(), kind: z.string(), count: z.number().int(), href: z.string() })),
  /** every partnership on the map of both countries */
  map: MapView,
  /** the store's other directories (other countries, other editions), each at its own address */
  directories: z.array(z.object({ id: z.string(), title: z.string(), edition: z.string().optional(), countries: z.array(z.string()), href: z.string() })),
});
export type HomeView = z.infer<typeof HomeView>;

/** Collectivities listed per side on the home page: all of them, or the most active of a large directory. */
export const HOME_COLLECTIVITIES = 80;

export async function homeView(dir: Directory, db: Kysely<Database>): Promise<HomeView> {
  const figures = await dir.figures();
  const counted = (code: string) => {
    const counts = countsOf(figures.byDomain, code);
    return { ...domainRef(dir, code), partnershipCount: counts.partnerships, projectCount: counts.projects };
  };
  const partnershipsOf = (id: string) => countsOf(figures.byCollectivity, id).partnerships;
  const bySideOfDirectory = bySide(dir.collectivities, (c) => c.country, dir.record);
  const side = (all: (typeof dir.collectivities)[number][]) => {
    const shown = all.length <= HOME_COLLECTIVITIES ? all : [...all].sort((a, b) => partnershipsOf(b.id) - partnershipsOf(a.id)).slice(0, HOME_COLLECTIVITIES);
    return shown
      .sort((a, b) => (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name, 'fr'))
      .map((c) => ({ collectivity: collectivityRef(dir, c.id), partnershipCount: partnershipsOf(c.id) }));
  };
  const kinds = new Map<string, { country: string; kind: string; count: number }>();
  for (const c of dir.collectivities) {
    const key = `${c.country} ${c.kind}`;
    const entry = kinds.get(key) ?? { country: c.country, kind: c.kind, count: 0 };
    entry.count += 1;
    kinds.set(key, entry);
  }
  const status = (name: ProjectStatusName) => figures.projects[name].all;
  return HomeView.parse({
    directory: strip({ title: dir.record.title, edition: dir.record.edition, publishers: dir.record.publishers ?? [], countries: [...dir.record.countries] }),
    figures: {
      partnerships: figures.partnerships,
      collectivities: { total: dir.collectivities.length, byCountry: byCountry(dir.record.countries, dir.collectivities) },
      projects: {
        total: projectTotal(figures),
        ongoing: status('ongoing'),
        completed: status('completed'),
        planned: status('planned'),
        other: status('other'),
      },
      padProjects: projectTotal(figures, { pad: true }),
    },
    domains: dir.domains
      .filter((d) => d.parent === undefined)
      .map((d) => ({ ...counted(d.code), children: (dir.childDomains.get(d.code) ?? []).map((child) => counted(child.code)) })),
    home: side(bySideOfDirectory.home),
    partner: side(bySideOfDirectory.partner),
    kinds: [...kinds.values()]
      .sort((a, b) => a.country.localeCompare(b.country) || b.count - a.count || a.kind.localeCompare(b.kind))
      .map((k) => ({ ...k, href: withQuery(paths.collectivities(), { country: k.country, kind: k.kind }) })),
    map: await loadMapView(db, dir.id, { kind: 'directory' }),
    directories: (await readDirectories(db))
      .filter((other) => other.id !== dir.id)
      .map(({ id, directory }) => strip({ id, title: directory.title, edition: directory.edition, countries: [...directory.countries], href: paths.directory(id) })),
  });
}

/** How many collectivities each country has: the directory's countries first, in order, then any other found. */
function byCountry(countries: readonly string[], collectivities: readonly { country: string }[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(countries.map((country) => [country, 0]));
  for (const c of collectivities) counts[c.country] = (counts[c.country] ?? 0) + 1;
  return counts;
}
