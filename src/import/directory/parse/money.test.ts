import { describe, expect, it } from 'vitest';
import { findAmounts, findShares, readAmount, readPopulation } from './money.js';

/** "15000 EUR" or "15000 EUR ~" (approximate): short enough to read a whole table at a glance. */
const show = (text: string): string[] =>
  findAmounts(text).map(({ money }) => `${money.amount} ${money.currency}${money.approximate ? ' ~' : ''}`);

// Lines copied from the 2008 directory (/work/shared/seeds/repertoire-franco-marocain-2008.txt), then a few made-up edge cases.
const AMOUNTS: Array<[string, string[]]> = [
  ['Coût total du projet : 2 032 800 Dhs.', ['2032800 MAD']],
  ['Cofinancement PAD : 994 690 Dhs.', ['994690 MAD']],
  ['Aix-en-Provence : 816.560 Dhs (Contributions financière et valorisée).', ['816560 MAD']],
  ['Aix-en-Provence : 200 000 €', ['200000 EUR']],
  ['Oujda : 15 000 € environ', ['15000 EUR ~']],
  ['Belfort : Le budget consacré spécifiquement aux actions avec Mohammedia dépend du plan d\'actions annuel fixé avec le partenaire. Il avoisine en moyenne 15 000 € - 20 000 € / an.', ['15000 EUR ~', '20000 EUR ~']],
  ["Subvention de la commune à l'APRE : 15 000€.", ['15000 EUR']],
  ["Caudebec-lès-Elbeuf : 23 000€ en 2007, pour l'ensemble des échanges internationaux.", ['23000 EUR']],
  ['Cléon : 10 000 € en 2007.', ['10000 EUR']],
  ['Cofinancement PAD : 136 542€€ - dont Rabat : 47 081€€ ; opérateur : 89 461€€.', ['136542 EUR', '47081 EUR', '89461 EUR']],
  ['Marseille : 1 600 000 Dhs (140 000€).', ['1600000 MAD', '140000 EUR']],
  ["Cofinancement MAE : 22500 euros pour l'exercice 2007", ['22500 EUR']],
  ['Marrakech : 4 020 000 Dhs en 2007.', ['4020000 MAD']],
  ['26 000€ ; 5000€ pour les échanges institutionnels.', ['26000 EUR', '5000 EUR']],
  ['Budget 2007 attribué au jumelage Nîmes – Meknès : 5 000 Euros.', ['5000 EUR']],
  ['Paris : En 2007, 11 000 € (hors salaires des personnels engagés sur ces projets).', ['11000 EUR']],
  ['Rabat : 150 000 Dhs (13 000€).', ['150000 MAD', '13000 EUR']],
  ['Montant : 380 740 € durant les 3 ans de durée du projet. Cofinancement PAD de 187 083 € dont : Romans 159 483 €, Taroudannt 26 700 €.', ['380740 EUR', '187083 EUR', '159483 EUR', '26700 EUR']],
  ['9 millions de dirhams.', ['9000000 MAD']],
  ['Financement : Saint-Denis 7 000€ + Aigle Azur', ['7000 EUR']],
  ['Saint-Denis : Environ 25 000 Dhs / Tiznit : Environ 20 000 Dhs.', ['25000 MAD ~', '20000 MAD ~']],
  ['Saint-Denis : 15 000€/an.', ['15000 EUR']],
  ['Budget estimé : 500 000€.', ['500000 EUR ~']],
  ['Budget estimé : 5 000€.', ['5000 EUR ~']],
  ["Cofinancement souhaité : Ministère marocain de l'Artisanat, MAE 100 000€/200 000€.", ['100000 EUR', '200000 EUR']],
  ['Comité de jumelage Sète – El Jedida : 10 000€€.', ['10000 EUR']],
  ["Appui à la consolidation du projet. Tours a versé 20 000 € qui ont permis le creusement d'un puits, jusqu'à plus de 180 m de profondeur, pour alimenter 2 douars.", ['20000 EUR']],
  ['Tours : 20 000€€ (Régie municipale des eaux).', ['20000 EUR']],
  ['Tours : 17 227€ en 2002 ; 52 463€ de 2003 à 2005.', ['17227 EUR', '52463 EUR']],
  ['Tours : 2003, 7 000€ (subvention de démarrage) + dotation de 2 micro-ordinateurs.', ['7000 EUR']],
  ['Tours : 91 889€ en 2006 ; 74 465€ en 2007 (prévisionnel).', ['91889 EUR', '74465 EUR']],
  ['Vienne : à titre indicatif, le budget est estimé à 4 000€ par an.', ['4000 EUR ~']],
  ['Cofinancement PAD : 200 249€ - Communauté urbaine de Lyon : 81 270€, Rabat : 38 747€ & opérateur : 161 502€.', ['200249 EUR', '81270 EUR', '38747 EUR', '161502 EUR']],
  ["Lyon (2007) : 350 000€€ pour l'ensemble de la coopération décentralisée dont 28 000€€ pour le partenariat avec le Maroc.", ['350000 EUR', '28000 EUR']],
  ["Rabat (2007) : 868 000Dhs pour l'ensemble de la coopération internationale.", ['868000 MAD']],
  ['Budget : 543 000€ en numéraire + 145 000€ en valorisé = 688 000 €.', ['543000 EUR', '145000 EUR', '688000 EUR']],
  ["Association Pays d'Allier Tiflet Al Maamora : 4 650 euros.", ['4650 EUR']],
  ['Souss Massa Drâa : 5 000 000 Dhs = 440 000€', ['5000000 MAD', '440000 EUR']],
  ['Hérault : 95 000 €€ en 2007.', ['95000 EUR']],
  ["Seine-Saint-Denis : Pour l'ensemble de la coopération décentralisée en 2006: 0,65€/habitant.", ['0.65 EUR']],
  ['→ Le coût total du projet est de : 2.874.000 Dhs (100%) :', ['2874000 MAD']],
  ['Formation : 82.598,31 Dhs (30,75%)', ['82598.31 MAD']],
  ['Champagne-Ardenne : 919.200 Dhs (dont valorisation 459.600 Dhs).', ['919200 MAD', '459600 MAD']],
  ['Champagne-Ardenne : en 2007, environ 300 000 € (hors valorisation).', ['300000 EUR ~']],
  ['Cofinancement PACA : 80 000€ environ prévus, hors valorisation.', ['80000 EUR ~']],
  ['Budget : 140 000 euros environ, hors coût volontaires.', ['140000 EUR ~']],
  ['PACA : Pour la coopération décentralisée, 400 000€ environ hors projets européens.', ['400000 EUR ~']],
  ['Rhône-Alpes : environ 250 000€.', ['250000 EUR ~']],
  ["L'aide financière aux projets par la Région Nord-Pas de Calais peut atteindre 5 000€ selon la qualité du projet, voire même 8 000€ dans les zones d'intervention prioritaires du Conseil Régional. Elle ne peut excéder 50% du budget total prévisionnel.", ['5000 EUR', '8000 EUR']],
  ['HCDD\tCoopération décentralisée pour le développement durable, Guides méthodologiques\t2005\t15€', ['15 EUR']],
  // numbers that are not amounts
  ['Personnel - Secrétaire : 72.000 (2,68%)', []],
  ['Cofinancement Région Nord-Pas de Calais : 6 000 .', []],
  ["Partenaires en France : Agence d'Urbanisme du Pays d'Aix → Contact : M. Manini Directeur, 26 rue du Puits neuf 13100 Aix en Provence.", []],
  ['Marrakech 40000', []],
  ['Tél : 04 73 42 63 63', []],
  ['(crédits du Ministère des Affaires Etrangères FSP 2003-43) : 40% Romans, 10% Taroudannt, 50% PAD.', []],
  ['Etat marocain (INDH) : 10 %', []],
  ['M. Mohamed Sajid, Président de la Commune urbaine de Casablanca (4,7 millions d\'habitants)', []],
  ['Acheminement de matériel (2006-2007) sur 24 mois pour 8 étudiants ; 30 000 Fès', []],
  // spellings the brief lists that this edition does not happen to use
  ['1,5 M€', ['1500000 EUR']],
  ['près de 10 000 €', ['10000 EUR ~']],
  ['~ 5 000 €', ['5000 EUR ~']],
  ['Environ 25 000 Dhs', ['25000 MAD ~']],
  ['15 000 € - 20 000 €', ['15000 EUR', '20000 EUR']],
  ['400 000€ environ', ['400000 EUR ~']],
  ['budget approximativement de 12 k€', ['12000 EUR ~']],
  ["l'environnement : 5 000 €", ['5000 EUR']],
  ['20 MAD, 30 DH, 40 Dh, 50 EUR, 60 Euro', ['20 MAD', '30 MAD', '40 MAD', '50 EUR', '60 EUR']],
  ['2\u00A0032\u00A0800\u00A0Dhs et 15\u202F000\u202F€', ['2032800 MAD', '15000 EUR']],
  ['1 234,5 millions d\'euros ; 2 milliards de dirhams', ['1234500000 EUR', '2000000000 MAD']],
  ['Europe 2000 : 5 Europe', []],
];

