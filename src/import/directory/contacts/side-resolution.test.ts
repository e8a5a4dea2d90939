/**
 * Side resolution on made-up blocks, one rule at a time: own evidence beats printed order,
 * printed order decides where evidence is silent.
 */
import { describe, expect, it } from 'vitest';
import { party } from './fixtures.js';
import { seedCountries as countries } from '../testing.js';
import { readContacts } from './read-contacts.js';

const FR = party('fr-commune-aix-en-provence', "Ville d'Aix-en-Provence", 'Aix-en-Provence', 'Maryse Joissains-Masini');
const MA = party('ma-commune-oujda', "Commune urbaine d'Oujda", 'Oujda', 'Lakhdar Haddouche');

function sides(texts: string[], options: { defaultSide?: string } = {}): string[] {
  const lines = texts.map((text, i) => ({ n: i + 1, text }));
  return readContacts(lines, [FR, MA], { countries, ...options }).contacts.map((c) => `${c.name}:${c.collectivityId?.slice(0, 2)}`);
}

describe('side resolution', () => {
  it('starts with the default column and alternates between groups of one kind', () => {
    expect(sides(['M. Un PREMIER', 'Maire', 'M. Deux SECOND', 'Président'])).toEqual(['Un PREMIER:fr', 'Deux SECOND:ma']);
    expect(sides(['M. Un PREMIER', 'Maire', 'M. Deux SECOND', 'Président'], { defaultSide: 'MA' })).toEqual(['Un PREMIER:ma', 'Deux SECOND:fr']);
  });

  it('lets the executive named in the heading win over printed order', () => {
    expect(sides(['M. Lakhdar HADDOUCHE', 'Président', 'M. Autre ELU', 'Adjoint'])).toEqual(['Lakhdar HADDOUCHE:ma', 'Autre ELU:fr']);
  });

  it('lets phone codes and e-mail domains win over printed order', () => {
    expect(sides(['Agent en charge du dossier :', 'M. Un AGENT', 'Tél : +212 61 00 00 00', 'Agent en charge du dossier :', 'M. Deux AGENT', 'x@mairie-aixenprovence.fr'])).toEqual([
      'Un AGENT:ma',
      'Deux AGENT:fr',
    ]);
  });

  it('gives a run of persons to the institution block closing it', () => {
    expect(sides(['Agent en charge du dossier :', 'M. Un AGENT', "Commune urbaine d'Oujda", 'Oujda'])).toEqual(['Un AGENT:ma']);
  });

  it('keeps persons printed under one label together', () => {
    expect(sides(['Agents en charge du dossier :', 'M. Un AGENT', 'Chef de division', 'Tél : +212 61 00 00 00', 'M. Deux AGENT', 'Administrateur'])).toEqual(['Un AGENT:ma', 'Deux AGENT:ma']);
  });

  it('reads "Contact au Maroc" as the Moroccan side, against the default column', () => {
    expect(sides(['Contact au Maroc : M. Un CONTACT, Chargé de mission'])).toEqual(['Un CONTACT:ma']);
  });

  it('gives no side when there is no party, and notes institutions it cannot attribute', () => {
    const reading = readContacts([{ n: 1, text: 'M. Un ELU' }, { n: 2, text: 'Hôtel de Ville' }, { n: 3, text: '1 rue X' }], [], { countries });
    expect(reading.contacts).toEqual([{ name: 'Un ELU', civility: 'M.', kind: 'elected', lines: [1, 1] }]);
    expect(reading.institutions).toEqual([]);
    expect(reading.notes.map((n) => n.kind)).toEqual(['unattributed-institution']);
  });
});
