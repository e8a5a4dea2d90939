import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures.js';
import { partiesInDomain, partiesMentionedIn, partyNamedBy } from './party-names.js';

const parties = (name: string) => FIXTURES[name]!.parties;
const named = (text: string, fixture: string) => partyNamedBy(text, parties(fixture))?.collectivityId;

describe('partyNamedBy', () => {
  it('reads kind prefixes, spacing and case', () => {
    expect(named("Ville d' Ajaccio", 'ajaccio-marrakech')).toBe('fr-commune-ajaccio');
    expect(named('Commune Urbaine de Marrakech', 'ajaccio-marrakech')).toBe('ma-commune-marrakech');
    expect(named('Hôtel de Ville de Fès', 'marseille-fes')).toBe('ma-commune-fes');
    expect(named('Municipalité de la Ville de Rabat', 'lyon-rabat')).toBe('ma-commune-rabat');
    expect(named('Conseil général de la Seine-Saint-Denis', 'seine-saint-denis-figuig')).toBe('fr-departement-seine-saint-denis');
    expect(named("Préfecture d'Agadir", 'loire-atlantique-agadir')).toBe('ma-prefecture-agadir');
  });

  it('reads initials and places printed longer than the party’s', () => {
    expect(named('Conseil régional PACA', 'paca-tanger-tetouan')).toBe('fr-region-provence-alpes-cote-d-azur');
    expect(named('Souk El Khémis', 'cleon-souk-el-khemis')).toBe('ma-commune-souk-el-khemis');
  });

  it('tells Lyon’s two parties apart by their kind', () => {
    expect(named('Communauté urbaine de Lyon', 'lyon-rabat')).toBe('fr-communaute-urbaine-lyon');
    expect(named('CU de Lyon', 'lyon-rabat')).toBe('fr-communaute-urbaine-lyon');
    expect(named('Ville de Lyon', 'lyon-rabat')).toBe('fr-commune-lyon');
  });

  it('does not take a wilaya or another commune for a party', () => {
    expect(named('Wilayia de Safi', 'nord-pas-de-calais-doukkala-abda')).toBeUndefined();
    expect(named('Siège de la Wilaya de la Région de Rabat Salé', 'marseille-rabat')).toBeUndefined();
    expect(named('Commune urbaine Médina Riad Azaytoun', 'clermont-marrakech')).toBeUndefined();
    expect(named('Province de Ouarzazate', 'caudebec-souk-el-khemis')).toBeUndefined();
  });
});

describe('partiesMentionedIn / partiesInDomain', () => {
  it('finds places in free text and in domain names', () => {
    expect(partiesMentionedIn('Président de la commune urbaine de Meknès', parties('bourgogne-marrakech-meknes')).map((p) => p.collectivityId)).toEqual(['ma-commune-meknes']);
    expect(partiesInDomain('mairie-aixenprovence', parties('aix-oujda')).map((p) => p.collectivityId)).toEqual(['fr-commune-aix-en-provence']);
    expect(partiesInDomain('regionpaca', parties('paca-tanger-tetouan')).map((p) => p.collectivityId)).toEqual(['fr-region-provence-alpes-cote-d-azur']);
  });
});
