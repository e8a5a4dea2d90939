/**
 * A table's records merged into a directory as it stands: a table adds to or updates a
 * directory, it never removes (an import of a whole document replaces; a table is a list of
 * partnerships, often a part of one). Collectivities are matched to those already there by id
 * (the table's code), then by name and country — folded (`KOMÁRNO` is `Komárno`), institution
 * words left out, through the gazetteer's aliases — and partnerships by their parties. What the
 * table says of a matched record updates it; what it does not say is kept.
 *
 * The rules, one function each, are what merge-table-streamed.ts applies a chunk at a time to a
 * stored directory of any size (the import's only path); `mergeTable` applies them to whole
 * documents in memory, the reference the streamed merge is tested against (import-table.test.ts).
 */
import { bareName, type Gazetteer } from '../geo/gazetteer.js';
import { canonicalDocument } from '../model/canonical.js';
import type { Collectivity, Partnership, RepertoireDocument } from '../model/schema.js';
import { foldKey } from '../text/fold.js';

export interface TableMerge {
  document: RepertoireDocument;
  /** the table's partnership ids → the merged document's */
  partnershipIds: ReadonlyMap<string, string>;
  /** the table's collectivity ids → the merged document's */
  collectivityIds: ReadonlyMap<string, string>;
}

export interface MergeOptions {
  /** the directory the table goes into (default: the mapping's) */
  directoryId: string;
  /** for names the gazetteer knows under another spelling */
  gazetteer?: Pick<Gazetteer, 'places'>;
}

export function mergeTable(stored: RepertoireDocument | undefined, table: RepertoireDocument, options: MergeOptions): TableMerge {
  const base: RepertoireDocument = stored
    ? structuredClone(stored)
    : { ...table, directory: { ...table.directory, id: options.directoryId }, domains: [], collectivities: [], partnerships: [] };
  const countries = [...base.directory.countries];
  for (const c of table.directory.countries) if (!countries.includes(c)) countries.push(c);
  base.directory.countries = countries;

  const collectivityIds = mergeCollectivities(base, table, options.gazetteer);
  for (const d of table.domains) if (!base.domains.some((x) => x.code === d.code)) base.domains.push(d);
  const partnershipIds = mergePartnerships(base, table, collectivityIds);
  return { document: canonicalDocument(base), partnershipIds, collectivityIds };
}

/** The comparison keys of a collectivity's name in its country: folded, and bare of institution words. */
export function nameKeys(country: string, name: string): string[] {
  return [...new Set([`${country}:${foldKey(name)}`, `${country}:${bareName(name)}`])];
}

/** The gazetteer's own spelling of a place's name, directly or through its aliases ("Marrakech" → "Marrakesh"), as a key. */
export function aliasKey(country: string, name: string, gazetteer: MergeOptions['gazetteer']): string | undefined {
  for (const n of new Set([name, bareName(name)])) {
    const place = gazetteer?.places(country, n).places[0];
    if (place) return `${country}:${foldKey(place.name)}`;
  }
  return undefined;
}

/**
 * The table's collectivities matched to the directory's. Only those already there are matched
 * by name: two of the table's own with different codes are two places (Germany has many
 * Neustadts), the reader has already told its rows' collectivities apart.
 */
function mergeCollectivities(base: RepertoireDocument, table: RepertoireDocument, gazetteer: MergeOptions['gazetteer']): Map<string, string> {
  const byId = new Map(base.collectivities.map((c) => [c.id, c]));
  const byName = new Map<string, Collectivity>();
  const byAlias = new Map<string, Collectivity>();
  const countries = new Set(base.collectivities.map((c) => c.country));
  for (const c of base.collectivities) {
    for (const n of [c.name, c.shortName, ...(c.aliases ?? [])]) {
      if (!n) continue;
      for (const key of nameKeys(c.country, n)) if (!byName.has(key)) byName.set(key, c);
    }
  }
  const viaGazetteer = (t: Collectivity): Collectivity | undefined => {
    if (gazetteer === undefined || !countries.has(t.country)) return undefined;
    // The stored side's keys are computed only when a name is not found as written: the gazetteer is slow to ask.
    if (byAlias.size === 0) {
      for (const c of base.collectivities) for (const n of [c.name, c.shortName]) if (n) {
        const key = aliasKey(c.country, n, gazetteer);
        if (key && !byAlias.has(key)) byAlias.set(key, c);
      }
    }
    const key = aliasKey(t.country, t.name, gazetteer);
    return key === undefined ? undefined : byAlias.get(key);
  };
  const ids = new Map<string, string>();
  for (const t of table.collectivities) {
    const sameId = byId.get(t.id);
    const found =
      sameId?.country === t.country ? sameId : (lookupKeys(t).map((k) => byName.get(k)).find(Boolean) ?? viaGazetteer(t));
    if (found === undefined) {
      const id = byId.has(t.id) ? freeId(t.id, (x) => byId.has(x)) : t.id;
      const added = { ...t, id };
      base.collectivities.push(added);
      byId.set(id, added);
      ids.set(t.id, id);
      continue;
    }
    ids.set(t.id, found.id);
    absorbCollectivity(found, t);
  }
  return ids;
}

