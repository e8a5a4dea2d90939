/**
 * The funder registry: who pays for the projects of a directory, as data. Funders of no one
 * country (the European Union, programmes run by two countries such as the PAD) are in
 * `data/funders.json`; a country's own (its ministries, agencies, associations, companies, the
 * collectivities that fund without being a party) in `data/profiles/<CODE>/funders.json`, with the
 * phrases a directory uses for "that country's party" ("partenaire français").
 *
 * `loadFunders()` reads and checks the files (an error names the file and the field); the
 * registry it returns resolves a printed name by its folded words, against the name and aliases.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RepertoireError } from '../errors.js';
import { readDataFile } from './data-file.js';
import { foldKey } from '../text/fold.js';

export const FUNDER_KINDS = ['ministry', 'agency', 'programme', 'international', 'state', 'public-body', 'collectivity', 'association', 'company', 'party'] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

const FunderEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  kind: z.enum(FUNDER_KINDS),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  aliases: z.array(z.string().min(1)),
});

const FundersFile = z.strictObject({
  $comment: z.string().optional(),
  partyPhrases: z.array(z.string().min(1)).optional(),
  funders: z.array(FunderEntry),
});

export interface Funder {
  readonly id: string;
  readonly name: string;
  readonly kind: FunderKind;
  /** the countries it belongs to: its profile's, or those it lists */
  readonly countries: readonly string[];
  readonly aliases: readonly string[];
}

export class FunderRegistry {
  private readonly byKey = new Map<string, Funder>();
  private readonly byId = new Map<string, Funder>();
  private readonly partyKeys: ReadonlyMap<string, string>;
  /** each funder's names as `mentions` looks for them: an acronym's pattern, or a name's folded words */
  private readonly patterns: readonly { funder: Funder; names: readonly NamePattern[] }[];

  constructor(
    readonly funders: readonly Funder[],
    partyPhrases: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    for (const f of funders) {
      if (this.byId.has(f.id)) throw new RepertoireError('schema', `funders: "${f.id}" is listed twice`);
      this.byId.set(f.id, f);
      for (const name of [f.name, ...f.aliases]) if (!this.byKey.has(foldKey(name))) this.byKey.set(foldKey(name), f);
    }
    this.patterns = funders.map((funder) => ({
      funder,
      names: [funder.name, ...funder.aliases]
        .map((name): NamePattern => (isAcronym(name) ? { acronym: acronymPattern(name), literal: name, words: [] } : { words: foldKey(name).split(' ').filter(Boolean) }))
        .filter((name) => name.acronym !== undefined || name.words.length > 0),
    }));
    this.partyKeys = new Map([...partyPhrases].flatMap(([country, phrases]) => phrases.map((p) => [foldKey(p), country] as const)));
  }

  get(id: string): Funder | undefined {
    return this.byId.get(id);
  }

  /** The funder a printed name (already stripped of "Cofinancement", dates and asides) names. */
  resolve(name: string): Funder | undefined {
    return this.byKey.get(foldKey(name));
  }

  /**
   * The funders a sentence names ("Au Maroc : INDH, associations locales." → INDH), each once, in
   * the order they come, with the words as printed. An acronym ("MAE", "CE") counts only in
   * capitals, so that the French word "ce" is not the European Commission; a longer name by its
   * folded words. The sentence is split and folded once, whatever the number of names.
   */
  mentions(sentence: string): { funder: Funder; printed: string }[] {
    const words = sentenceWords(sentence);
    const found: { funder: Funder; printed: string; at: number }[] = [];
    for (const { funder, names } of this.patterns) {
      let best: { printed: string; at: number } | undefined;
      for (const name of names) {
        const at = name.acronym ? acronymIndex(sentence, name.acronym, name.literal!) : foldedIndex(sentence, words, name.words);
        if (at !== undefined && (best === undefined || at.index < best.at || (at.index === best.at && at.printed.length > best.printed.length))) best = { printed: at.printed, at: at.index };
      }
      if (best) found.push({ funder, ...best });
    }
    return found.sort((a, b) => a.at - b.at).map(({ funder, printed }) => ({ funder, printed }));
  }

  /** "partenaire français" → FR: the country whose party a phrase names, if it names one. */
  partyCountry(phrase: string): string | undefined {
    const k = foldKey(phrase);
    for (const [words, country] of this.partyKeys) if (k === words || k.endsWith(` ${words}`)) return country;
    return undefined;
  }
}

function isAcronym(name: string): boolean {
  return /^[\p{Lu}\d-]{2,6}$/u.test(name);
}

interface NamePattern {
  readonly acronym?: RegExp;
  /** the acronym as written: a sentence without it needs no look through the pattern */
  readonly literal?: string;
  readonly words: readonly string[];
}

/** `word` as a word, capitals as written. */
function acronymPattern(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
}

function acronymIndex(text: string, pattern: RegExp, literal: string): { index: number; printed: string } | undefined {
  if (!text.includes(literal)) return undefined;
  const m = pattern.exec(text);
  return m ? { index: m.index, printed: m[0] } : undefined;
}

interface SentenceWord {
  readonly key: string;
  readonly index: number;
  readonly end: number;
}

/** The words of a sentence (letters and digits), each folded, with where it stands. */
function sentenceWords(text: string): SentenceWord[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ key: foldKey(m[0]), index: m.index, end: m.index + m[0].length }));
}

/** Where the folded words of a name stand in the sentence, case and accents aside ("Union Européenne" in "…de l'union europeenne"). */
function foldedIndex(text: string, tokens: readonly SentenceWord[], words: readonly string[]): { index: number; printed: string } | undefined {
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, j) => tokens[i + j]!.key === w)) {
      const first = tokens[i]!;
      return { index: first.index, printed: text.slice(first.index, tokens[i + words.length - 1]!.end) };
    }
  }
  return undefined;
}

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));

const readFile = (path: string) => readDataFile(path, FundersFile);

/** Reads `funders.json` of a data folder and every `profiles/<CODE>/funders.json` below it. */
export function loadFunders(dir: string = DATA): FunderRegistry {
  const funders: Funder[] = [];
  const phrases = new Map<string, readonly string[]>();
  const shared = join(dir, 'funders.json');
  if (existsSync(shared)) for (const f of readFile(shared).funders) funders.push({ ...f, countries: f.countries ?? [] });
  const profiles = join(dir, 'profiles');
  for (const entry of existsSync(profiles) ? readdirSync(profiles, { withFileTypes: true }) : []) {
    const path = join(profiles, entry.name, 'funders.json');
    if (!entry.isDirectory() || !existsSync(path)) continue;
    const file = readFile(path);
    for (const f of file.funders) funders.push({ ...f, countries: f.countries ?? [entry.name] });
    if (file.partyPhrases) phrases.set(entry.name, file.partyPhrases);
  }
  return new FunderRegistry(funders, phrases);
}

let shared: FunderRegistry | undefined;

/** The packaged registry, read on first use and kept (as `defaultProfiles()`): for the CLI and the layers' defaults. */
export function defaultFunders(): FunderRegistry {
  shared ??= loadFunders();
  return shared;
}
