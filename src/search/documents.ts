/**
 * How a record becomes a search document: its title, subtitle, text, sort date and facet values.
 * One function per kind of record, used by the full build (build.ts) and by the delta that
 * re-makes the documents of changed records (delta/make.ts), so that a document re-made after an
 * edit is the document a fresh build would make.
 */
import { sideOf } from '../model/sides.js';
import type { defaultProfiles } from '../profiles/profiles.js';
import { STATUSES, decadeOf, funderName, valueSlug } from './facets.js';
import type { FacetName } from './types.js';

/**
 * Words a document is also found by, besides its own text: the names of its codes in the site's
 * language ("Maroc", "commune urbaine", "terminé", "12 000 habitants"). The web layer owns them
 * and passes them in (`searchWords`, web/i18n/codes.ts); they are indexed, never shown nor kept in
 * the dictionary. Without them a document is found by its text only.
 */
export interface IndexWords {
  country(code: string): string;
  kind(code: string): string;
  status(code: string): string;
  population(count: number): string;
  /** the other names a collectivity is known by (its Arabic name, its place's: «مراكش»), if any */
  names?(collectivityId: string): readonly string[];
}

/** Doc values of one group's facets, as lists of value indexes. */
export type DocFacets = Partial<Record<FacetName, number[]>>;

/** A document before it is numbered and indexed. */
export interface DocInput {
  type: string;
  recordId: string;
  partnershipId: string | null;
  title: string;
  subtitle: string;
  date: string | null;
  sortDate: string | null;
  pad: number | null;
  body: string;
  extra: string;
  facets: DocFacets;
}

/** A facet's values: the build numbers new ones; the delta only knows those of the index it patches. */
export interface FacetIds {
  id(value: string, label?: string, parent?: string): number;
}

/** The columns each kind of record is read with, by the build and by the delta. */
export const COLLECTIVITY_COLUMNS = ['id', 'name', 'short_name', 'country', 'kind', 'region', 'population', 'executive_name', 'executive_title', 'address', 'aliases'] as const;
export const PARTNERSHIP_COLUMNS = ['id', 'position', 'section', 'legal_framework', 'date_text', 'signed_date', 'history', 'domains_text', 'notes', 'human_resources', 'other_partnerships'] as const;
export const PROJECT_COLUMNS = [
  'id', 'partnership_id', 'title', 'status', 'themes', 'period_text', 'start_date', 'pad_cofinanced', 'objectives', 'description', 'funding_text', 'expected_results', 'obtained_results', 'beneficiaries', 'observations',
] as const;
export const NOTICE_COLUMNS = ['id', 'collectivity_id', 'domains', 'partner_country', 'partner_kind', 'partner_region', 'description', 'until', 'decided_at'] as const;

type Text = string | null;
export interface CollectivityRow { id: string; name: string; short_name: Text; country: string; kind: string; region: Text; population: number | null; executive_name: Text; executive_title: Text; address: Text; aliases: Text }
export interface PartnershipRow { id: string; section: Text; legal_framework: Text; date_text: Text; signed_date: Text; history: Text; domains_text: Text; notes: Text; human_resources: Text; other_partnerships: Text }
export interface ProjectRow {
  id: string; partnership_id: string; title: string; status: string; themes: Text; period_text: Text; start_date: Text; pad_cofinanced: number | null; objectives: Text; description: Text;
  funding_text: Text; expected_results: Text; obtained_results: Text; beneficiaries: Text; observations: Text;
}
export interface NoticeRow { id: string; collectivity_id: string; domains: Text; partner_country: string; partner_kind: Text; partner_region: Text; description: string; until: Text; decided_at: Text }
export interface FundingLine { funder: string; funder_collectivity_id: string | null }

/** What every document refers to: the facet values, the domains, the collectivities, the funders the facet keeps. */
export interface DocVocabulary {
  values: Record<FacetName, FacetIds>;
  countries: { countries: string[] };
  domainLabel: ReadonlyMap<string, string>;
  domainParent: ReadonlyMap<string, string | null>;
  collectivityById: ReadonlyMap<string, CollectivityRow>;
  /** the funders' names the facet keeps (the most frequent) */
  topFunders: ReadonlySet<string>;
  words: IndexWords | undefined;
}

