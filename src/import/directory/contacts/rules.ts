/**
 * The line rules, in the order they are tried (after markdown-it's block rules): each one tests
 * the line, takes it into the shared state and says true, or declines. Order matters: a person
 * line may hold an e-mail, a bare town is an institution name only where no address is running,
 * an address is tested after the role a person's lines start with.
 */
import type { SourceLine } from '../types.js';
import { isAddressLine } from './address.js';
import { readCoordinates } from './coordinates.js';
import { readLabel } from './labels.js';
import { continuesPrevious } from './line-text.js';
import { isOrganisationLine, partyNamedBy } from './party-names.js';
import { readBareName, readPersonLine } from './person-line.js';
import {
  addAddress,
  addCoordinates,
  addOrganization,
  addPersons,
  addRole,
  note,
  openInstitution,
  startGroup,
  type ReadingState,
} from './reading-state.js';
import type { SideHint } from './types.js';

export interface LineRule {
  readonly name: string;
  readonly run: (state: ReadingState, line: SourceLine) => boolean;
}

/** A person's role is still being printed and this line carries it on ("… de" / "la Maison …"). */
function carriesRoleOn(state: ReadingState, text: string): boolean {
  const t = state.target;
  return t.kind === 'persons' && t.phase === 'role' && t.lastRole !== undefined && continuesPrevious(t.lastRole, text);
}

/** "Agent en charge du dossier (CU de Lyon) :", "Élu en charge …", "Contact en France : M. X, …". */
const label: LineRule = {
  name: 'label',
  run(state, line) {
    const found = readLabel(line.text, state.countries);
    if (!found) return false;
    if (found.placeText !== undefined) {
      const party = partyNamedBy(found.placeText, state.parties);
      state.columnHint = party ? { party } : undefined;
    }
    if (found.staffing === 'contact' && !found.rest && !found.country) return true;
    const party = found.partyText ? partyNamedBy(found.partyText, state.parties) : undefined;
    const hint: SideHint | undefined = party ? { party } : found.country ? { country: found.country } : undefined;
    startGroup(state, found.staffing, true, hint);
    if (!found.rest) return true;
    const persons = readPersonLine(found.rest) ?? [readBareName(found.rest)].filter((p) => p !== undefined);
    if (persons.length) addPersons(state, persons, line);
    else note(state, line, 'unplaced-contact-line', 'text after a contact label is not a person', { key: 'label-without-person' });
    return true;
  },
};

/** "M. Bruno GENZANA", "Mme X, Mme Y", and a bare "Azeddine OULADDAHOU" right after a label. */
const person: LineRule = {
  name: 'person',
  run(state, line) {
    let persons = readPersonLine(line.text);
    if (!persons && state.openGroup?.persons.length === 0) {
      const bare = readBareName(line.text);
      persons = bare ? [bare] : undefined;
    }
    if (!persons) return false;
    addPersons(state, persons, line);
    return true;
  },
};

/** "Tél : …", "Fax: …", "Tél/Fax : …", bare numbers, e-mails, websites. */
const coordinates: LineRule = {
  name: 'coordinates',
  run(state, line) {
    const found = readCoordinates(line.text);
    if (!found) return false;
    if (!addCoordinates(state, found, line)) note(state, line, 'unplaced-contact-line', 'coordinates before any person or institution', { key: 'coordinates-without-owner' });
    return true;
  },
};

/** "Ville d'Aix-en-Provence", "Hôtel de Ville de Fès", or a party's place alone ("Souk El Khémis"). */
const institutionName: LineRule = {
  name: 'institution-name',
  run(state, line) {
    const party = partyNamedBy(line.text, state.parties);
    if (!party || carriesRoleOn(state, line.text)) return false;
    const t = state.target;
    // The town closing an address ("Oujda", "Rabat") is not a new block.
    if (t.kind === 'institution' && t.institution.namedParty === party) return false;
    if (!isOrganisationLine(line.text) && t.kind === 'persons' && (t.phase === 'role' || t.lastWasAddress)) return false;
    openInstitution(state, line, party);
    return true;
  },
};

/** "Hôtel de Ville" opens an unnamed block (Cléon, Lyon, Nîmes) unless it follows the name line. */
const institutionOpener: LineRule = {
  name: 'institution-opener',
  run(state, line) {
    const m = /^h[ôo]tel\s+(?:de\s+ville|de\s+r[ée]gion|du\s+d[ée]partement)\b/iu.exec(line.text);
    if (!m) return false;
    const t = state.target;
    const justNamed = t.kind === 'institution' && !t.institution.addressParts.length && !t.institution.phones.length && !t.institution.emails.length;
    if (!justNamed) openInstitution(state, line, undefined, m[0]);
    return addAddress(state, line.text, line);
  },
};

/** An organisation that is no party: a person's employer ("Wilayia de Safi"), or part of an address. */
const organisation: LineRule = {
  name: 'organisation',
  run(state, line) {
    if (!isOrganisationLine(line.text) || carriesRoleOn(state, line.text)) return false;
    const t = state.target;
    if (t.kind === 'persons' && !t.persons.some((p) => p.organization)) addOrganization(state, line.text, line);
    else if (!addAddress(state, line.text, line)) return false;
    return true;
  },
};

/** The lines after a person's name, until an address or a coordinate, are their role. */
const role: LineRule = {
  name: 'role',
  run(state, line) {
    const t = state.target;
    if (t.kind !== 'persons' || t.phase !== 'role') return false;
    if (isAddressLine(line.text) && !carriesRoleOn(state, line.text)) return false;
    addRole(state, line.text, line);
    return true;
  },
};

const address: LineRule = {
  name: 'address',
  run: (state, line) => isAddressLine(line.text) && addAddress(state, line.text, line),
};

/** A town or district ending an address ("RABAT", "Dadès"), or any further line of an institution block. */
const addressContinued: LineRule = {
  name: 'address-continued',
  run(state, line) {
    const t = state.target;
    if (t.kind === 'institution' || (t.kind === 'persons' && t.lastWasAddress)) return addAddress(state, line.text, line);
    return false;
  },
};

export const RULES: readonly LineRule[] = [label, person, coordinates, institutionName, institutionOpener, organisation, role, address, addressContinued];