describe('findAmounts', () => {
  it.each(AMOUNTS)('%s', (text, expected) => {
    expect(show(text)).toEqual(expected);
  });

  it('reports where each amount stands and how it was written', () => {
    expect(findAmounts('Rabat : 150 000 Dhs (13 000€).')).toEqual([
      { money: { amount: 150000, currency: 'MAD', text: '150 000 Dhs' }, index: 8, end: 19 },
      { money: { amount: 13000, currency: 'EUR', text: '13 000€' }, index: 21, end: 28 },
    ]);
    expect(findAmounts('Oujda : 15 000 € environ')[0]).toMatchObject({ money: { text: '15 000 €', approximate: true }, index: 8, end: 16 });
  });
});

describe('readAmount', () => {
  it.each<[string, string | undefined, object | undefined]>([
    ['Cofinancement Région Nord-Pas de Calais : 6 000 .', 'EUR', { amount: 6000, currency: 'EUR', text: '6 000' }],
    ['Cofinancement Région Nord-Pas de Calais : 6 000 .', undefined, undefined],
    ['Région Nord-Pas de Calais : 31 970€.', 'MAD', { amount: 31970, currency: 'EUR' }],
    ['Date : 2006.', 'EUR', undefined],
    ['Région Centre : 30%.', 'EUR', undefined],
    ['Poitiers : 2 000€.', undefined, { amount: 2000, currency: 'EUR', text: '2 000€' }],
    ['Loire-Atlantique : 67 100 Dhs (6 000€) pour chaque projet.', undefined, { amount: 67100, currency: 'MAD' }],
    ['Personnel - Secrétaire : 72.000 (2,68%)', 'MAD', undefined],
    ['', 'EUR', undefined],
  ])('%s (default %s)', (text, defaultCurrency, expected) => {
    const money = readAmount(text, defaultCurrency ? { defaultCurrency } : undefined);
    if (expected === undefined) expect(money).toBeUndefined();
    else expect(money).toMatchObject(expected);
  });
});

