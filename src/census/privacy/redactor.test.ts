import { describe, expect, it } from 'vitest';
import type { Contact } from '../../model/schema.js';
import { REDACTED, Redactor } from './redactor.js';

const bounaim: Contact = {
  name: 'Driss BOUNAIM',
  kind: 'other',
  organization: 'Association Tiflet Al Maamora',
  emails: ['Lihal_b18@hotmail.com'],
  address: '46 Av. Anakhil, 525 GR Riad Alotor, HAY RIAD, RABAT',
};
const wilaya: Contact = { name: 'Asma MEFTAH', kind: 'staff', address: '46000 SAFI', phones: ['+ 212 24 62 22 72'] };

describe('Redactor', () => {
  it("cuts a named person's address out of free text, in any case and spacing, as their e-mail and phone", () => {
    const redactor = new Redactor([bounaim, wilaya]);
    expect(redactor.text('Écrire au 46 av. Anakhil,  525 GR Riad Alotor,\nHAY RIAD, RABAT (lihal_b18@hotmail.com).')).toBe(`Écrire au ${REDACTED} (${REDACTED}).`);
    // a postcode and a town are the region's address too: left alone
    expect(redactor.text('Hôtel de Région, 46000 Safi')).toBe('Hôtel de Région, 46000 Safi');
    expect(redactor.contact(bounaim)).toEqual({ name: 'Driss BOUNAIM', kind: 'other', organization: 'Association Tiflet Al Maamora', restricted: true });
  });

  it('leaves everything to members, and to those who consented', () => {
    const text = 'Écrire au 46 Av. Anakhil, 525 GR Riad Alotor, HAY RIAD, RABAT';
    expect(new Redactor([bounaim], { audience: 'members' }).text(text)).toBe(text);
    expect(new Redactor([bounaim], { consents: new Set(['driss bounaim|']) }).text(text)).toBe(text);
  });
});