export function jsonList(value: string | null): string[] {
  if (value === null) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export const uniq = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
const join = (parts: readonly (string | null | undefined)[], separator: string) => parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(separator);
const nameOf = (c: { name: string; short_name: string | null }) => c.short_name ?? c.name;

/** A domain and its ancestors: a parent value selects its children. */
export function domainIds(v: DocVocabulary, codes: readonly string[]): number[] {
  const ids: number[] = [];
  for (let code of codes) {
    for (let depth = 0; depth < 5 && code !== undefined; depth += 1) {
      if (!v.domainLabel.has(code)) break;
      ids.push(v.values.domain.id(code, v.domainLabel.get(code)!));
      const parent = v.domainParent.get(code);
      if (parent === null || parent === undefined) break;
      code = parent;
    }
  }
  return uniq(ids);
}

const kindIds = (v: DocVocabulary, list: readonly { kind: string; country: string }[], side: 'home' | 'partner') =>
  uniq(list.filter((c) => sideOf(c.country, v.countries) === side).map((c) => v.values[side === 'home' ? 'homeKind' : 'partnerKind'].id(c.kind)));
const regionIds = (v: DocVocabulary, list: readonly { region: string | null }[]) =>
  uniq(list.filter((c) => c.region !== null && c.region.trim() !== '').map((c) => v.values.region.id(valueSlug(c.region!), c.region!.trim())));
const decadeId = (v: DocVocabulary, date: string | null | undefined) => v.values.decade.id(decadeOf(date));

/** A funding line's funder as the facet names it (collectivities by their short name). */
export function funderOf(v: Pick<DocVocabulary, 'collectivityById'>, funder: string, collectivityId: string | null): string | undefined {
  const c = collectivityId === null ? undefined : v.collectivityById.get(collectivityId);
  return funderName(funder, c === undefined ? undefined : (c.short_name ?? c.name));
}

function funderIds(v: DocVocabulary, lines: readonly FundingLine[]): number[] {
  const ids: number[] = [];
  for (const line of lines) {
    const name = funderOf(v, line.funder, line.funder_collectivity_id);
    if (name !== undefined && v.topFunders.has(name)) ids.push(v.values.funder.id(valueSlug(name), name));
  }
  return uniq(ids);
}

/** A collectivity, with the domains and decades of its partnerships. */
export function collectivityDocument(v: DocVocabulary, c: CollectivityRow, partnerships: readonly { signedDate: string | null | undefined; domains: readonly string[] }[]): DocInput {
  const words = v.words;
  return {
    type: 'collectivity',
    recordId: c.id,
    partnershipId: null,
    title: c.name,
    // the directory's words only: a kind or a country is a code, labelled by the web layer
    subtitle: join([c.region], ' · '),
    date: null,
    sortDate: null,
    pad: null,
    body: join([c.short_name !== null && c.short_name !== c.name ? c.short_name : null, ...jsonList(c.aliases), join([c.executive_title, c.executive_name], ' '), c.address], ' — '),
    extra: words === undefined ? '' : join([words.kind(c.kind), words.country(c.country), c.population === null ? null : words.population(c.population), ...(words.names?.(c.id) ?? [])], ' '),
    facets: {
      type: [v.values.type.id('collectivity')],
      homeKind: kindIds(v, [c], 'home'),
      partnerKind: kindIds(v, [c], 'partner'),
      region: regionIds(v, [c]),
      decade: uniq(partnerships.map((p) => decadeId(v, p.signedDate))),
      domain: domainIds(v, partnerships.flatMap((p) => p.domains)),
    },
  };
}

/** A partnership between its parties; its title and facets are also its projects'. */
export function partnershipDocument(
  v: DocVocabulary,
  p: PartnershipRow,
  parties: readonly { collectivity_id: string; country: string }[],
  domainCodes: readonly string[],
): { doc: DocInput; title: string; facets: DocFacets } {
  const sides = parties.flatMap((party) => {
    const collectivity = v.collectivityById.get(party.collectivity_id);
    return collectivity === undefined ? [] : [{ ...collectivity, country: party.country }];
  });
  // Two parties of one place (Ville de Lyon, Communauté urbaine de Lyon) share a short name: once.
  const title = sides.length > 0 ? [...new Set(sides.map(nameOf))].join(' – ') : p.id;
  const facets: DocFacets = { decade: [decadeId(v, p.signed_date)], homeKind: kindIds(v, sides, 'home'), partnerKind: kindIds(v, sides, 'partner'), region: regionIds(v, sides) };
  const doc: DocInput = {
    type: 'partnership',
    recordId: p.id,
    partnershipId: null,
    title,
    subtitle: join([p.legal_framework, p.date_text], ' · '),
    date: p.signed_date,
    sortDate: p.signed_date,
    pad: null,
    body: join([sides.map((s) => s.name).join(' ; '), p.domains_text, p.history, ...jsonList(p.notes), ...jsonList(p.human_resources)], ' — '),
    extra: join(
      [p.section, ...domainCodes.map((code) => v.domainLabel.get(code)), ...sides.map((s) => s.region), ...jsonList(p.other_partnerships), ...sides.flatMap((s) => v.words?.names?.(s.id) ?? [])],
      ' ',
    ),
    facets: { ...facets, type: [v.values.type.id('partnership')], domain: domainIds(v, domainCodes) },
  };
  return { doc, title, facets };
}

/** A project, under its partnership (its title as subtitle, its facets, its date when the project has none). */
export function projectDocument(
  v: DocVocabulary,
  p: ProjectRow,
  parent: { title: string | undefined; facets: DocFacets | undefined; signedDate: string | null | undefined },
  related: { domains: readonly string[]; funding: readonly FundingLine[]; partners: readonly string[] },
): DocInput {
  const status = STATUSES.includes(p.status) ? p.status : 'other';
  const pad = p.pad_cofinanced === 1 ? 'yes' : 'no';
  return {
    type: 'project',
    recordId: p.id,
    partnershipId: p.partnership_id,
    title: p.title,
    subtitle: parent.title ?? p.partnership_id,
    date: p.start_date,
    sortDate: p.start_date ?? parent.signedDate ?? null,
    pad: p.pad_cofinanced,
    body: join(
      [p.description, ...jsonList(p.objectives), ...jsonList(p.expected_results), ...jsonList(p.obtained_results), ...jsonList(p.beneficiaries), p.observations, p.period_text, p.funding_text],
      ' — ',
    ),
    extra: join([v.words?.status(status), ...jsonList(p.themes), ...related.domains.map((code) => v.domainLabel.get(code)), ...related.partners, ...related.funding.map((l) => l.funder)], ' '),
    facets: {
      ...parent.facets,
      type: [v.values.type.id('project')],
      status: [v.values.status.id(status)],
      pad: [v.values.pad.id(pad)],
      domain: domainIds(v, related.domains),
      funder: funderIds(v, related.funding),
    },
  };
}

/** The name of the top-level division a notice seeks, from its country's profile (a code the profile does not know: none). */
function soughtRegion(profiles: ReturnType<typeof defaultProfiles>, country: string, code: string | null): string | undefined {
  if (code === null) return undefined;
  const profile = profiles.find(country);
  const top = profile?.divisions.levels[0]?.code;
  return profile?.divisions.units.find((u) => u.level === top && u.code === code)?.name;
}

/** A partner-search notice: found by its words, its publisher's name and what it seeks. */
export function noticeDocument(v: DocVocabulary, n: NoticeRow, profiles: ReturnType<typeof defaultProfiles>): DocInput {
  const publisher = v.collectivityById.get(n.collectivity_id);
  const sought = soughtRegion(profiles, n.partner_country, n.partner_region);
  const noticeDomains = jsonList(n.domains).filter((code) => v.domainLabel.has(code));
  const decided = n.decided_at === null ? null : n.decided_at.slice(0, 10);
  const words = v.words;
  const sides = [...(publisher === undefined ? [] : [publisher]), ...(n.partner_kind === null ? [] : [{ kind: n.partner_kind, country: n.partner_country }])];
  return {
    type: 'notice',
    recordId: n.id,
    // the collectivity that seeks, in the column a project keeps its partnership in (results.ts `hitsInOrder`)
    partnershipId: n.collectivity_id,
    title: publisher?.name ?? n.collectivity_id,
    subtitle: join(noticeDomains.map((code) => v.domainLabel.get(code)), ' · '),
    date: decided,
    sortDate: decided,
    pad: null,
    body: n.description,
    extra: join(
      [
        publisher?.short_name,
        publisher?.region,
        sought,
        ...(words === undefined ? [] : [words.country(n.partner_country), n.partner_kind === null ? null : words.kind(n.partner_kind)]),
        ...(publisher === undefined ? [] : (words?.names?.(publisher.id) ?? [])),
      ],
      ' ',
    ),
    facets: {
      type: [v.values.type.id('notice')],
      domain: domainIds(v, noticeDomains),
      // who seeks and whom it seeks, each on its side, as a partnership's two parties
      homeKind: kindIds(v, sides, 'home'),
      partnerKind: kindIds(v, sides, 'partner'),
      region: uniq([...regionIds(v, publisher === undefined ? [] : [publisher]), ...regionIds(v, sought === undefined ? [] : [{ region: sought }])]),
    },
  };
}
