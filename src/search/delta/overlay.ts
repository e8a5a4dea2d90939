/**
 * The index as built (the base) with the delta over it: the documents re-made since the build
 * (delta/make.ts) replace theirs, under the same numbers, and the documents of removed records
 * are left out. The base is never copied per search: the overlay is made once per delta version
 * (a copy of the per-document codes and sort keys, a few milliseconds at a million documents),
 * and each posting set read for a query is patched at the delta's few documents. Everything
 * after matching (filters, facet counts, totals, ranking, paging) then runs unchanged on it.
 */
import { cardinality, fullSet, has, type Bitset } from '../bitset.js';
import type { DocRow } from '../results.js';

/** A document of the delta, as stored in `search_delta.entry` (JSON). */
export interface DeltaDoc {
  doc: number;
  /** the record is gone: its document is left out */
  removed?: true;
  /** what the result page shows of it */
  row?: Omit<DocRow, 'doc'>;
  /** its index terms (title's included), and its title's */
  terms?: string[];
  titleTerms?: string[];
  /** per facet group, per facet of the group: its values' indexes in the base's catalogue */
  profiles?: number[][][];
  /** the date sort key */
  date?: number;
  /** the folded title, and how many of the base's documents sort before it by (name, doc) */
  sortName?: string;
  namePosition?: number;
  /** a notice's last day (yyyymmdd) */
  until?: number;
}

/** The delta as the core keeps it: by document, with its terms as sets. */
export interface LoadedDelta {
  version: string;
  docs: Map<number, DeltaDoc & { termSet: Set<string>; titleSet: Set<string> }>;
}

/** What the overlay reads and replaces of a loaded index (engine.ts `LoadedIndex`: not imported, which imports this). */
export interface Overlaid {
  size: number;
  groups: {
    facets: string[];
    count: number;
    members: { offsets: Uint32Array; values: Uint16Array }[];
    codes: Uint16Array | Uint32Array;
    all: Uint32Array;
  }[];
  date: Int32Array;
  name: Uint32Array | Float64Array;
  all: Bitset;
  live: number;
  expiry: [number, number][];
  delta?: LoadedDelta;
}

/** The delta's rows and version, as a store answers the core's `delta` read. */
export interface DeltaRead {
  /** undefined: no delta over this build */
  version: string | undefined;
  /** the entries, only when the version differs from the one the core already has */
  entries?: DeltaDoc[];
}

const profileKey = (profile: readonly (readonly number[])[]) => profile.map((ids) => ids.join(',')).join('|');

