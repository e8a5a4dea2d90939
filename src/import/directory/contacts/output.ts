/**
 * From drafts and resolved sides to the reading: contacts in printed order with their fields in
 * the interchange order, one InstitutionDetails per institution block. A website printed among a
 * person's lines belongs to their collectivity (a Contact has no website), so it joins the
 * nearest block of that collectivity.
 */
import type { Contact } from '../../../model/schema.js';
import type { ReaderNote } from '../types.js';
import { joinParts } from './line-text.js';
import { associationInRole, officeKind } from './office-kind.js';
import type { Holder } from './side-resolution.js';
import type { ContactsReading, InstitutionDetails, ItemDraft, PersonDraft } from './types.js';
import type { PartyRef } from '../types.js';

type Lines = [number, number];

function toContact(person: PersonDraft, party: PartyRef | undefined): Contact & { lines: Lines } {
  // A role printed as a sentence keeps no full stop ("… et de la Coopération.").
  const role = joinParts(person.roleParts)?.replace(/\.$/, '');
  const staffing = person.group.staffing;
  const kind = officeKind(role) ?? (staffing === 'staff' ? 'staff' : staffing === 'elected' ? 'elected' : undefined);
  const organization = person.organization ?? associationInRole(role);
  const address = joinParts(person.addressParts, ', ');
  return {
    name: person.name,
    ...(person.civility ? { civility: person.civility } : {}),
    ...(role ? { role } : {}),
    ...(kind ? { kind } : {}),
    ...(party ? { collectivityId: party.collectivityId } : {}),
    ...(organization ? { organization } : {}),
    ...(person.phones.length ? { phones: [...person.phones] } : {}),
    ...(person.faxes.length ? { faxes: [...person.faxes] } : {}),
    ...(person.emails.length ? { emails: [...person.emails] } : {}),
    ...(address ? { address } : {}),
    lines: [person.first, person.last],
  };
}

export function toReading(items: readonly ItemDraft[], resolved: ReadonlyMap<Holder, PartyRef>, notes: ReaderNote[]): ContactsReading {
  const contacts: ContactsReading['contacts'] = [];
  const institutions: Array<InstitutionDetails & { websites: string[] }> = [];
  const strayWebsites: PersonDraft[] = [];
  for (const item of items) {
    if (item.type === 'group') {
      for (const person of item.persons) {
        contacts.push(toContact(person, resolved.get(person)));
        if (person.websites.length) strayWebsites.push(person);
      }
      continue;
    }
    const party = resolved.get(item);
    if (!party) {
      notes.push({ kind: 'unattributed-institution', message: 'institution block with no party to give it to', wording: { key: 'institution-without-party' }, line: item.first });
      continue;
    }
    const address = joinParts(item.addressParts, ', ');
    institutions.push({
      collectivityId: party.collectivityId,
      ...(address ? { address } : {}),
      phones: [...item.phones],
      faxes: [...item.faxes],
      emails: [...item.emails],
      websites: [...item.websites],
      lines: [item.first, item.last],
    });
  }
  for (const person of strayWebsites) {
    const party = resolved.get(person);
    if (!party) {
      const websites = person.websites.join(', ');
      notes.push({ kind: 'unplaced-contact-line', message: `website ${websites} of a person with no party`, wording: { key: 'website-without-party', params: { websites } }, line: person.last });
      continue;
    }
    const nearest = institutions
      .filter((i) => i.collectivityId === party.collectivityId)
      .sort((a, b) => Math.abs(a.lines[0] - person.last) - Math.abs(b.lines[0] - person.last))[0];
    if (nearest) nearest.websites.push(...person.websites);
    else institutions.push({ collectivityId: party.collectivityId, phones: [], faxes: [], emails: [], websites: [...person.websites], lines: [person.last, person.last] });
  }
  return { contacts, institutions, notes };
}
