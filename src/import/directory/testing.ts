/**
 * Test helpers of the directory reader: plain-text fixtures become numbered lines, and the
 * bundled 2008 directory is read once per test file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultProfiles } from '../../profiles/profiles.js';
import { directoryCountries } from './countries.js';
import { toLines } from './lines.js';
import { readSourceMetadata } from './metadata.js';
import type { SourceLine } from './types.js';

export const SEED_PATH = fileURLToPath(new URL('../../../data/sources/repertoire-franco-marocain-2008.txt', import.meta.url));

/** The 2008 directory's countries, from its metadata file (home first). */
export const SEED_COUNTRIES: readonly string[] = readSourceMetadata(SEED_PATH)!.countries;

/** …as the reader works with them. */
export const seedCountries = directoryCountries(SEED_COUNTRIES, defaultProfiles());

export function seedText(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

/** The document's own lines n..m (1-based, inclusive), normalised as the reader sees them. */
export function seedLines(from: number, to: number): SourceLine[] {
  return toLines(seedText()).lines.filter((l) => l.n >= from && l.n <= to);
}

/** A fixture written as plain lines; numbers start at `first`. */
export function fixture(text: string, first = 1): SourceLine[] {
  return toLines(text.replace(/^\n/, '')).lines.map((l) => ({ n: l.n + first - 1, text: l.text }));
}
