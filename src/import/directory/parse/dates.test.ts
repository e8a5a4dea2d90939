import { describe, expect, it } from 'vitest';
import type { Period } from './dates.js';
import { earliestDate, findDates, looksLikePeriod, readPeriod, splitTrailingPeriod } from './dates.js';

// Lines copied from the 2008 directory (/work/shared/seeds/repertoire-franco-marocain-2008.txt), then a few made-up edge cases.
const DATES: Array<[string, string[]]> = [
  ['Date : Votée le 26 mars 1998, signée le 29 avril 1998 à Oujda.', ['1998-03-26', '1998-04-29']],
  ['Date : Signé le 04 février 2006.', ['2006-02-04']],
  ['Date : Novembre/décembre 2005.', ['2005-11', '2005-12']],
  ['Date : Septembre 1988.', ['1988-09']],
  ['Date : 10 novembre 2006', ['2006-11-10']],
  ['Date : 19 mai 2005. Re conduite par un avenant le 2 juillet 2006.', ['2005-05-19', '2006-07-02']],
  ['Date : 1998, 2003.', ['1998', '2003']],
  ['Date : 24 octobre 1999 à Essaouira, 25 mai 2000 à La Rochelle. Renouvelé pour 3 années en 2004.', ['1999-10-24', '2000-05-25', '2004']],
  ['Date : 7 mai 1999 (renouvelable).', ['1999-05-07']],
  ['Date : 1989.', ['1989']],
  ['Date : Protocole 21 mars 2002, Jumelage 17 mai 2004.', ['2002-03-21', '2004-05-17']],
  ["Date : 7 novembre 1995 (Avril 2007 - Délibération sur le principe de la signature d'une charte de jumelage)", ['1995-11-07', '2007-04']],
  ['Date : Première signature le 25 juin 2005 ; Seconde signature le 31 octobre 2007.', ['2005-06-25', '2007-10-31']],
  ['Date : 1^{er} février 2006.', ['2006-02-01']],
  ['1er février 2006', ['2006-02-01']],
  ['Date : 24 mai 2005 à Meknès ; 28 juin 2005 à Nîmes', ['2005-05-24', '2005-06-28']],
  ['Date : 1994, renouvelé en 1998, 2001, 2003 et 2006.', ['1994', '1998', '2001', '2003', '2006']],
  ['Date de démarrage : 18 juillet 2006 (date de la délibération du jury PAD).', ['2006-07-18']],
  ['Date de clôture : Le projet est prévu sur une durée de 3 ans.', []],
  ['Date : Août 2005.', ['2005-08']],
  ['Date : 13 juin 2006', ['2006-06-13']],
  ['Date : 2003 et 2005 (Protocole et Avenant).', ['2003', '2005']],
  ['Date : Signatures les 26/11/1999 (Champagne-Ardenne) et 11/06/2000 (Oriental) ; Renouvellement pour 5 ans le 06/12/2004.', ['1999-11-26', '2000-06-11', '2004-12-06']],
  ['Date : Automne 2007.', ['2007']],
  ['→ Jumelage, 24 juillet 1982', ['1982-07-24']],
  ['Historique : Suite à une demande de coopération émanant du Président du Conseil régional de Souss Massa Drâa en 2001, le Conseil régional d\'Aquitaine s\'est engagé, par délibération de la Commission Permanente du 15/07/02, dans un programme de coopération avec la Région Souss Massa Drâa. Après deux années de travail, les deux Régions ont signé le 30 janvier 2004 une convention cadre de coopération 2004-2006 sur trois thèmes', ['2001', '2002-07-15', '2004-01-30', '2004', '2006']],
  ["Ce projet s'inscrit dans le cadre de la convention de coopération signée entre la Région de Champagne-Ardenne et la Région de l'Oriental le 6 Décembre 2004.", ['2004-12-06']],
  ['Cadre juridique : Accord de coopération signé en août 1989 / Déclaration commune de coopération signée le 27 juin 1998.', ['1989-08', '1998-06-27']],
  ['Formations hôtelières des professeurs du Lycée Hôtelier de La Rochelle (1^{er} au 15 juillet 2003 ; 11 au 21 avril 2005).', ['2003-07-01', '2003-07-15', '2005-04-11', '2005-04-21']],
  ['Formation des hôtesses de tourisme (12 au 19 janvier 2001)', ['2001-01-12', '2001-01-19']],
  ['Accueil du Maroc comme pays invité d\'honneur à la Foire internationale de Bordeaux (20-29 mai 2006)', ['2006-05-20', '2006-05-29']],
  ["Accompagnement des guides d'Ouzoud (déc. 2005 - mars 2006)", ['2005-12', '2006-03']],
  ["Organisation de 5 sessions de formation au profit d'apiculteurs professionnels (1999,2000 et 2001).", ['1999', '2000', '2001']],
  ['Mise en place du réseau « Jeunesse Echange le Monde » (2004 à aujourd\'hui).', ['2004']],
  ['Programme de « Compagnonnage Inter Entreprises » (Novembre 2006 à 2009)', ['2006-11', '2009']],
  ["Cofinancement MAE : 22500 euros pour l'exercice 2007", ['2007']],
  ['Lyon (2007) : 350 000€€ pour l\'ensemble de la coopération décentralisée', ['2007']],
  ["(crédits du Ministère des Affaires Etrangères FSP 2003-43) : 40% Romans", ['2003']],
  // numbers that are not years
  ["Contact : M. Manini Directeur, 26 rue du Puits neuf 13100 Aix en Provence.", []],
  ['Tél : 04 73 42 63 63 ; Marrakech 40000 ; 2.000.000 d\'habitants', []],
  ['Budget : 2000 € ; 2000 habitants ; 1 2000 ; 2 032 800 Dhs', []],
  // spellings the brief lists that this edition does not happen to use
  ['(sept. 2005 - févr. 2006)', ['2005-09', '2006-02']],
  ['DÉCEMBRE 2007, decembre 2008, aout 2009', ['2007-12', '2008-12', '2009-08']],
  ['du 28 février au 3 mars 2006', ['2006-02-28', '2006-03-03']],
  ['35 mars 2006', ['2006-03']],
  ['1899, 2100, 1900, 2099', ['1900', '2099']],
];