/** The stored keys a table's collectivity is looked up by: its names and aliases, in its country. */
export function lookupKeys(t: Collectivity): string[] {
  return [t.name, ...(t.aliases ?? [])].flatMap((n) => nameKeys(t.country, n));
}

/** What the table says of a collectivity already there: its location replaces, its region fills a gap, its other spellings become aliases. */
export function absorbCollectivity(found: Collectivity, t: Collectivity): void {
  if (t.location !== undefined) found.location = t.location;
  if (t.region !== undefined && found.region === undefined) found.region = t.region;
  const spellings = [t.name, ...(t.aliases ?? [])].filter((n) => ![found.name, found.shortName, ...(found.aliases ?? [])].some((m) => m !== undefined && foldKey(m) === foldKey(n)));
  if (spellings.length > 0) found.aliases = [...(found.aliases ?? []), ...spellings];
}

/** A partnership's identity in a directory: its parties, in any order. */
export const pairKey = (p: Pick<Partnership, 'parties'>): string => p.parties.map((x) => x.collectivityId).sort().join('|');

/** A table's partnership with its parties and contacts named by the directory's collectivity ids. */
export function renamedParties(t: Partnership, idOf: (tableId: string) => string): Pick<Partnership, 'parties'> & { contacts?: Partnership['contacts'] } {
  const parties = t.parties.map((x) => ({ ...x, collectivityId: idOf(x.collectivityId) }));
  const contacts = t.contacts?.map((c) => (c.collectivityId === undefined ? c : { ...c, collectivityId: idOf(c.collectivityId) }));
  return { parties, ...(contacts ? { contacts } : {}) };
}

function mergePartnerships(base: RepertoireDocument, table: RepertoireDocument, collectivityIds: ReadonlyMap<string, string>): Map<string, string> {
  const byPair = new Map(base.partnerships.map((p) => [pairKey(p), p]));
  const byId = new Map(base.partnerships.map((p) => [p.id, p]));
  const ids = new Map<string, string>();
  for (const t of table.partnerships) {
    const { parties, contacts } = renamedParties(t, (id) => collectivityIds.get(id) ?? id);
    const found = byPair.get(pairKey({ parties }));
    if (found === undefined) {
      const id = byId.has(t.id) ? freeId(t.id, (x) => byId.has(x)) : t.id;
      const added: Partnership = { ...t, id, parties, ...(contacts ? { contacts } : {}) };
      base.partnerships.push(added);
      byId.set(id, added);
      byPair.set(pairKey(added), added);
      ids.set(t.id, id);
      continue;
    }
    ids.set(t.id, found.id);
    updatePartnership(found, { ...t, ...(contacts ? { contacts } : {}) });
  }
  return ids;
}

/** What the table says of a partnership already there: its fields replace, its lists add. */
export function updatePartnership(found: Partnership, t: Partnership): void {
  if (t.signedDate !== undefined) found.signedDate = t.signedDate;
  if (t.dateText !== undefined && found.signedDate === undefined) found.dateText = t.dateText;
  if (t.frameworkKind !== undefined) found.frameworkKind = t.frameworkKind;
  if (t.legalFramework !== undefined) found.legalFramework = t.legalFramework;
  if (t.domains) found.domains = [...new Set([...(found.domains ?? []), ...t.domains])];
  if (t.notes) found.notes = [...new Set([...(found.notes ?? []), ...t.notes])];
  for (const c of t.contacts ?? []) {
    if (!(found.contacts ?? []).some((x) => foldKey(x.name) === foldKey(c.name) && x.collectivityId === c.collectivityId)) found.contacts = [...(found.contacts ?? []), c];
  }
  for (const q of t.projects ?? []) {
    const projects = found.projects ?? [];
    const i = projects.findIndex((x) => x.id === q.id || foldKey(x.title) === foldKey(q.title));
    if (i < 0) found.projects = [...projects, q];
    else projects[i] = { ...projects[i]!, ...q, id: projects[i]!.id };
  }
}

/** The first of `id-2`, `id-3`… not taken. */
export function freeId(id: string, taken: (id: string) => boolean): string {
  for (let n = 2; ; n += 1) if (!taken(`${id}-${n}`)) return `${id}-${n}`;
}
