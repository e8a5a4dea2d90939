import { describe, expect, it } from 'vitest';
import { emptyHead } from './drafts.js';
import { readExecutive, readHead } from './head.js';
import { fixture } from './testing.js';
import type { ReaderNote } from './types.js';

describe('readExecutive', () => {
  it.each([
    ["Mme Maryse Joissains-Masini, Maire d'Aix-en-Provence (150 000 habitants)", 'Maryse Joissains-Masini', "Maire d'Aix-en-Provence", 150000],
    ["M. Mohamed Sajid, Président de la Commune urbaine de Casablanca (4,7 millions d'habitants)", 'Mohamed Sajid', 'Président de la Commune urbaine de Casablanca', 4700000],
    ['M.Abou Bakr Belkora, Président de la commune urbaine de Meknès (600 000 habitants)', 'Abou Bakr Belkora', 'Président de la commune urbaine de Meknès', 600000],
    ['M. Noël Caru, Maire de Caudebec-lès-Elbeuf', 'Noël Caru', 'Maire de Caudebec-lès-Elbeuf', undefined],
    ["M. Daniel Percheron, Sénateur, Président du Conseil régional Nord-Pas de Calais (4 millions d'habita", 'Daniel Percheron', 'Sénateur, Président du Conseil régional Nord-Pas de Calais', 4000000],
  ])('%s', (text, name, title, population) => {
    const e = readExecutive({ n: 1, text });
    expect([e.name, e.title, e.population]).toEqual([name, title, population]);
  });
});

describe('readHead', () => {
  it('reads the fields of an entry head, with history running on', () => {
    const head = emptyHead();
    const notes: ReaderNote[] = [];
    readHead(
      fixture(`
M. Claude Bartolone, Président du Conseil général de Seine-Saint-Denis (1 500 000 habitants)
M. Mostafa Lali, Président de la Commune urbaine de Figuig (12 700 habitants)
Cadre juridique : Protocole de coopération décentralisée
Date : 8 juin 2000, renouvelé en 2005.
Historique : - 1997 : Rencontres entre le Conseil général et des associations.
- Février 2000 : Mission exploratoire du Conseil général à Figuig.
Domaines d'activités : Développement urbain ; Environnement.
Aujourd'hui, la coopération s'élargit.`),
      head,
      notes,
    );
    expect(head.executives.map((e) => e.name)).toEqual(['Claude Bartolone', 'Mostafa Lali']);
    expect(head.legalFramework).toEqual({ n: 3, text: 'Protocole de coopération décentralisée' });
    expect(head.dateText?.text).toBe('8 juin 2000, renouvelé en 2005.');
    expect(head.history).toEqual(['- 1997 : Rencontres entre le Conseil général et des associations.', '- Février 2000 : Mission exploratoire du Conseil général à Figuig.']);
    expect(head.domainsText).toEqual(['Développement urbain ; Environnement.']);
    expect(head.notes).toEqual(["Aujourd'hui, la coopération s'élargit."]);
    expect(notes).toEqual([]);
  });
});
