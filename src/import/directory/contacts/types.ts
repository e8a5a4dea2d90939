/**
 * Shapes of the contacts reader. The public reading is what `partnership-record.ts` consumes;
 * the drafts are what the line rules fill in before sides are resolved, because a person's side
 * often depends on lines printed after them (their phone, the institution closing their column).
 */
import type { Contact } from '../../../model/schema.js';
import type { DirectoryCountries } from '../countries.js';
import type { InstitutionDetails, PartyRef, ReaderNote } from '../types.js';

export type { InstitutionDetails } from '../types.js';

export interface ContactsReading {
  contacts: Array<Contact & { lines: [number, number] }>;
  institutions: InstitutionDetails[];
  notes: ReaderNote[];
}

export interface ReadContactsOptions {
  /** the directory's countries, and what says a line is of one of them */
  countries: DirectoryCountries;
  /** country whose column the block starts with (home for a plain CONTACTS heading) */
  defaultSide?: string;
}

/** What a label line says of the persons after it. */
export type Staffing = 'elected' | 'staff' | 'contact';

/** A side named outright: "(Ville de Lyon)", "Contact en France", "Contacts à Fès". */
export interface SideHint {
  party?: PartyRef;
  country?: string;
}

export interface PersonDraft {
  name: string;
  civility?: string;
  roleParts: string[];
  organization?: string;
  addressParts: string[];
  phones: string[];
  faxes: string[];
  emails: string[];
  websites: string[];
  first: number;
  last: number;
  group: GroupDraft;
}

/** Persons introduced together: under one label, or printed as one column run. */
export interface GroupDraft {
  type: 'group';
  staffing: Staffing;
  /** true when a label line introduced the group */
  labelled: boolean;
  hint?: SideHint;
  persons: PersonDraft[];
}

export interface InstitutionDraft {
  type: 'institution';
  /** the party named by the block's first line, when it names one */
  namedParty?: PartyRef;
  /** "Hôtel de Ville", "Hôtel de Région": says which kind of collectivity an unnamed block is */
  opener?: string;
  hint?: SideHint;
  addressParts: string[];
  phones: string[];
  faxes: string[];
  emails: string[];
  websites: string[];
  first: number;
  last: number;
}

/** Groups and institution blocks in printed order: the order is evidence of sides. */
export type ItemDraft = GroupDraft | InstitutionDraft;
