import { describe, expect, it } from 'vitest';
import { readSynthesis } from './synthesis.js';
import { fixture } from './testing.js';

describe('readSynthesis', () => {
  it('reads two levels of domains and the pairs under them', () => {
    const { domains, pairs } = readSynthesis(
      fixture(`Développement urbain
➤ Transports
Ville d'Aix-en-Provence/Commune urbaine d'Oujda
➤ Eau & assainissement
Conseil général de Seine-Saint-Denis
➤ Eau & assainissement
Ville de La Rochelle/Commune urbaine d'Essaouira
Développement rural
Ville de Sète/Commune urbaine d'El Jedida`),
    );
    expect(domains.map((d) => [d.code, d.label, d.parent])).toEqual([
      ['developpement-urbain', 'Développement urbain', undefined],
      ['developpement-urbain-transports', 'Transports', 'developpement-urbain'],
      ['developpement-urbain-eau-assainissement', 'Eau & assainissement', 'developpement-urbain'],
      ['developpement-rural', 'Développement rural', undefined],
    ]);
    expect(pairs.map((p) => [p.domain, p.home, p.partner ?? null])).toEqual([
      ['developpement-urbain-transports', "Ville d'Aix-en-Provence", "Commune urbaine d'Oujda"],
      ['developpement-urbain-eau-assainissement', 'Conseil général de Seine-Saint-Denis', null],
      ['developpement-urbain-eau-assainissement', 'Ville de La Rochelle', "Commune urbaine d'Essaouira"],
      ['developpement-rural', 'Ville de Sète', "Commune urbaine d'El Jedida"],
    ]);
  });

  it('reads a label printed under two parents as one domain, and names each "Autres" by its parent (issue 17)', () => {
    const { domains, pairs } = readSynthesis(
      fixture(`Développement urbain
➤ Eau & assainissement
Conseil général de Seine-Saint-Denis
➤ Autres
Ville de Paris/Commune urbaine de Rabat
Environnement
➤ Eau & assainissement
Conseil général de l'Hérault/Conseil régional de Souss Massa Drâa
➤ Autres
Ville de Nîmes/Commune urbaine de Meknès`),
    );
    expect(domains.map((d) => [d.code, d.label, d.aliases ?? []])).toEqual([
      ['developpement-urbain', 'Développement urbain', []],
      ['developpement-urbain-eau-assainissement', 'Eau & assainissement', ['environnement-eau-assainissement']],
      ['developpement-urbain-autres', 'Autres (Développement urbain)', []],
      ['environnement', 'Environnement', []],
      ['environnement-autres', 'Autres (Environnement)', []],
    ]);
    expect(pairs.map((p) => [p.domain, p.home])).toEqual([
      ['developpement-urbain-eau-assainissement', 'Conseil général de Seine-Saint-Denis'],
      ['developpement-urbain-autres', 'Ville de Paris'],
      ['developpement-urbain-eau-assainissement', "Conseil général de l'Hérault"],
      ['environnement-autres', 'Ville de Nîmes'],
    ]);
  });
});
