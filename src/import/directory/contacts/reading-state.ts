/**
 * The state the line rules share while reading one contacts block: what was read so far (groups
 * of persons and institution blocks, in printed order) and what the next line most likely adds
 * to (the target). Rules change it only through these helpers.
 */
import type { DirectoryCountries } from '../countries.js';
import type { IssueWording } from '../../../model/report.js';
import { key } from '../text.js';
import type { PartyRef, ReaderNote, SourceLine } from '../types.js';
import type { Coordinates } from './coordinates.js';
import { compactKey } from './line-text.js';
import type { PersonMention } from './person-line.js';
import type { GroupDraft, InstitutionDraft, ItemDraft, PersonDraft, SideHint, Staffing } from './types.js';

export type Target =
  | { kind: 'none' }
  | { kind: 'persons'; persons: PersonDraft[]; phase: 'role' | 'details'; lastWasAddress: boolean; lastRole?: string }
  | { kind: 'institution'; institution: InstitutionDraft };

export interface ReadingState {
  readonly parties: readonly PartyRef[];
  readonly countries: DirectoryCountries;
  readonly items: ItemDraft[];
  readonly notes: ReaderNote[];
  target: Target;
  /** the labelled group still taking persons */
  openGroup?: GroupDraft;
  /** "Contacts à Fès": the side of what follows, until another such line */
  columnHint?: SideHint;
}

export function newReadingState(parties: readonly PartyRef[], countries: DirectoryCountries): ReadingState {
  return { parties, countries, items: [], notes: [], target: { kind: 'none' } };
}

export function startGroup(state: ReadingState, staffing: Staffing, labelled: boolean, hint?: SideHint): GroupDraft {
  const h = hint ?? state.columnHint;
  const group: GroupDraft = { type: 'group', staffing, labelled, ...(h ? { hint: h } : {}), persons: [] };
  state.items.push(group);
  state.openGroup = labelled ? group : undefined;
  state.target = { kind: 'none' };
  return group;
}

function isBare(person: PersonDraft): boolean {
  return !person.roleParts.length && !person.addressParts.length && !person.phones.length && !person.faxes.length && !person.emails.length && !person.organization;
}

/** The book prints at most two persons together; a few more are tolerated, not thousands. */
const MOST_SHARING = 4;

/**
 * Persons printed on one line, or on consecutive lines of one group with nothing between them,
 * share the role and coordinates printed after them ("Mme Asma MEFTAH" / "M. Mohammed EL IDRISI" /
 * "Collaborateurs de M. le Wali").
 */
export function addPersons(state: ReadingState, mentions: readonly PersonMention[], line: SourceLine): void {
  const group = state.openGroup ?? startGroup(state, 'elected', false);
  const t = state.target;
  const sharing = t.kind === 'persons' && t.persons.length < MOST_SHARING && t.persons[0]?.group === group && t.persons.every(isBare) ? t.persons : [];
  const drafts = mentions.map((m): PersonDraft => ({
    name: m.name,
    ...(m.civility ? { civility: m.civility } : {}),
    roleParts: m.role ? [m.role] : [],
    addressParts: [],
    phones: [],
    faxes: [],
    emails: [...m.emails],
    websites: [],
    first: line.n,
    last: line.n,
    group,
  }));
  group.persons.push(...drafts);
  const persons = [...sharing, ...drafts];
  for (const p of persons) p.last = line.n;
  const inlineEmail = mentions.some((m) => m.emails.length > 0);
  state.target = { kind: 'persons', persons, phase: inlineEmail ? 'details' : 'role', lastWasAddress: false, ...(mentions.at(-1)?.role ? { lastRole: mentions.at(-1)!.role! } : {}) };
}

export function openInstitution(state: ReadingState, line: SourceLine, namedParty?: PartyRef, opener?: string): InstitutionDraft {
  const institution: InstitutionDraft = {
    type: 'institution',
    ...(namedParty ? { namedParty } : {}),
    ...(opener ? { opener } : {}),
    ...(state.columnHint ? { hint: state.columnHint } : {}),
    addressParts: [],
    phones: [],
    faxes: [],
    emails: [],
    websites: [],
    first: line.n,
    last: line.n,
  };
  state.items.push(institution);
  state.openGroup = undefined;
  state.target = { kind: 'institution', institution };
  return institution;
}

export function addRole(state: ReadingState, text: string, line: SourceLine): void {
  if (state.target.kind !== 'persons') return;
  for (const p of state.target.persons) {
    p.roleParts.push(text);
    p.last = line.n;
  }
  state.target.lastRole = text;
}

export function addOrganization(state: ReadingState, text: string, line: SourceLine): void {
  const t = state.target;
  if (t.kind !== 'persons') return;
  for (const p of t.persons) {
    p.organization = text;
    p.last = line.n;
  }
  state.target = { ...t, phase: 'details', lastWasAddress: false };
}

/** Adds an address line to whoever the target is; false when there is none. */
export function addAddress(state: ReadingState, text: string, line: SourceLine): boolean {
  const t = state.target;
  if (t.kind === 'institution') {
    t.institution.addressParts.push(text);
    t.institution.last = line.n;
    return true;
  }
  if (t.kind !== 'persons') return false;
  for (const p of t.persons) {
    p.addressParts.push(text);
    p.last = line.n;
  }
  state.target = { ...t, phase: 'details', lastWasAddress: true };
  return true;
}

/** Adds phones, faxes, e-mails and websites to the target; false when there is none. */
export function addCoordinates(state: ReadingState, found: Coordinates, line: SourceLine): boolean {
  const t = state.target;
  if (t.kind === 'institution') {
    const i = t.institution;
    i.phones.push(...found.phones);
    i.faxes.push(...found.faxes);
    i.emails.push(...found.emails);
    i.websites.push(...found.websites);
    i.last = line.n;
    return true;
  }
  if (t.kind !== 'persons') return false;
  for (const p of t.persons) {
    p.phones.push(...found.phones);
    p.faxes.push(...found.faxes);
    p.last = line.n;
  }
  for (const email of found.emails) ownerOfEmail(t.persons, email).emails.push(email);
  t.persons[0]!.websites.push(...found.websites);
  state.target = { ...t, phase: 'details', lastWasAddress: false };
  return true;
}

/**
 * Among persons sharing coordinates, an e-mail goes to the one whose name it spells, else to
 * the first one still without an e-mail: each address is kept once.
 */
function ownerOfEmail(persons: readonly PersonDraft[], email: string): PersonDraft {
  const local = compactKey(email.slice(0, email.indexOf('@')));
  const spelled = persons.find((p) => key(p.name).split(' ').some((w) => w.length >= 4 && local.includes(w)));
  return spelled ?? persons.find((p) => p.emails.length === 0) ?? persons[0]!;
}

export function note(state: ReadingState, line: SourceLine, kind: string, message: string, wording: IssueWording): void {
  const text = line.text.length > 200 ? `${line.text.slice(0, 200)}…` : line.text;
  state.notes.push({ kind, message, wording, line: line.n, text });
}
