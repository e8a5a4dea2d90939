/**
 * Shared shapes of the directory reader. The reader works on normalised lines that keep the
 * number they had in the source document, so every record can point back to where it came from.
 */
import type { IssueWording } from '../../model/report.js';

/** One non-blank line of the document, normalised (markup removed), with its 1-based number. */
export interface SourceLine {
  readonly n: number;
  readonly text: string;
}

/** Something the reader could not place or found odd, with where it stands. */
export interface ReaderNote {
  readonly kind: string;
  /** in English: the CLI's report */
  readonly message: string;
  /** the same for the site, in its reader's language (src/web/i18n: `report.note.<key>`) */
  readonly wording: IssueWording;
  readonly line?: number;
  readonly text?: string;
}

/** A party of the partnership being read, as the contacts and funding readers need to know it. */
export interface PartyRef {
  readonly collectivityId: string;
  /** ISO 3166-1 alpha-2: one of the directory's countries */
  readonly country: string;
  /** official name as in the heading: "Ville d'Aix-en-Provence" */
  readonly name: string;
  /** place name alone: "Aix-en-Provence" */
  readonly shortName: string;
  /** executive named in the entry's heading lines, e.g. "Maryse Joissains-Masini" */
  readonly executiveName?: string;
  /** other spellings met (e.g. "Tadla Azilal") */
  readonly aliases: readonly string[];
}

/** A collectivity's own coordinates, read from the contact block that names it. */
export interface InstitutionDetails {
  readonly collectivityId: string;
  readonly address?: string;
  readonly phones: readonly string[];
  readonly faxes: readonly string[];
  readonly emails: readonly string[];
  readonly websites: readonly string[];
  readonly lines: readonly [number, number];
}