/** The base with the delta applied; the base itself is left as it is (other searches may hold it). */
export function overlay<I extends Overlaid>(base: I, version: string, entries: readonly DeltaDoc[]): I {
  const docs: LoadedDelta['docs'] = new Map();
  for (const entry of entries) docs.set(entry.doc, { ...entry, termSet: new Set(entry.terms ?? []), titleSet: new Set(entry.titleTerms ?? []) });
  const all = fullSet(base.size);
  for (const [doc, entry] of docs) if (entry.removed === true) all[doc >>> 5]! &= ~(1 << (doc & 31));
  const groups = base.groups.map((group, g) => {
    // the profiles as lists again, to number the delta's new combinations after the base's
    const profiles: number[][][] = [];
    for (let code = 0; code < group.count; code += 1) profiles.push(group.members.map(({ offsets, values }) => Array.from(values.subarray(offsets[code]!, offsets[code + 1]!))));
    const codeOf = new Map(profiles.map((profile, code) => [profileKey(profile), code]));
    const newCodes = new Map<number, number>();
    for (const [doc, entry] of docs) {
      if (entry.removed === true || entry.profiles === undefined) continue;
      const profile = entry.profiles[g]!;
      let code = codeOf.get(profileKey(profile));
      if (code === undefined) {
        code = profiles.length;
        profiles.push(profile);
        codeOf.set(profileKey(profile), code);
      }
      newCodes.set(doc, code);
    }
    const codes = profiles.length > 0xffff ? Uint32Array.from(group.codes) : new Uint16Array(group.codes);
    const counts = new Uint32Array(profiles.length);
    counts.set(group.all);
    for (const [doc, entry] of docs) {
      counts[codes[doc]!]! -= 1;
      if (entry.removed === true) continue;
      codes[doc] = newCodes.get(doc)!;
      counts[codes[doc]!]! += 1;
    }
    const members = group.facets.map((_, position) => {
      const offsets = new Uint32Array(profiles.length + 1);
      for (let code = 0; code < profiles.length; code += 1) offsets[code + 1] = offsets[code]! + profiles[code]![position]!.length;
      const values = new Uint16Array(Math.max(2, offsets[profiles.length]!));
      let at = 0;
      for (const profile of profiles) for (const id of profile[position]!) values[at++] = id;
      return { offsets, values };
    });
    return { facets: group.facets, count: profiles.length, members, codes, all: counts };
  });
  const date = new Int32Array(base.date);
  // names: the base's ranks, a re-made document between the two base ranks its name falls between
  const name = Float64Array.from(base.name);
  const byGap = new Map<number, (DeltaDoc & { doc: number })[]>();
  for (const entry of docs.values()) {
    if (entry.removed === true) continue;
    date[entry.doc] = entry.date ?? 0;
    const gap = byGap.get(entry.namePosition ?? 0) ?? [];
    gap.push(entry);
    byGap.set(entry.namePosition ?? 0, gap);
  }
  for (const [position, gap] of byGap) {
    gap.sort((a, b) => (a.sortName! < b.sortName! ? -1 : a.sortName! > b.sortName! ? 1 : a.doc - b.doc));
    gap.forEach((entry, k) => (name[entry.doc] = position - 1 + (k + 1) / (gap.length + 1)));
  }
  const expiry: [number, number][] = base.expiry.filter(([doc]) => !docs.has(doc));
  for (const entry of docs.values()) if (entry.removed !== true && entry.until !== undefined) expiry.push([entry.doc, entry.until]);
  return { ...base, groups, date, name, all, live: cardinality(all), expiry, delta: { version, docs } };
}

/**
 * A posting set read from the base, patched at the delta's documents: each is left out, then put
 * back when its new terms match (`matches`: a term, or a prefix's terms). `df` follows the change.
 */
export function patchTermSet<T extends { docs: Bitset; title: Bitset | undefined; df: number }>(index: Overlaid, set: T, matches: (term: string) => boolean): T {
  const delta = index.delta;
  if (delta === undefined) return set;
  let df = set.df;
  for (const [doc, entry] of delta.docs) {
    const word = doc >>> 5;
    const bit = 1 << (doc & 31);
    if (has(set.docs, doc)) df -= 1;
    set.docs[word]! &= ~bit;
    if (set.title !== undefined) set.title[word]! &= ~bit;
    if (entry.removed === true) continue;
    if (anyMatch(entry.termSet, matches)) {
      set.docs[word]! |= bit;
      df += 1;
    }
    if (anyMatch(entry.titleSet, matches)) {
      set.title ??= new Uint32Array(set.docs.length);
      set.title[word]! |= bit;
    }
  }
  set.df = Math.max(0, df);
  return set;
}

function anyMatch(terms: Set<string>, matches: (term: string) => boolean): boolean {
  for (const term of terms) if (matches(term)) return true;
  return false;
}

/** The page's rows: the delta's documents from the delta, the others from the store. */
export function deltaRows(index: Overlaid, docs: readonly number[]): { rows: DocRow[]; rest: number[] } {
  const rows: DocRow[] = [];
  const rest: number[] = [];
  for (const doc of docs) {
    const entry = index.delta?.docs.get(doc);
    if (entry?.row !== undefined) rows.push({ ...entry.row, doc });
    else rest.push(doc);
  }
  return { rows, rest };
}