describe('findShares', () => {
  it.each<[string, number[]]>([
    ['30%', [0.3]],
    ['12,5%', [0.125]],
    ['10 %', [0.1]],
    ['Etat marocain (INDH) : 10\u00A0%', [0.1]],
    ['Financement du partenaire marocain : 12,5%', [0.125]],
    ['CALTO : 37,5%', [0.375]],
    ['Formation : 82.598,31 Dhs (30,75%)', [0.3075]],
    ['Investissement immobilier : 300.000 Dhs (11,17%)', [0.1117]],
    ['→ Le coût total du projet est de : 2.874.000 Dhs (100%) :', [1]],
    ['(crédits du Ministère des Affaires Etrangères FSP 2003-43) : 40% Romans, 10% Taroudannt, 50% PAD.', [0.4, 0.1, 0.5]],
    ['Cofinancement MAE (30%) & Région Poitou-Charentes (30%).', [0.3, 0.3]],
    ['Région Centre : 50% en 2002 ; 30% de 2003 à 2005.', [0.5, 0.3]],
    ['Coût total du projet : 2 032 800 Dhs.', []],
    ['Acheminement de matériel (2006-2009)', []],
  ])('%s', (text, expected) => {
    expect(findShares(text).map((s) => s.share)).toEqual(expected);
  });
});

describe('readPopulation', () => {
  it.each<[string, number | undefined]>([
    ["Mme Maryse Joissains-Masini, Maire d'Aix-en-Provence (150 000 habitants)", 150000],
    ['M. Mohamed Sajid, Président de la Commune urbaine de Casablanca (4,7 millions d\'habitants)', 4700000],
    ["M. André Vezinhet, Président du Conseil général de l'Hérault (1 million d'habitants)", 1000000],
    ['M. Gérard Collomb, Maire de Lyon et Président de la CU de Lyon (1,2 millions d\'habitants)', 1200000],
    ['M. François Gimmig, Maire de La Croix Valmer (3137 habitants)', 3137],
    ["M. Martin Malvy, Président du Conseil régional Midi-Pyrénées (2,8 millions d'habita", 2800000],
    ['M. Bertrand Delanoë, Maire de Paris (2 500 000 habitants)', 2500000],
    ['(1 100 000 habitants)', 1100000],
    ['M. Frédéric Cu villier, Député-Maire de Boulogne-sur-Mer (44 784 habitants)', 44784],
    ["avec une population avoisinant 2.000.000 d'habitants dont plus de 100.000 agriculteurs", 2000000],
    ['(150\u00A0000 hab.)', 150000],
    ['Bénéficiaires : Personnels de la ville de Rabat, habitants.', undefined],
    ['Marrakech : 800 000 Dhs.', undefined],
    ['', undefined],
  ])('%s', (text, expected) => {
    expect(readPopulation(text)).toBe(expected);
  });
});

const HOSTILE: string[] = [
  '',
  '1'.repeat(10_000),
  '1 '.repeat(5_000),
  '111 '.repeat(2_500),
  '111\u00A0'.repeat(2_500) + 'x',
  '1.000'.repeat(2_000),
  '1,'.repeat(5_000),
  ' '.repeat(10_000) + '1',
  '1' + ' '.repeat(10_000) + '€',
  '('.repeat(10_000),
  'environ '.repeat(1_250) + '5 €',
  '1 € '.repeat(2_500),
  '1 % '.repeat(2_500),
  '1 millions d'.repeat(800),
  '🙂é€%'.repeat(2_500),
];

describe('hostile input', () => {
  it.each(HOSTILE.map((s) => [`${JSON.stringify(s.slice(0, 12))}… (${s.length} chars)`, s]))('%s', (_label, text) => {
    for (const read of [findAmounts, (t: string) => findAmounts(t, { defaultCurrency: 'EUR' }), findShares, readPopulation]) {
      const started = performance.now();
      read(text);
      expect(performance.now() - started).toBeLessThan(200);
    }
  });
});