describe('findDates', () => {
  it.each(DATES)('%s', (text, expected) => {
    expect(findDates(text).map((m) => m.date)).toEqual(expected);
  });

  it('reports where each date stands', () => {
    expect(findDates('Date : Novembre/décembre 2005.')).toEqual([
      { date: '2005-11', index: 7, end: 15 },
      { date: '2005-12', index: 16, end: 29 },
    ]);
    expect(findDates('le 26/11/1999 et le 1er février 2006')).toEqual([
      { date: '1999-11-26', index: 3, end: 13 },
      { date: '2006-02-01', index: 20, end: 36 },
    ]);
  });
});

describe('earliestDate', () => {
  it.each<[string, string | undefined]>([
    ['Date : Votée le 26 mars 1998, signée le 29 avril 1998 à Oujda.', '1998-03-26'],
    ['Date : Novembre/décembre 2005.', '2005-11'],
    ['Date : 1998, 2003.', '1998'],
    ["Date : 7 novembre 1995 (Avril 2007 - Délibération sur le principe de la signature d'une charte de jumelage)", '1995-11-07'],
    ['Date : Première signature le 25 juin 2005 ; Seconde signature le 31 octobre 2007.', '2005-06-25'],
    ['Date : 24 octobre 1999 à Essaouira, 25 mai 2000 à La Rochelle.', '1999-10-24'],
    ['Date : 2003 et 2005 (Protocole et Avenant).', '2003'],
    ['Date : Signatures les 26/11/1999 (Champagne-Ardenne) et 11/06/2000 (Oriental)', '1999-11-26'],
    ['Renouvelé le 15 mars 2005, signé en 2005', '2005'],
    ['Date : Automne 2007.', '2007'],
    ['Date de clôture : Le projet est prévu sur une durée de 3 ans.', undefined],
    ['', undefined],
  ])('%s', (text, expected) => {
    expect(earliestDate(text)).toBe(expected);
  });
});

const p = (startDate?: string, endDate?: string, durationMonths?: number): Omit<Period, 'periodText'> => ({
  ...(startDate && { startDate }),
  ...(endDate && { endDate }),
  ...(durationMonths && { durationMonths }),
});

