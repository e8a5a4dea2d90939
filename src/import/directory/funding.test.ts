import { describe, expect, it } from 'vitest';
import { readProjectMoney } from './funding.js';
import { fixture } from './testing.js';
import type { PartyRef } from './types.js';

const parties: PartyRef[] = [
  { collectivityId: 'fr-communaute-urbaine-lyon', country: 'FR', name: 'Communauté urbaine de Lyon', shortName: 'Lyon', aliases: [] },
  { collectivityId: 'ma-commune-rabat', country: 'MA', name: 'Commune urbaine de Rabat', shortName: 'Rabat', aliases: [] },
];
const funders = (text: string) =>
  readProjectMoney(fixture(text), [], parties).funding.map((f) => [f.funder, f.amount?.amount ?? f.share, f.amount?.currency, f.funderCollectivityId, f.contribution]);

describe('readProjectMoney', () => {
  it('splits a line of several funders', () => {
    expect(funders('Cofinancement PAD : 200 249€ - Communauté urbaine de Lyon : 81 270€, Rabat : 38 747€ & opérateur : 161 502€.')).toEqual([
      ['Cofinancement PAD', 200249, 'EUR', undefined, 'financial'],
      ['Communauté urbaine de Lyon', 81270, 'EUR', 'fr-communaute-urbaine-lyon', 'financial'],
      ['Rabat', 38747, 'EUR', 'ma-commune-rabat', 'financial'],
      ['opérateur', 161502, 'EUR', undefined, 'financial'],
    ]);
  });

  it('keeps a breakdown after "dont" out of the funders', () => {
    expect(funders('Cofinancement PAD : 136 542€ - dont Rabat : 47 081€ ; opérateur : 89 461€.')).toEqual([['Cofinancement PAD', 136542, 'EUR', undefined, 'financial']]);
    expect(funders('Cofinancement PAD de 187 083 € dont : Romans 159 483 €, Taroudannt 26 700 €.')).toEqual([['Cofinancement PAD de', 187083, 'EUR', undefined, 'financial']]);
  });

  it('reads shares, contributions in kind and funders without amounts', () => {
    expect(funders('Cofinancement MAE (30%) & Région Poitou-Charentes (30%).')).toEqual([
      ['Cofinancement MAE', 0.3, undefined, undefined, 'unknown'],
      ['Région Poitou-Charentes', 0.3, undefined, undefined, 'unknown'],
    ]);
    expect(funders('Rabat : 229.800 Dhs (dont valorisation 114.900 Dhs).')).toEqual([['Rabat', 229800, 'MAD', 'ma-commune-rabat', 'mixed']]);
    expect(funders('Partenaires : 576.000 Dhs (valorisation).')).toEqual([['Partenaires', 576000, 'MAD', undefined, 'in-kind']]);
    expect(funders('Conseil général, Comité des Échanges, Mairie de Caudebec-lès-Elbeuf.').map((f) => f[0])).toEqual(['Conseil général', 'Comité des Échanges', 'Mairie de Caudebec-lès-Elbeuf']);
  });

  it('reads the total cost and keeps prose as text', () => {
    const money = readProjectMoney(fixture('Budget : 543 000€ en numéraire + 145 000€ en valorisé = 688 000 €.\nPrise en charge commune des frais de mission.'), [], parties);
    expect(money.totalCost).toMatchObject({ amount: 688000, currency: 'EUR' });
    expect(money.fundingText).toEqual(['Prise en charge commune des frais de mission.']);
    expect(readProjectMoney([], fixture('Budget estimé : 500 000€.'), parties).totalCost).toMatchObject({ amount: 500000, approximate: true });
  });
});
