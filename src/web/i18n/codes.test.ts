import { describe, expect, it } from 'vitest';
import { countLabel } from '../pages/report/render.js';
import { renderContext } from '../testing.js';
import { bySideHeading, collectivityOfCountry, countryLabel, facetHeading, facetValueLabel, samePartnerHeading, statusLabel } from './codes.js';

describe('the labels of codes', () => {
  it('head the kinds by the directory\'s countries, home first', () => {
    expect(facetHeading('fr', 'homeKind', ['FR', 'MA'])).toBe('Collectivité française');
    expect(facetHeading('fr', 'partnerKind', ['FR', 'MA'])).toBe('Collectivité marocaine');
    expect(facetHeading('fr', 'homeKind', ['MA', 'FR'])).toBe('Collectivité marocaine');
    expect(facetHeading('fr', 'partnerKind', ['FR', 'SN', 'ML'])).toBe('Collectivité partenaire');
    expect(facetHeading('fr', 'status', ['FR', 'MA'])).toBe('Statut');
  });

  it('fall back to the country\'s name from its profile, or its code, for a country the catalogue does not describe', () => {
    expect(collectivityOfCountry('fr', 'SN')).toBe('Collectivité (Sénégal)');
    expect(facetHeading('fr', 'partnerKind', ['FR', 'SN'])).toBe('Collectivité (Sénégal)');
    expect(bySideHeading('fr', ['SN'])).toBe('Par collectivité (Sénégal)');
    expect(countryLabel('fr', 'SN')).toBe('Sénégal');
    expect(countryLabel('fr', 'QQ')).toBe('QQ');
    expect(bySideHeading('fr', ['MA'])).toBe('Par collectivité marocaine');
    expect(samePartnerHeading('fr', 'MA', 'Marseille')).toBe('Autres partenaires marocains de Marseille');
    expect(samePartnerHeading('fr', 'SN', 'Lyon')).toBe('Autres partenaires (Sénégal) de Lyon');
    expect(countryLabel('fr', 'MA')).toBe('Maroc');
    expect(countryLabel('fr', '')).toBe('Non précisé');
    expect(countLabel('collectivities.SN', renderContext('/rapport'))).toBe('Collectivités (Sénégal)');
    expect(countLabel('collectivities.MA', renderContext('/rapport'))).toBe('Collectivités marocaines');
  });

  it('give one label per code: a completed project is "Terminé" in the search as on its page', () => {
    expect(statusLabel('fr', 'completed')).toBe('Terminé');
    expect(facetValueLabel('fr', 'status', { value: 'completed' })).toBe('Terminé');
    expect(facetValueLabel('fr', 'homeKind', { value: 'communaute-de-villes' })).toBe('Communaute de villes');
    expect(facetValueLabel('fr', 'domain', { value: 'eau', label: 'Eau et assainissement' })).toBe('Eau et assainissement');
    expect(facetValueLabel('fr', 'decade', { value: 'unknown' })).toBe('Date inconnue');
  });
});