describe('readPeriod', () => {
  it.each<[string, Omit<Period, 'periodText'>]>([
    ['débuté le 9 juillet 2007 - 24 mois', p('2007-07-09', undefined, 24)],
    ['débuté en 2005', p('2005')],
    ['débuté en mars 2007', p('2007-03')],
    ['2006-2009', p('2006', '2009')],
    ['2006/2007', p('2006', '2007')],
    ['2005/2006', p('2005', '2006')],
    ['janvier 2006 - décembre 2007', p('2006-01', '2007-12')],
    ['septembre 2006 - décembre 2008', p('2006-09', '2008-12')],
    ['janvier 2007 – décembre 2008', p('2007-01', '2008-12')],
    ['octobre 2007', p('2007-10')],
    ['juillet 2005, août 2006', p('2005-07', '2006-08')],
    ['2005, 2006, 2007', p('2005', '2007')],
    ['débuté en novembre 2006, achevé le 27 septembre 2007', p('2006-11', '2007-09-27')],
    ['débuté en avril 2005, achevé le 15 décembre 2005', p('2005-04', '2005-12-15')],
    ['débuté en 2003, achevé en 2006', p('2003', '2006')],
    ['débuté en 2003, achevé …', p('2003')],
    ['organisées en juin 2006', p('2006-06')],
    ['organisé en 2004', p('2004')],
    ['organisée en mars 2007', p('2007-03')],
    ['organisé fin 2004', p('2004')],
    ['débuté fin 2005', p('2005')],
    ['1^{er} au 15 janvier 2005', p('2005-01-01', '2005-01-15')],
    ['12 au 19 janvier 2001', p('2001-01-12', '2001-01-19')],
    ['20-29 mai 2006', p('2006-05-20', '2006-05-29')],
    ['déc. 2005 - mars 2006', p('2005-12', '2006-03')],
    ['2 ans', p(undefined, undefined, 24)],
    ['1997-2007', p('1997', '2007')],
    ['prévu pour 2008', p('2008')],
    ['bilan 2006-2007', p('2006', '2007')],
    ['Novembre 2006 à 2009', p('2006-11', '2009')],
    ['débutés en 2003, achevés en 2005', p('2003', '2005')],
    ['2002-2003', p('2002', '2003')],
    ['1999-2001', p('1999', '2001')],
    ['achevé en mai 2005', p(undefined, '2005-05')],
    ['1^{er} au 15 juillet 2003 ; 11 au 21 avril 2005', p('2003-07-01', '2005-04-21')],
    ["2004 à aujourd'hui", p('2004')],
    ['Novembre/décembre 2005', p('2005-11', '2005-12')],
    ['sur une durée de 3 ans', p(undefined, undefined, 36)],
  ])('%s', (text, expected) => {
    expect(readPeriod(` ${text} `)).toEqual({ periodText: text, ...expected });
  });
});

describe('looksLikePeriod', () => {
  it.each<[string, boolean]>([
    ...['débuté le 9 juillet 2007 - 24 mois', 'débuté en mars 2007', '2006-2009', '2006/2007', 'janvier 2007 – décembre 2008', 'octobre 2007', 'juillet 2005, août 2006', '2005, 2006, 2007', 'débuté en novembre 2006, achevé le 27 septembre 2007', 'débuté en 2003, achevé …', 'organisées en juin 2006', 'organisé fin 2004', '1^{er} au 15 janvier 2005', '20-29 mai 2006', 'déc. 2005 - mars 2006', '2 ans', 'prévu pour 2008', 'bilan 2006-2007', 'Novembre 2006 à 2009', 'débutés en 2003, achevés en 2005', '1999,2000 et 2001', "2004 à aujourd'hui", '2004 & 2006', 'Automne 2007']
      .map((t): [string, boolean] => [t, true]),
    ...["projet d'accord culturel pour 2008", 'en réflexion pour 2008', 'projet de convention pour 2008', 'Contributions financière et valorisée', 'SCAC', 'IFAC', 'PDU', 'renouvelable', 'Protocole et Avenant', "Avril 2007 - Délibération sur le principe de la signature d'une charte de jumelage", 'FSP 2003-43', 'Lyon', 'mars', '3', '', "achevé en mai 2005, avec le soutien du SCAC et du conseil provincial"]
      .map((t): [string, boolean] => [t, false]),
  ])('%s → %s', (text, expected) => {
    expect(looksLikePeriod(text)).toBe(expected);
  });
});

