import { describe, expect, it } from 'vitest';
import { regionOf } from './regions.js';

describe('regionOf', () => {
  it.each([
    ['FR', 'Aix-en-Provence', "Provence-Alpes-Côte d'Azur"],
    ['FR', 'Seine-Saint-Denis', 'Île-de-France'],
    ['FR', 'Rhône-Alpes', 'Rhône-Alpes'],
    ['FR', 'Nord-Pas de Calais', 'Nord-Pas-de-Calais'],
    ['MA', 'Marrakech', 'Marrakech-Tensift-Al Haouz'],
    ['MA', 'Souss Massa Drâa', 'Souss-Massa-Drâa'],
    ['MA', 'Rabat Salé Zemmour Zaer', 'Rabat-Salé-Zemmour-Zaër'],
    ['MA', 'Souk El Khémis', 'Souss-Massa-Drâa'],
  ])('%s %s → %s', (country, place, region) => expect(regionOf(country, place)).toBe(region));

  it('knows no region of an unknown place', () => expect(regionOf('FR', 'Atlantis')).toBeUndefined());
});
