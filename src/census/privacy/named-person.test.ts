import { describe, expect, it } from 'vitest';
import type { Contact, RepertoireDocument } from '../../model/schema.js';
import { digest } from '../../accounts/tokens.js';
import { directoryRow } from '../../store/records/directory.js';
import { openTempStore } from '../../test-support/temp-store.js';
import { isNamedPerson, normaliseName, personKey } from './named-person.js';
import { mayShowCoordinates, Redactor } from './redactor.js';
import { withoutErased } from './service.js';

const person = (name: string, organization?: string): Pick<Contact, 'kind' | 'name' | 'organization'> => ({ name, kind: 'staff', ...(organization ? { organization } : {}) });

describe('isNamedPerson', () => {
  it("tells a service's own line from a person, in French, English and Arabic", () => {
    for (const line of ['Service des relations internationales', "Direction de l'eau", 'Mairie de Tiflet', 'Hôtel de Ville', 'SERVICES TECHNIQUES'])
      expect(isNamedPerson(person(line)), line).toBe(false);
    for (const line of ['Department of International Relations', 'Town Hall of Bristol', 'City Council'])
      expect(isNamedPerson(person(line)), line).toBe(false);
    for (const line of ['مصلحة العلاقات الخارجية', 'المديرية الجهوية للماء', 'بلدية تيفلت', 'الجماعة الحضرية لوجدة', 'مجلس جهة الرباط'])
      expect(isNamedPerson(person(line)), line).toBe(false);
    for (const line of ['Driss BOUNAIM', 'M. Driss Bounaim', 'Mr John Smith', 'السيد إدريس بونعيم', 'فاطمة الزهراء', 'Mme Directrice Dupont'])
      expect(isNamedPerson(person(line)), line).toBe(true);
  });

  it('takes a name that is (part of) the organisation for its own line, in any script', () => {
    expect(isNamedPerson(person('IFAC 38', 'IFAC 38 Isère'))).toBe(false);
    expect(isNamedPerson(person('جمعية الأمل', 'جمعية الأمل للتنمية'))).toBe(false);
    expect(isNamedPerson(person('خالد', 'جمعية الأمل للتنمية'))).toBe(true);
  });
});

describe('personKey', () => {
  it('keeps two Arabic names apart, and one name with and without harakat together', () => {
    expect(personKey({ name: 'فاطمة الزهراء', collectivityId: 'ma-agadir' })).not.toBe(personKey({ name: 'إدريس بونعيم', collectivityId: 'ma-agadir' }));
    expect(personKey({ name: 'فَاطِمَة الزَّهْرَاء' })).toBe(personKey({ name: 'فاطمة الزهراء' }));
    expect(normaliseName('السيد أحمد')).toBe(normaliseName('احمد'));
  });

  it('folds Latin names as before: accents, case, punctuation and civilities aside', () => {
    expect(normaliseName('Mme Fatima ZAHRA')).toBe('fatima zahra');
    expect(normaliseName('M. le Dr Aït-Ouarab')).toBe('le dr ait ouarab');
    expect(personKey({ name: 'Dr. Hélène Cœur', collectivityId: 'fr-lyon' })).toBe('helene coeur|fr-lyon');
  });
});

describe('mayShowCoordinates', () => {
  it('is the decision of both the census lists and the site’s Redactor', () => {
    const consented = { name: 'فاطمة الزهراء', kind: 'staff' as const, collectivityId: 'ma-agadir', phones: ['+212 5 28 00 00 00'] };
    const other = { ...consented, name: 'إدريس بونعيم', phones: ['+212 5 37 11 11 11'] };
    const consents = new Set([personKey(consented)]);
    expect(mayShowCoordinates(consented, { signedIn: false, consents })).toBe(true);
    // before one folding, every Arabic name had the same key: one consent published them all
    expect(mayShowCoordinates(other, { signedIn: false, consents })).toBe(false);
    expect(new Redactor([consented, other], { consents }).contact(other)).toMatchObject({ restricted: true });
    expect(new Redactor([consented, other], { consents }).contact(consented)).toMatchObject({ phones: consented.phones, restricted: false });
  });
});

describe('withoutErased', () => {
  it('also recognises the ASCII-only keys erasures recorded before names were folded in every script', async () => {
    const { db } = await openTempStore();
    const doc = {
      directory: { id: 'dir', title: 'Répertoire', countries: ['FR'] },
      collectivities: [],
      partnerships: [{ id: 'p1', parties: [], contacts: [{ name: 'Hélène Cœur', kind: 'staff', collectivityId: 'fr-lyon' }, { name: 'Paul Martin', kind: 'staff' }] }],
    } as unknown as RepertoireDocument;
    await db.insertInto('directories').values(directoryRow(doc.directory)).execute();
    await db.insertInto('erasures').values({ directory_id: 'dir', key_hash: digest('helene c ur|fr-lyon'), erased_at: '2026-01-01T00:00:00Z', erased_by: null }).execute();
    const kept = await withoutErased(db, 'dir', doc);
    expect(kept.partnerships[0]!.contacts!.map((c) => c.name)).toEqual(['Paul Martin']);
  });
});
