import { describe, expect, it } from 'vitest';
import { readBriefPartnerships } from './brief.js';
import { fixture, seedCountries } from './testing.js';

describe('readBriefPartnerships', () => {
  it('reads pairs, framework and date, and the home-side contact block', () => {
    const units = readBriefPartnerships(
      fixture(`Ville de Maubeuge / Commune urbaine de Ouarzazate
→ Convention de partenariat et de jumelage, 27 octobre 2006
→ Contact en France : M. Rachid LOUNICI, Responsable de la coopération décentralisée
rachid.lounici@ville-maubeuge.fr
Ville de Woippy / Commune urbaine de Salé
→ 14 janvier 2005`),
      [],
      seedCountries,
      150,
    );
    expect(units.map((u) => [u.home[0]?.place, u.partner[0]?.place, u.head.legalFramework?.text, u.head.dateText?.text, u.page])).toEqual([
      ['Maubeuge', 'Ouarzazate', 'Convention de partenariat et de jumelage', '27 octobre 2006', 150],
      ['Woippy', 'Salé', undefined, '14 janvier 2005', 150],
    ]);
    expect(units[0]!.contactBlocks).toEqual([{ defaultSide: 'FR', lines: [{ n: 3, text: 'M. Rachid LOUNICI, Responsable de la coopération décentralisée' }, { n: 4, text: 'rachid.lounici@ville-maubeuge.fr' }] }]);
    expect(units[0]!.lines).toEqual([1, 4]);
  });
});