describe('splitTrailingPeriod', () => {
  it.each<[string, { title: string; period?: Omit<Period, 'periodText'> & { periodText?: string }; padCofinanced: boolean }]>([
    ["Assistance à maîtrise d'ouvrage pour l'élaboration du plan de déplacements urbains de la commune urbaine d'Oujda (débuté le 9 juillet 2007 - 24 mois) - Cofinancement PAD",
      { title: "Assistance à maîtrise d'ouvrage pour l'élaboration du plan de déplacements urbains de la commune urbaine d'Oujda", period: { periodText: 'débuté le 9 juillet 2007 - 24 mois', ...p('2007-07-09', undefined, 24) }, padCofinanced: true }],
    ['Échange de jeunes (octobre 2007)', { title: 'Échange de jeunes', period: { periodText: 'octobre 2007', startDate: '2007-10' }, padCofinanced: false }],
    ['Mise en place d\'une maison des associations et initiatives locales (septembre 2006 - décembre 2008) -',
      { title: "Mise en place d'une maison des associations et initiatives locales", period: p('2006-09', '2008-12'), padCofinanced: false }],
    ["Projet REMPART : Réseau d'Echanges pour la Mise en valeur des Patrimoines entre Romans et Taroudannt (2006-2009) - Cofinancement PAD",
      { title: "Projet REMPART : Réseau d'Echanges pour la Mise en valeur des Patrimoines entre Romans et Taroudannt", period: p('2006', '2009'), padCofinanced: true }],
    ["Appui au renforcement de maîtrise d'ouvrage de la Commune urbaine d'Agadir dans le domaine des Déplacements et du Transport (débuté en 2006) – Cofinancement PAD",
      { title: "Appui au renforcement de maîtrise d'ouvrage de la Commune urbaine d'Agadir dans le domaine des Déplacements et du Transport", period: p('2006'), padCofinanced: true }],
    ["Soutien à l'association SOS Village d'enfants » (débuté en avril 2005, achevé le 15 décembre 2005)",
      { title: "Soutien à l'association SOS Village d'enfants »", period: p('2005-04', '2005-12-15'), padCofinanced: false }],
    ['Réhabilitation d\'un périmètre irrigué « Targua » (2 ans)', { title: "Réhabilitation d'un périmètre irrigué « Targua »", period: p(undefined, undefined, 24), padCofinanced: false }],
    ["Accueil du Maroc comme pays invité d'honneur à la Foire internationale de Bordeaux (20-29 mai 2006)",
      { title: "Accueil du Maroc comme pays invité d'honneur à la Foire internationale de Bordeaux", period: p('2006-05-20', '2006-05-29'), padCofinanced: false }],
    ["Appui dans l'élaboration de la stratégie et des outils de communication du Conseil régional de Souss Massa Drâa (2003-2004) ;",
      { title: "Appui dans l'élaboration de la stratégie et des outils de communication du Conseil régional de Souss Massa Drâa", period: p('2003', '2004'), padCofinanced: false }],
    ["Création et structuration d'un service d'Aménagement des territoires - Cofinancement PAD", { title: "Création et structuration d'un service d'Aménagement des territoires", padCofinanced: true }],
    ["Culture /patrimoine (projet d'accord culturel pour 2008)", { title: "Culture /patrimoine (projet d'accord culturel pour 2008)", padCofinanced: false }],
    ['Institut de Formation d\'Animation et de Conseil (IFAC)', { title: "Institut de Formation d'Animation et de Conseil (IFAC)", padCofinanced: false }],
    ['Échanges universitaires', { title: 'Échanges universitaires', padCofinanced: false }],
    ['Projet (a (b) c)', { title: 'Projet (a (b) c)', padCofinanced: false }],
  ])('%s', (title, expected) => {
    const got = splitTrailingPeriod(title);
    expect(got).toMatchObject(expected);
    if (!('period' in expected)) expect(got.period).toBeUndefined();
  });
});

const HOSTILE: string[] = [
  '',
  '1'.repeat(10_000),
  '1 '.repeat(5_000),
  '2005 '.repeat(2_000),
  '2005, '.repeat(1_600),
  '2006-'.repeat(2_000),
  '12 au '.repeat(1_600) + '19 janvier 2001',
  '1er janvier '.repeat(900) + '2005',
  '('.repeat(10_000),
  '('.repeat(5_000) + ')'.repeat(5_000),
  '(' + 'débuté en 2005, '.repeat(600) + ')',
  '-'.repeat(10_000),
  ' -'.repeat(5_000) + 'x',
  '. ;'.repeat(3_000) + ')',
  '1/1/'.repeat(2_500),
  '🙂é—'.repeat(3_000) + ' - Cofinancement PAD',
];

describe('hostile input', () => {
  it.each(HOSTILE.map((s) => [`${JSON.stringify(s.slice(0, 12))}… (${s.length} chars)`, s]))('%s', (_label, text) => {
    for (const read of [findDates, earliestDate, readPeriod, looksLikePeriod, splitTrailingPeriod]) {
      const started = performance.now();
      read(text);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });
});
