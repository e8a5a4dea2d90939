import { describe, expect, it } from 'vitest';
import { readImplementingBody } from './bodies.js';

describe('readImplementingBody', () => {
  it('reads a body and its contact printed in one run', () => {
    expect(
      readImplementingBody('Structure mandatée pour la mise en œuvre', [
        'ADEFRAM - M. Nicolas Braille : 67, rue Vergniaud Bât I 75013 Paris ; Tél : + 33 1 45 80 44 72 ; Fax : + 33 (0)1 45 80 44 80 ; adefram@lesorangers.org',
      ]),
    ).toEqual({
      name: 'Nicolas Braille',
      role: 'Structure mandatée pour la mise en œuvre',
      kind: 'other',
      organization: 'ADEFRAM',
      phones: ['+ 33 1 45 80 44 72'],
      faxes: ['+ 33 (0)1 45 80 44 80'],
      emails: ['adefram@lesorangers.org'],
      address: '67, rue Vergniaud Bât I 75013 Paris',
    });
  });

  it('finds the organisation in a sentence and the person after an arrow', () => {
    expect(
      readImplementingBody('Mise en œuvre', ["L'IFAC 38 est mandatée pour la mise en œuvre de ce partenariat.", '→ M. Robert COMBE', "1 Avenue Jeanne d'Arc, GRENOBLE, France", 'Tél : 04-76-00-92-02 ; E-mail : ifac38@ifacasso.fr']),
    ).toMatchObject({ name: 'Robert COMBE', organization: 'IFAC 38', emails: ['ifac38@ifacasso.fr'], phones: ['04-76-00-92-02'], address: "1 Avenue Jeanne d'Arc, GRENOBLE, France" });
  });

  it('reads nothing from a note that names no one', () => {
    expect(readImplementingBody('Mise en œuvre', ['Par les présidents, élus et agents des deux collectivités.'])).toBeUndefined();
  });
});
