/** The collectivity page's view model: identity, partnerships, work by domain, coordination. */
import { z } from 'zod';
import { MapView, loadMapView } from '../../maps/map.js';
import { RepertoireError } from '../../../errors.js';
import { Executive, Location } from '../../../model/schema.js';
import { sameRegion, samePartners, counterpartsIn, domainsOfPartnership } from '../../data/coordination.js';
import type { Kysely } from 'kysely';
import { partnershipsElsewhere } from '../../../store/directories.js';
import type { Database } from '../../../store/tables.js';
import type { Directory } from '../../data/directory.js';
import type { PartnershipLine } from '../../data/lists.js';
import { paths } from '../../paths.js';
import { SuggestionView, SuggestionsStatus, loadSuggestions } from './suggestions.js';
import { CollectivityNotices, collectivityNotices } from '../notices/data.js';
import type { Clock } from '../../../accounts/clock.js';
import {
  CollectivityRef,
  DomainRef,
  PartnershipRef,
  ProjectRef,
  collectivityRef,
  namesIn,
  domainRef,
  partnershipRef,
  projectRef,
  strip,
} from '../common.js';

export const CollectivityView = z.object({
  collectivity: z.object({
    id: z.string(),
    name: z.string(),
    shortName: z.string().optional(),
    /** the directory's own name, when `name` is the page language's */
    originalName: z.string().optional(),
    kind: z.string(),
    country: z.string(),
    region: z.string().optional(),
    population: z.number().optional(),
    populationYear: z.number().optional(),
    executive: Executive.optional(),
    aliases: z.array(z.string()),
    /** the institution's own coordinates (public) */
    address: z.string().optional(),
    phones: z.array(z.string()),
    faxes: z.array(z.string()),
    emails: z.array(z.string()),
    websites: z.array(z.string()),
    location: Location.optional(),
  }),
  /** its partnerships, in the book's order (the first PARTNERSHIPS_SHOWN) */
  partnerships: z.array(
    z.object({
      partnership: PartnershipRef,
      counterparts: z.array(CollectivityRef),
      legalFramework: z.string().optional(),
      dateText: z.string().optional(),
      signedDate: z.string().optional(),
      projectCount: z.number().int(),
    }),
  ),
  /** how many partnerships it is party to */
  partnershipTotal: z.number().int(),
  /** partnerships and projects grouped by domain, in the taxonomy's order; `domain` absent: none given */
  byDomain: z.array(
    z.object({
      domain: DomainRef.optional(),
      partnerships: z.array(PartnershipRef),
      projects: z.array(ProjectRef),
    }),
  ),
  coordination: z.object({
    /** the collectivities on the other side of its partnerships */
    partners: z.array(CollectivityRef),
    /** for each partner: the others of this side working with it */
    samePartners: z.array(
      z.object({
        partner: CollectivityRef,
        others: z.array(z.object({ collectivity: CollectivityRef, partnerships: z.array(PartnershipRef) })),
        othersTotal: z.number().int(),
      }),
    ),
    /** how many partners there are (`samePartners` covers the first ones) */
    samePartnersTotal: z.number().int(),
    region: z.string().optional(),
    /** for each of its domains: the others of the same region working on it */
    sameRegion: z.array(
      z.object({
        domain: DomainRef,
        others: z.array(z.object({ partnership: PartnershipRef, collectivities: z.array(CollectivityRef) })),
        othersTotal: z.number().int(),
      }),
    ),
  }),
  /** its partner-search notices shown today, and others' looking for a collectivity like it ("cherche un partenaire dans votre domaine") */
  notices: CollectivityNotices,
  /** collectivities of the other countries worth contacting, with why and whom to contact there */
  suggestions: z.array(SuggestionView),
  /** `ready`: from the graph of this version of the store; `stale`: of an earlier one, the new being built; `computing`: none yet, the list is empty */
  suggestionsStatus: SuggestionsStatus,
  /** the map of its partnerships: it, its partners and the lines between them */
  map: MapView,
  /** its partnerships in the store's other directories (Marseille in FR–MA and in FR–SN): one page for all of them */
  elsewhere: z.array(
    z.object({
      directory: z.object({ id: z.string(), title: z.string(), edition: z.string().optional(), countries: z.array(z.string()), href: z.string() }),
      partnerships: z.array(z.object({ id: z.string(), title: z.string(), href: z.string() })),
      total: z.number().int(),
    }),
  ),
});
export type CollectivityView = z.infer<typeof CollectivityView>;

/** Partnerships shown (and read for the coordination view) on a collectivity's page; the page says when there are more. */
export const PARTNERSHIPS_SHOWN = 100;

/**
 * `db` answers the page's own reads — who else works with its partners, who else in its region
 * works on its domains, its map — which are long ones (tens of statements over thousands of rows
 * for partners with hundreds of partnerships): the server passes the search thread's connection
 * (PageInput.reader); its records come through `dir`.
 */
