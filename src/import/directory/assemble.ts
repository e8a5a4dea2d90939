/**
 * Assembly: the drafts of every entry become the interchange document. Collectivities are
 * registered from the entries' headings first (they are the book's own names), then the Sommaire
 * and the Synthèse are matched against them.
 */
import type { Collectivity, Domain, Partnership, Project, RepertoireDocument } from '../../model/schema.js';
import type { SourceRef } from '../../model/provenance.js';
import type { Profiles } from '../../profiles/profiles.js';
import type { DirectoryCountries } from './countries.js';
import { buildCollectivity, collectivitySources } from './collectivities.js';
import type { UnitDraft } from './drafts.js';
import { matchSommaire, matchSynthesis, type ResolvedUnit } from './matching.js';
import { assignExecutives, buildPartnership, type ContactsReader, type PartyOfUnit } from './partnership-record.js';
import { CollectivityRegistry } from './registry.js';
import type { FrontMatter } from './sommaire.js';
import type { Synthesis } from './synthesis.js';
import { placeKey, readCollectivityNames } from './names.js';
import { slug } from './text.js';
import { themeDomains } from './themes.js';
import type { InstitutionDetails, ReaderNote } from './types.js';

export interface AssemblyInput {
  readonly document: string;
  readonly front: FrontMatter;
  readonly units: readonly UnitDraft[];
  readonly synthesis?: Synthesis;
  readonly readContacts: ContactsReader;
  readonly lastLine: number;
  readonly countries: DirectoryCountries;
}

export interface Assembly {
  readonly document: RepertoireDocument;
  readonly sources: SourceRef[];
}

/** "M. Omar El Bahraoui, Président de la Commune urbaine de Marrakech" in Rabat's place. */
function checkExecutiveTitle(party: PartyOfUnit, profiles: Profiles, notes: ReaderNote[]): void {
  const title = party.executive?.title;
  const named = title && /(commune urbaine|commune rurale|conseil r[ée]gional|conseil g[ée]n[ée]ral|province|pr[ée]fecture)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*)?([^,(]+)/i.exec(title);
  if (!named) return;
  const printed = placeKey(named[2]!.replace(/\s+(et|pour)\s.*$/i, ''));
  const own = [party.ref.shortName, ...party.ref.aliases].map((n) => placeKey(readCollectivityNames(n, party.ref.country, profiles)[0]?.place ?? n));
  if (!own.some((k) => k === printed || k.startsWith(printed) || printed.startsWith(k))) {
    notes.push({
      kind: 'executive-names-another-collectivity',
      message: `${party.ref.name}: its executive line reads “${title}”`,
      wording: { key: 'executive-names-another-collectivity', params: { name: party.ref.name, title } },
      line: party.executive!.line.n,
    });
  }
}

/**
 * A project's domains, where the print gives them (the print never lists a project's domains
 * itself; `domainRule` says which rule derived them): its theme heading ("EAU ET ASSAINISSEMENT"),
 * or, for a project listed under a short heading of its own with no theme (Aix-en-Provence's
 * "Eau et Assainissement"), that heading — rule `theme-heading`; else its partnership's domain
 * in the Synthèse when the partnership has only one — rule `partnership`. A project none of them
 * places is left without a domain, for the editors (the data-quality desk lists it).
 */
function projectDomains(project: Project, partnershipDomains: readonly string[], domains: readonly Domain[]): Project {
  const headings = project.themes?.length ? project.themes : [project.title];
  const fromHeading = themeDomains(headings, domains);
  if (fromHeading.length) return { ...project, domains: fromHeading, domainRule: 'theme-heading' };
  if (partnershipDomains.length === 1) return { ...project, domains: [...partnershipDomains], domainRule: 'partnership' };
  return project;
}

