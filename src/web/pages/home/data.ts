/** The home page's view model: key figures and the entry points (domains, collectivities, kinds). */
import { z } from 'zod';
import type { Directory } from '../../data/directory.js';
import { partnershipsIn, projectsIn } from '../../data/domains.js';
import { MapView, mapViewOf } from '../../maps/map.js';
import { paths, withQuery } from '../../paths.js';
import { CollectivityRef, DomainRef, collectivityRef, domainRef, strip } from '../common.js';

const CountedDomain = DomainRef.extend({ partnershipCount: z.number().int(), projectCount: z.number().int() });
const CountedCollectivity = z.object({ collectivity: CollectivityRef, partnershipCount: z.number().int() });

export const HomeView = z.object({
  directory: z.object({ title: z.string(), edition: z.string().optional(), publishers: z.array(z.string()) }),
  figures: z.object({
    partnerships: z.object({ total: z.number().int(), full: z.number().int(), brief: z.number().int() }),
    collectivities: z.object({ total: z.number().int(), FR: z.number().int(), MA: z.number().int() }),
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
  moroccan: z.array(CountedCollectivity),
  french: z.array(CountedCollectivity),
  kinds: z.array(z.object({ country: z.string(), kind: z.string(), count: z.number().int(), href: z.string() })),
  /** every partnership on the map of both countries */
  map: MapView,
});
export type HomeView = z.infer<typeof HomeView>;

export function homeView(dir: Directory): HomeView {
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
  const counted = (code: string) => ({ ...domainRef(dir, code), partnershipCount: partnershipsIn(dir, code).length, projectCount: projectsIn(dir, code).length });
  const byName = [...dir.collectivities].sort((a, b) => (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name, 'fr'));
  const side = (country: string) =>
    byName
      .filter((c) => c.country === country)
      .map((c) => ({ collectivity: collectivityRef(dir, c.id), partnershipCount: dir.partnershipsOf.get(c.id)?.length ?? 0 }));
  const kinds = new Map<string, { country: string; kind: string; count: number }>();
  for (const c of dir.collectivities) {
    const key = `${c.country} ${c.kind}`;
    const entry = kinds.get(key) ?? { country: c.country, kind: c.kind, count: 0 };
    entry.count += 1;
    kinds.set(key, entry);
  }
  return HomeView.parse({
    directory: strip({ title: dir.record.title, edition: dir.record.edition, publishers: dir.record.publishers ?? [] }),
    figures: {
      partnerships: {
        total: dir.partnerships.length,
        full: count(dir.partnerships, (p) => p.tier === 'full'),
        brief: count(dir.partnerships, (p) => p.tier === 'brief'),
      },
      collectivities: {
        total: dir.collectivities.length,
        FR: count(dir.collectivities, (c) => c.country === 'FR'),
        MA: count(dir.collectivities, (c) => c.country === 'MA'),
      },
      projects: {
        total: dir.projects.length,
        ongoing: count(dir.projects, (p) => p.status === 'ongoing'),
        completed: count(dir.projects, (p) => p.status === 'completed'),
        planned: count(dir.projects, (p) => p.status === 'planned'),
        other: count(dir.projects, (p) => p.status === 'other'),
      },
      padProjects: count(dir.projects, (p) => p.padCofinanced === true),
    },
    domains: dir.domains
      .filter((d) => d.parent === undefined)
      .map((d) => ({ ...counted(d.code), children: (dir.childDomains.get(d.code) ?? []).map((child) => counted(child.code)) })),
    moroccan: side('MA'),
    french: side('FR'),
    kinds: [...kinds.values()]
      .sort((a, b) => a.country.localeCompare(b.country) || b.count - a.count || a.kind.localeCompare(b.kind))
      .map((k) => ({ ...k, href: withQuery(paths.collectivities(), { country: k.country, kind: k.kind }) })),
    map: mapViewOf(dir),
  });
}
