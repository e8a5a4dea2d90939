/**
 * One record per real collectivity across the book. Marrakech's commune is party to five
 * partnerships and printed several ways; "Tadla Azilal" is "Tadla-Azilal"; Agadir's commune and
 * préfecture stay two. Identity is country + kind group + place key; every other spelling met is
 * kept as an alias, every population and executive met is kept to be reconciled at the end.
 */
import type { Profiles } from '../../profiles/profiles.js';
import { kindGroup, placeKey, type NamedCollectivity } from './names.js';
import { slug } from './text.js';

export interface Sighting<T> {
  readonly value: T;
  readonly line: number;
}

export interface CollectivityEntry {
  readonly id: string;
  readonly country: string;
  readonly place: string;
  /** names met, heading spellings first */
  readonly names: string[];
  readonly kinds: Sighting<string>[];
  readonly populations: Sighting<number>[];
  readonly executives: Sighting<{ name: string; civility?: string; title?: string }>[];
  readonly lines: Set<number>;
}

export interface Resolution {
  readonly entry: CollectivityEntry;
  /** false when found only by a near spelling ("Tifle" for Tiflet) */
  readonly exact: boolean;
}

export class CollectivityRegistry {
  readonly #byKey = new Map<string, CollectivityEntry>();

  /** the profiles say which kinds are one (a commune urbaine is a commune) */
  constructor(private readonly profiles: Profiles) {}

  #identity(named: NamedCollectivity): string {
    return `${named.country}|${kindGroup(named.kind, this.profiles)}|${placeKey(named.place)}`;
  }

  /** Records a collectivity named by a heading; returns its entry. */
  register(named: NamedCollectivity, line: number): CollectivityEntry {
    const identity = this.#identity(named);
    let entry = this.#byKey.get(identity);
    if (!entry) {
      const id = `${named.country.toLowerCase()}-${kindGroup(named.kind, this.profiles)}-${slug(named.place, 80)}`;
      entry = { id, country: named.country, place: named.place, names: [], kinds: [], populations: [], executives: [], lines: new Set() };
      this.#byKey.set(identity, entry);
    }
    this.sighted(entry, named, line);
    return entry;
  }

  /** Notes another sighting of a known collectivity (a name variant, a line). */
  sighted(entry: CollectivityEntry, named: NamedCollectivity, line: number): void {
    if (!entry.names.includes(named.name)) entry.names.push(named.name);
    entry.kinds.push({ value: named.kind, line });
    entry.lines.add(line);
  }

  /** Finds a known collectivity, exactly or by a near spelling of its place in the same kind group. */
  resolve(named: NamedCollectivity): Resolution | undefined {
    const exact = this.#byKey.get(this.#identity(named));
    if (exact) return { entry: exact, exact: true };
    const wanted = placeKey(named.place);
    const group = kindGroup(named.kind, this.profiles);
    const near = [...this.#byKey.values()].filter(
      (e) => e.country === named.country && e.kinds.some((k) => kindGroup(k.value, this.profiles) === group) && distance(placeKey(e.place), wanted) <= Math.max(1, Math.floor(wanted.length / 6)),
    );
    return near.length === 1 ? { entry: near[0]!, exact: false } : undefined;
  }

  entries(): CollectivityEntry[] {
    return [...this.#byKey.values()];
  }
}

/** Levenshtein distance, for one-letter slips of the transcription ("Tifle"). */
export function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}