export function assemble(input: AssemblyInput, notes: ReaderNote[]): Assembly {
  const registry = new CollectivityRegistry(input.countries.profiles);
  const sources: SourceRef[] = [];
  const usedIds = new Set<string>();
  const ctx = { document: input.document, usedIds, readContacts: input.readContacts, countries: input.countries, notes };

  // Register every heading first, so that later lookups see all the book's collectivities.
  const unitParties = input.units.map((unit) => {
    // A heading may name one collectivity twice ("Ville de X - Ville de X"): one party.
    const named = [...unit.home, ...unit.partner].filter((n, i, all) => all.findIndex((m) => m.country === n.country && m.place === n.place && m.kind === n.kind) === i);
    const lines = named.map((n, i) => (i < unit.home.length ? unit.headingLines[0]! : unit.headingLines.at(-1)!).n);
    return named.map((n, i) => ({ named: n, entry: registry.register(n, lines[i]!) }));
  });

  const built = input.units.map((unit, u) => {
    const list = unitParties[u]!;
    const executives = assignExecutives(unit.head.executives, list.map((p) => p.named.country));
    const parties: PartyOfUnit[] = list.map(({ named, entry }, i) => {
      const executive = executives[i];
      if (executive) {
        entry.executives.push({ value: { name: executive.name, ...(executive.civility ? { civility: executive.civility } : {}), ...(executive.title ? { title: executive.title } : {}) }, line: executive.line.n });
        // One line for two parties (Lyon): the population is the larger body's.
        const shared = executives.filter((e) => e === executive).length > 1;
        const takesPopulation = !shared || named.kind === 'communaute-urbaine';
        if (executive.population !== undefined && takesPopulation) entry.populations.push({ value: executive.population, line: executive.line.n });
      }
      const ref = { collectivityId: entry.id, country: named.country, name: named.name, shortName: named.place, ...(executive ? { executiveName: executive.name } : {}), aliases: entry.names };
      return { entry, ref, ...(executive ? { executive } : {}) };
    });
    for (const p of parties) checkExecutiveTitle(p, input.countries.profiles, notes);
    return { unit, parties, result: buildPartnership(unit, parties, ctx) };
  });

  const resolved: ResolvedUnit[] = built.map(({ unit, parties, result }, u) => ({
    unit,
    partnershipId: result.partnership.id,
    homeIds: parties.filter((p) => p.ref.country === input.countries.home).map((p) => p.entry.id),
    partnerIds: parties.filter((p) => p.ref.country !== input.countries.home).map((p) => p.entry.id),
    printed: new Map(parties.map((p, i) => [p.entry.id, unitParties[u]![i]!.named])),
  }));
  const pages = matchSommaire(input.front.sommaire, resolved, registry, input.countries, notes);
  const domainsOf = input.synthesis ? matchSynthesis(input.synthesis.pairs, resolved, registry, input.countries, notes) : new Map<string, string[]>();

  const domains: Domain[] = (input.synthesis?.domains ?? []).map((d) => ({ code: d.code, label: d.label, ...(d.parent ? { parent: d.parent } : {}), ...(d.aliases ? { aliases: d.aliases } : {}) }));
  const partnerships: Partnership[] = built.map(({ result }, i) => {
    const p = result.partnership;
    const page = pages.get(resolved[i]!)?.page ?? p.source?.page;
    const codes = domainsOf.get(p.id);
    sources.push(...result.sources);
    const projects = p.projects?.map((project) => projectDomains(project, codes ?? [], domains));
    return { ...p, ...(codes ? { domains: codes } : {}), ...(projects ? { projects } : {}), ...(page && p.source ? { source: { ...p.source, page } } : {}) };
  });

  const details = new Map<string, InstitutionDetails[]>();
  for (const { result } of built) for (const d of result.institutions) details.set(d.collectivityId, [...(details.get(d.collectivityId) ?? []), d]);
  const collectivities: Collectivity[] = registry.entries().map((entry) => {
    sources.push(...collectivitySources(entry, input.document));
    return buildCollectivity(entry, details.get(entry.id) ?? [], input.countries.profiles, notes);
  });
  dropRepeatedExecutives(partnerships, collectivities);

  for (const d of input.synthesis?.domains ?? []) sources.push({ recordType: 'domain', recordId: d.code, document: input.document, lines: [d.line, d.line] });

  const { front } = input;
  const document: RepertoireDocument = {
    format: 'repertoire',
    version: 1,
    directory: {
      id: slug(input.document.replace(/\.[^.]+$/, ''), 80),
      title: front.title ?? input.document,
      countries: [input.countries.home, input.countries.partner],
      ...(front.edition ? { edition: front.edition } : {}),
      ...(front.publishers.length ? { publishers: [...front.publishers] } : {}),
      language: 'fr',
      source: { document: input.document, lines: [1, Math.max(1, input.lastLine)] },
    },
    domains,
    collectivities,
    partnerships,
  };
  return { document, sources };
}

/** A party's executive is kept on the partnership only where it differs from the collectivity's. */
function dropRepeatedExecutives(partnerships: Partnership[], collectivities: readonly Collectivity[]): void {
  const byId = new Map(collectivities.map((c) => [c.id, c]));
  for (const p of partnerships) {
    p.parties = p.parties.map((party) => {
      const own = byId.get(party.collectivityId)?.executive;
      if (!party.executive || !own) return party;
      const same = own.name.toLowerCase() === party.executive.name.toLowerCase() && own.title === party.executive.title;
      if (!same) return party;
      const { executive: _drop, ...rest } = party;
      return rest;
    });
  }
}
