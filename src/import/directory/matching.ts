/**
 * The book against itself: each Sommaire line and each Synthèse pair names partnerships by their
 * parties' names. Here those names are resolved to the collectivities the entries define, so the
 * Sommaire gives pages, the Synthèse gives domains, and every disagreement is reported.
 */
import type { Profiles } from '../../profiles/profiles.js';
import type { DirectoryCountries } from './countries.js';
import type { UnitDraft } from './drafts.js';
import { readCollectivityNames, type NamedCollectivity } from './names.js';
import type { CollectivityRegistry } from './registry.js';
import type { SommaireEntry } from './sommaire.js';
import type { SynthesisPair } from './synthesis.js';
import type { ReaderNote } from './types.js';

export interface ResolvedUnit {
  readonly unit: UnitDraft;
  readonly partnershipId: string;
  readonly homeIds: readonly string[];
  readonly partnerIds: readonly string[];
  /** how the entry's heading names each of its parties */
  readonly printed: ReadonlyMap<string, NamedCollectivity>;
}

interface Named {
  readonly id: string;
  readonly named: NamedCollectivity;
  readonly exact: boolean;
}

interface Side {
  readonly ids: string[];
  readonly found: Named[];
  readonly unknown: string[];
}

function resolveSide(text: string | undefined, country: string, registry: CollectivityRegistry, line: number, profiles: Profiles): Side {
  const side: Side = { ids: [], found: [], unknown: [] };
  for (const named of text ? readCollectivityNames(text, country, profiles) : []) {
    const found = registry.resolve(named);
    if (!found) {
      side.unknown.push(named.name);
      continue;
    }
    side.ids.push(found.entry.id);
    side.found.push({ id: found.entry.id, named, exact: found.exact });
    // Other spellings of a known collectivity are kept as aliases; one-letter slips are not.
    if (found.exact) registry.sighted(found.entry, named, line);
  }
  return side;
}

interface Difference {
  message: string;
  key: string;
  params: Record<string, string>;
}

/** What a line prints differently from the entries: unknown names, near spellings, another kind. */
function differences(sides: readonly Side[], unit: ResolvedUnit | undefined): Difference[] {
  const out: Difference[] = [];
  for (const side of sides) {
    for (const name of side.unknown) out.push({ message: `“${name}” names no collectivity of the entries`, key: 'unknown-name', params: { name } });
    for (const f of side.found) {
      const printed = unit?.printed.get(f.id);
      const name = f.named.name;
      if (!f.exact) out.push({ message: `“${name}” is taken to be ${printed?.name ?? f.id}`, key: 'name-taken-to-be', params: { name, taken: printed?.name ?? f.id } });
      else if (printed && printed.kind !== f.named.kind) out.push({ message: `“${name}” is printed “${printed.name}” in the entry`, key: 'name-printed-as', params: { name, printed: printed.name } });
    }
  }
  return out;
}

const covers = (have: readonly string[], want: readonly string[]) => want.length > 0 && want.every((id) => have.includes(id));

export function matchSommaire(sommaire: readonly SommaireEntry[], units: readonly ResolvedUnit[], registry: CollectivityRegistry, countries: DirectoryCountries, notes: ReaderNote[]): Map<ResolvedUnit, SommaireEntry> {
  const pages = new Map<ResolvedUnit, SommaireEntry>();
  for (const entry of sommaire) {
    const home = resolveSide(entry.home, countries.home, registry, entry.line, countries.profiles);
    const partner = resolveSide(entry.partner, countries.partner, registry, entry.line, countries.profiles);
    const matched = units.filter((u) => u.unit.tier === 'full' && covers(u.homeIds, home.ids) && (covers(partner.ids, u.partnerIds) || covers(u.partnerIds, partner.ids)));
    if (matched.length === 0) {
      notes.push({
        kind: 'sommaire-entry-missing',
        message: `the Sommaire announces “${entry.home}/${entry.partner}” (p.${entry.page}); no entry of the body matches it`,
        wording: { key: 'sommaire-entry-missing', params: { /* the wording's parameter keeps its name: stored reports and the site's catalogue use it */ french: entry.home, partner: entry.partner, page: String(entry.page ?? '?') } },
        line: entry.line,
      });
      continue;
    }
    for (const d of differences([home, partner], matched[0])) {
      notes.push({ kind: 'sommaire-name-differs', message: `Sommaire: ${d.message}`, wording: { key: `sommaire.${d.key}`, params: d.params }, line: entry.line });
    }
    for (const u of matched) pages.set(u, entry);
  }
  for (const u of units) {
    if (u.unit.tier === 'full' && !pages.has(u)) {
      const heading = u.unit.headingLines.map((l) => l.text).join(' / ');
      notes.push({ kind: 'entry-not-in-sommaire', message: `the entry “${heading}” is not in the Sommaire`, wording: { key: 'entry-not-in-sommaire', params: { heading } }, line: u.unit.lines[0] });
    }
  }
  return pages;
}

export function matchSynthesis(pairs: readonly SynthesisPair[], units: readonly ResolvedUnit[], registry: CollectivityRegistry, countries: DirectoryCountries, notes: ReaderNote[]): Map<string, string[]> {
  const domains = new Map<string, string[]>();
  for (const pair of pairs) {
    const home = resolveSide(pair.home, countries.home, registry, pair.line.n, countries.profiles);
    const partner = resolveSide(pair.partner, countries.partner, registry, pair.line.n, countries.profiles);
    const where = `Synthèse, “${pair.line.text}”`;
    let matched = units.filter((u) => covers(u.homeIds, home.ids) && (!pair.partner || covers(u.partnerIds, partner.ids)));
    // A line naming only the home side counts only when that side has a single partnership.
    if (!pair.partner) {
      notes.push({ kind: 'synthesis-pair-without-partner', message: `${where}: no partner is named`, wording: { key: 'synthesis.pair-without-partner', params: { pair: pair.line.text } }, line: pair.line.n });
      if (matched.length > 1) matched = [];
    }
    for (const d of differences([home, partner], matched[0])) {
      notes.push({ kind: 'synthesis-name-differs', message: `${where}: ${d.message}`, wording: { key: `synthesis.${d.key}`, params: { pair: pair.line.text, ...d.params } }, line: pair.line.n });
    }
    if (matched.length === 0) {
      notes.push({
        kind: 'synthesis-pair-without-entry',
        message: `${where}: no partnership of the entries has these parties`,
        wording: { key: 'synthesis.pair-without-entry', params: { pair: pair.line.text } },
        line: pair.line.n,
      });
      continue;
    }
    for (const u of matched) {
      const list = domains.get(u.partnershipId) ?? [];
      if (!list.includes(pair.domain)) list.push(pair.domain);
      domains.set(u.partnershipId, list);
    }
  }
  return domains;
}
