import { describe, expect, it } from 'vitest';
import { readProjects } from './projects.js';
import { fixture } from './testing.js';

const read = (text: string) => readProjects(fixture(text), []);
const summary = (text: string) =>
  read(text).projects.map((p) => ({ title: p.title, status: p.status, themes: p.themes, pad: p.padInTitle, sections: [...p.sections.keys()] }));

describe('readProjects', () => {
  it('reads status, theme, title with its period and PAD mention, and labelled parts', () => {
    expect(
      summary(`
PROJETS EN COURS
DEVELOPPEMENT URBAIN
Assistance à maîtrise d'ouvrage pour le PDU d'Oujda (débuté le 9 juillet 2007 - 24 mois) - Cofinancement PAD
→ Objectifs : Renforcer les capacités de maîtrise d'ouvrage de la CU d'Oujda.
Description du projet
Le PDU engendrera la création de nouvelles infrastructures.
Partenaires
Maître d'ouvrage : Commune urbaine d'Oujda.
Budget & financement
Coût total du projet : 2 032 800 Dhs.
PROJETS RÉALISÉS
JEUNESSE
Échanges de jeunes (juillet 2005, août 2006)
Description du projet
50 jeunes concernés.`),
    ).toEqual([
      { title: "Assistance à maîtrise d'ouvrage pour le PDU d'Oujda", status: 'ongoing', themes: ['DEVELOPPEMENT URBAIN'], pad: true, sections: ['objectives', 'description', 'partners', 'funding'] },
      { title: 'Échanges de jeunes', status: 'completed', themes: ['JEUNESSE'], pad: false, sections: ['description'] },
    ]);
  });

  it('reads the PAD mention printed on the line after a title', () => {
    const [p] = read(`
RENFORCEMENT DES CAPACITÉS
Appui à la création d'une dynamique régionale en faveur du développement local (2006-2009)
- Cofinancement PAD
→ Objectifs :`).projects;
    expect(p).toMatchObject({ padInTitle: true, period: { startDate: '2006', endDate: '2009' } });
  });

  it('folds a sub-theme printed in small letters into the themes', () => {
    expect(
      summary(`
PROJETS REALISES
CULTURE
Échanges culturels
Exposition de peintres rochelais à Essaouira (2006/2007)
- Objectif : Diffusion de l'art rochelais.
Théâtre (2002-2003)
- Objectif : Stage de théâtre pour les enfants.`).map((p) => [p.title, p.themes]),
    ).toEqual([
      ['Exposition de peintres rochelais à Essaouira', ['CULTURE', 'Échanges culturels']],
      ['Théâtre', ['CULTURE', 'Échanges culturels']],
    ]);
  });

  it('does not take partners printed in capitals for themes', () => {
    const [p] = read(`
PROJETS EN COURS
ARTISANAT
Chantier d'insertion (débuté en 2004)
Partenaires
ANPE
Missions locales
ISCAE`).projects;
    expect(p!.sections.get('partners')!.map((l) => l.text)).toEqual(['Partenaires', 'ANPE', 'Missions locales', 'ISCAE']);
  });

  it('keeps what is not a project as notes', () => {
    const { projects, unitNotes } = read(`
CHIFFRES-CLES
- 3 ans d'échanges.
PROJETS REALISES EN DEHORS DU PARTENARIAT
La coopération est aujourd'hui suspendue.`);
    expect(projects).toEqual([]);
    expect(unitNotes).toEqual(["CHIFFRES-CLES : - 3 ans d'échanges.", "PROJETS REALISES EN DEHORS DU PARTENARIAT : La coopération est aujourd'hui suspendue."]);
  });
});