export async function collectivityView(dir: Directory, db: Kysely<Database>, id: string, clock?: Clock): Promise<CollectivityView> {
  const c = dir.collectivity.get(id);
  if (c === undefined) throw new RepertoireError('not-found', `no collectivity "${id}"`, 404);
  const allIds = await dir.partnershipIdsOf(id);
  // their lines, not their records: a hundred records with their contacts and budgets took most of the page's reading
  const own = await dir.partnershipLines(allIds.slice(0, PARTNERSHIPS_SHOWN));
  const projectsOf = await dir.projectHeadsOf(own.map((p) => p.id));
  const projects = (p: PartnershipLine) => projectsOf.get(p.id) ?? [];

  const byDomain: CollectivityView['byDomain'] = [];
  const codes = new Set(own.flatMap((p) => [...domainsOfPartnership(p, projects(p))]));
  for (const domain of dir.domains) {
    if (!codes.has(domain.code)) continue;
    byDomain.push({
      domain: domainRef(dir, domain.code),
      partnerships: own.filter((p) => p.domains.includes(domain.code)).map((p) => partnershipRef(dir, p)),
      projects: own.flatMap(projects).filter((q) => (q.domains ?? []).includes(domain.code)).map(projectRef),
    });
  }
  const withoutDomain = {
    partnerships: own.filter((p) => p.domains.length === 0).map((p) => partnershipRef(dir, p)),
    projects: own.flatMap(projects).filter((q) => (q.domains ?? []).length === 0).map(projectRef),
  };
  if (withoutDomain.partnerships.length > 0 || withoutDomain.projects.length > 0) byDomain.push(withoutDomain);

  const [{ partnerIds, samePartners: same }, region, { status: suggestionsStatus, suggestions }, notices] = await Promise.all([
    samePartners(db, dir, c, own),
    sameRegion(db, dir, c, codes),
    loadSuggestions(dir, db, id),
    collectivityNotices(dir, db, id, codes, clock),
  ]);
  const refs = new Map(
    (await dir.partnershipHeads([...new Set([...same.flatMap((e) => e.others.flatMap((o) => o.partnershipIds)), ...region.flatMap((e) => e.others.map((o) => o.partnershipId))])])).map(
      (p) => [p.id, partnershipRef(dir, p)],
    ),
  );
  const ref = (pid: string) => refs.get(pid) ?? { id: pid, title: pid, tier: 'full' as const, href: paths.partnership(pid) };
  const view = {
    collectivity: strip({
      id: c.id,
      ...namesIn(c.id, c.name, c.shortName),
      kind: c.kind,
      country: c.country,
      region: c.region,
      population: c.population,
      populationYear: c.populationYear,
      executive: c.executive,
      aliases: c.aliases ?? [],
      address: c.address,
      phones: c.phones ?? [],
      faxes: c.faxes ?? [],
      emails: c.emails ?? [],
      websites: c.websites ?? [],
      location: c.location,
    }),
    partnerships: own.map((p) =>
      strip({
        partnership: partnershipRef(dir, p),
        counterparts: counterpartsIn(p, c).map((other) => collectivityRef(dir, other)),
        legalFramework: p.legalFramework,
        dateText: p.dateText,
        signedDate: p.signedDate,
        projectCount: projects(p).length,
      }),
    ),
    partnershipTotal: allIds.length,
    byDomain,
    coordination: strip({
      partners: partnerIds.map((other) => collectivityRef(dir, other)),
      samePartnersTotal: partnerIds.length,
      samePartners: same.map((entry) => ({
        partner: collectivityRef(dir, entry.partnerId),
        others: entry.others.map((o) => ({
          collectivity: collectivityRef(dir, o.collectivityId),
          partnerships: o.partnershipIds.map(ref),
        })),
        othersTotal: entry.othersTotal,
      })),
      region: c.region,
      sameRegion: region.map((entry) => ({
        domain: domainRef(dir, entry.code),
        others: entry.others.map((o) => ({
          partnership: ref(o.partnershipId),
          collectivities: o.collectivityIds.map((cid) => collectivityRef(dir, cid)),
        })),
        othersTotal: entry.othersTotal,
      })),
    }),
    notices,
    suggestions,
    suggestionsStatus,
    map: await loadMapView(db, dir, { kind: 'collectivity', id }),
    elsewhere: (await partnershipsElsewhere(db, id, c.country, dir.id, PARTNERSHIPS_SHOWN)).map((other) => ({
      directory: strip({ id: other.directoryId, title: other.title, edition: other.edition, countries: other.countries, href: paths.directory(other.directoryId) }),
      partnerships: other.partnerships.map((p) => ({ id: p.id, title: p.parties.join(' / '), href: paths.partnershipIn(other.directoryId, p.id) })),
      total: other.total,
    })),
  };
  return CollectivityView.parse(view);
}
