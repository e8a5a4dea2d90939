import { describe, expect, it } from 'vitest';
import { readBudgets } from './budgets.js';
import { fixture } from './testing.js';
import type { PartyRef } from './types.js';

const party = (collectivityId: string, shortName: string, country = 'FR'): PartyRef => ({ collectivityId, country, name: shortName, shortName, aliases: [] });

describe('readBudgets', () => {
  it('reads one budget per party and clause, with period and approximation', () => {
    const parties = [party('fr-commune-tours', 'Tours'), party('fr-region-midi-pyrenees', 'Midi-Pyrénées'), party('fr-commune-montereau-fault-yonne', 'Montereau Fault Yonne')];
    const { budgets, notes } = readBudgets(
      fixture(`Tours : 91 889€ en 2006 ; 74 465€ en 2007 (prévisionnel).
Midi-Pyrénées : 45 468 € pour l'accueil des délégations,
35 086 € pour le déplacement des experts.
Montereau : environ 15 000 €
Seine-Saint-Denis : Pour l'ensemble de la coopération décentralisée en 2006: 0,65€/habitant.`),
      parties,
    );
    expect(budgets.map((b) => [b.collectivityId, b.amount.amount, b.period, b.amount.approximate ?? false])).toEqual([
      ['fr-commune-tours', 91889, '2006', false],
      ['fr-commune-tours', 74465, '2007', false],
      ['fr-region-midi-pyrenees', 45468, undefined, false],
      ['fr-region-midi-pyrenees', 35086, undefined, false],
      ['fr-commune-montereau-fault-yonne', 15000, undefined, true],
    ]);
    expect(notes).toEqual(["Budget attribué au partenariat : Seine-Saint-Denis : Pour l'ensemble de la coopération décentralisée en 2006: 0,65€/habitant."]);
  });
});
