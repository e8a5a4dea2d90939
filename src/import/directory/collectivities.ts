/**
 * The collectivity records, once every entry is read: the name printed in headings, the
 * population and executive most often printed (and a report line when the book disagrees with
 * itself), the coordinates of the contact blocks naming it.
 */
import type { Collectivity } from '../../model/schema.js';
import type { SourceRef } from '../../model/provenance.js';
import type { CollectivityEntry, Sighting } from './registry.js';
import { locate } from '../../geo/gazetteer.js';
import { frenchFormats } from '../../locale/french.js';
import type { Profiles } from '../../profiles/profiles.js';
import type { InstitutionDetails, ReaderNote } from './types.js';

/** The value printed most often; on a tie, the first printed. */
function mostPrinted<T>(sightings: readonly Sighting<T>[], same: (a: T, b: T) => boolean = (a, b) => a === b): T | undefined {
  let best: { value: T; count: number } | undefined;
  for (const s of sightings) {
    const count = sightings.filter((o) => same(o.value, s.value)).length;
    if (!best || count > best.count) best = { value: s.value, count };
  }
  return best?.value;
}

function union(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const list of lists) for (const item of list) if (!out.some((o) => o.toLowerCase() === item.toLowerCase())) out.push(item);
  return out;
}

export function buildCollectivity(entry: CollectivityEntry, details: readonly InstitutionDetails[], profiles: Profiles, notes: ReaderNote[]): Collectivity {
  const population = mostPrinted(entry.populations);
  const distinct = [...new Set(entry.populations.map((p) => p.value))];
  if (distinct.length > 1) {
    notes.push({
      kind: 'population-differs',
      message: `${entry.names[0]}: populations printed ${entry.populations.map((p) => `${frenchFormats.number(p.value)} (line ${p.line})`).join(', ')}; kept ${population === undefined ? 'none' : frenchFormats.number(population)}`,
      // the distinct figures as one value, for readers of the book: where each is printed is the
      // transcription's business (the message above keeps its lines)
      wording: { key: 'population-differs', params: { name: entry.names[0]!, printed: distinct, kept: population ?? 0 } },
      line: entry.populations[0]!.line,
    });
  }
  const executive = mostPrinted(entry.executives, (a, b) => a.name.toLowerCase() === b.name.toLowerCase());
  const kind = mostPrinted(entry.kinds)!;
  const address = details.find((d) => d.address)?.address;
  const region = profiles.regionOf(entry.country, entry.place);
  if (!region) {
    notes.push({
      kind: 'unknown-region',
      message: `${entry.names[0]}: no region is known for “${entry.place}” (data/profiles/${entry.country}/places.json)`,
      wording: { key: 'unknown-region', params: { name: entry.names[0]!, place: entry.place } },
      line: [...entry.lines][0],
    });
  }
  const located = locate({ country: entry.country, kind, shortName: entry.place, name: entry.names[0]!, aliases: entry.names.slice(1), region });
  if (!located) {
    notes.push({
      kind: 'unlocated',
      message: `${entry.names[0]}: not found in the gazetteer (add it to data/geo/overrides.json)`,
      wording: { key: 'unlocated', params: { name: entry.names[0]! } },
      line: [...entry.lines][0],
    });
  }
  const field = (name: string, values: string[]) => (values.length ? { [name]: values } : {});
  return {
    id: entry.id,
    name: entry.names[0]!,
    shortName: entry.place,
    country: entry.country,
    kind,
    ...(population !== undefined ? { population } : {}),
    ...(executive ? { executive: { name: executive.name, ...(executive.civility ? { civility: executive.civility } : {}), ...(executive.title ? { title: executive.title } : {}) } } : {}),
    ...(address ? { address } : {}),
    ...field('phones', union(details.map((d) => d.phones))),
    ...field('faxes', union(details.map((d) => d.faxes))),
    ...field('emails', union(details.map((d) => d.emails))),
    ...field('websites', union(details.map((d) => d.websites))),
    ...(located ? { location: { lat: located.lat, lon: located.lon } } : {}),
    ...(region ? { region } : {}),
    ...field('aliases', entry.names.slice(1)),
  };
}

export function collectivitySources(entry: CollectivityEntry, document: string): SourceRef[] {
  return [...entry.lines].sort((a, b) => a - b).map((n) => ({ recordType: 'collectivity', recordId: entry.id, document, lines: [n, n] }));
}
