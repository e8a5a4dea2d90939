/**
 * Names of collectivities and régions in other languages than the directory's: the Arabic names
 * of Morocco's communes, councils and régions, curated in `data/profiles/<country>/names.json`,
 * each with its source. Collectivities are keyed by their stable id, régions by their name in
 * the country's divisions. Pages show a name in the reader's language where one is known, and the
 * search index finds a collectivity by all its names ("مراكش" finds Marrakech).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RepertoireError } from '../errors.js';
import { readDataFile } from './data-file.js';

const Name = z.object({ name: z.string().min(1), place: z.string().min(1).optional() }).strict();
const Entry = z.object({ source: z.string().min(1), spellings: z.array(z.string().min(1)).optional() }).catchall(Name);
const NamesFile = z
  .object({
    $comment: z.string().optional(),
    sources: z.record(z.string(), z.string().min(1)),
    collectivities: z.record(z.string(), Entry).default({}),
    regions: z.record(z.string(), Entry).default({}),
  })
  .strict();

export interface LocalName {
  /** the institution's full name: «الجماعة الحضرية لمراكش» */
  readonly name: string;
  /** the place it is named after: «مراكش» */
  readonly place?: string;
  /** where the name comes from (the file's `sources`) */
  readonly source: string;
}

type Entries = ReadonlyMap<string, Readonly<Record<string, LocalName>>>;
type Spellings = ReadonlyMap<string, readonly string[]>;

export class LocalNames {
  constructor(
    private readonly collectivities: Entries,
    private readonly regions: Entries,
    private readonly spellings: Spellings = new Map(),
  ) {}

  /** A collectivity's name in `language`, if curated. */
  collectivity(id: string, language: string): LocalName | undefined {
    return this.collectivities.get(id)?.[language];
  }

  /** A région's name (as the directory writes it) in `language`, if curated. */
  region(name: string, language: string): LocalName | undefined {
    return this.regions.get(name)?.[language];
  }

  /** Every name a collectivity is known by besides its own, in every language: for the search index. */
  words(id: string): string[] {
    const names = Object.values(this.collectivities.get(id) ?? {}).flatMap((n) => (n.place === undefined ? [n.name] : [n.name, n.place]));
    return [...names, ...(this.spellings.get(id) ?? [])];
  }

  /** Every name a région is known by besides its own. */
  regionWords(name: string): string[] {
    return Object.values(this.regions.get(name) ?? {}).map((n) => n.name);
  }
}

const DATA = fileURLToPath(new URL('../../data/profiles/', import.meta.url));

/** Reads every `names.json` of the profiles' folders; a bad file is refused, naming it and the field. */
export function loadLocalNames(dir: string = DATA): LocalNames {
  const collectivities = new Map<string, Record<string, LocalName>>();
  const regions = new Map<string, Record<string, LocalName>>();
  const spellings = new Map<string, readonly string[]>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name, 'names.json');
    if (!entry.isDirectory() || !existsSync(path)) continue;
    const file = readDataFile(path, NamesFile);
    const read = (group: 'collectivities' | 'regions', into: Map<string, Record<string, LocalName>>) => {
      for (const [key, { source, spellings: others, ...byLanguage }] of Object.entries(file[group])) {
        if (group === 'collectivities' && others !== undefined) spellings.set(key, others);
        if (file.sources[source] === undefined) throw new RepertoireError('schema', `${path}: ${group}.${key}.source: "${source}" is not one of its sources`);
        const names: Record<string, LocalName> = {};
        for (const [language, name] of Object.entries(byLanguage)) names[language] = { ...(name as z.infer<typeof Name>), source: file.sources[source] };
        into.set(key, names);
      }
    };
    read('collectivities', collectivities);
    read('regions', regions);
  }
  return new LocalNames(collectivities, regions, spellings);
}

let shared: LocalNames | undefined;

/** The packaged names, read on first use and kept (like `defaultProfiles`). */
export function defaultLocalNames(): LocalNames {
  shared ??= loadLocalNames();
  return shared;
}
