import { describe, expect, it } from 'vitest';
import { looksLikeCollectivityName, placeKey, readCollectivityNames } from './names.js';

describe('readCollectivityNames', () => {
  it.each([
    ["Ville d'Aix-en-Provence", 'FR', [["Ville d'Aix-en-Provence", 'Aix-en-Provence', 'commune']]],
    ["Commune urbaine d'Oujda", 'MA', [["Commune urbaine d'Oujda", 'Oujda', 'commune-urbaine']]],
    ['Ville de La Rochelle', 'FR', [['Ville de La Rochelle', 'La Rochelle', 'commune']]],
    ['Conseil général de la Seine-Saint-Denis', 'FR', [['Conseil général de la Seine-Saint-Denis', 'Seine-Saint-Denis', 'departement']]],
    ["Conseil régional de l'Oriental", 'MA', [["Conseil régional de l'Oriental", 'Oriental', 'region-ma']]],
    ['Conseil régional Rhône-Alpes', 'FR', [['Conseil régional Rhône-Alpes', 'Rhône-Alpes', 'region']]],
    ['Communauté urbaine Nantes Métropole', 'FR', [['Communauté urbaine Nantes Métropole', 'Nantes Métropole', 'communaute-urbaine']]],
    ["Préfecture d'Agadir", 'MA', [["Préfecture d'Agadir", 'Agadir', 'prefecture']]],
    ['Cercle de Tiflet', 'MA', [['Cercle de Tiflet', 'Tiflet', 'cercle']]],
    ['Province de Ouarzazate', 'MA', [['Province de Ouarzazate', 'Ouarzazate', 'province']]],
    ['Commune rurale de Souk El Khémis', 'MA', [['Commune rurale de Souk El Khémis', 'Souk El Khémis', 'commune-rurale']]],
    [
      'Ville et Communauté urbaine de Lyon',
      'FR',
      [
        ['Ville de Lyon', 'Lyon', 'commune'],
        ['Communauté urbaine de Lyon', 'Lyon', 'communaute-urbaine'],
      ],
    ],
    [
      'Ville de Lyon - Communauté urbaine de Lyon',
      'FR',
      [
        ['Ville de Lyon', 'Lyon', 'commune'],
        ['Communauté urbaine de Lyon', 'Lyon', 'communaute-urbaine'],
      ],
    ],
    [
      'Communes urbaines de Marrakech et de Meknès',
      'MA',
      [
        ['Commune urbaine de Marrakech', 'Marrakech', 'commune-urbaine'],
        ['Commune urbaine de Meknès', 'Meknès', 'commune-urbaine'],
      ],
    ],
    [
      'Communes urbaines de Rabat, Meknès, Marrakech et Fès',
      'MA',
      [
        ['Commune urbaine de Rabat', 'Rabat', 'commune-urbaine'],
        ['Commune urbaine de Meknès', 'Meknès', 'commune-urbaine'],
        ['Commune urbaine de Marrakech', 'Marrakech', 'commune-urbaine'],
        ['Commune urbaine de Fès', 'Fès', 'commune-urbaine'],
      ],
    ],
  ])('%s', (text, country, expected) => {
    expect(readCollectivityNames(text, country).map((c) => [c.name, c.place, c.kind])).toEqual(expected);
  });

  it('reads nothing from a line that names no collectivity', () => {
    expect(readCollectivityNames('Hôtel de Région', 'FR')).toEqual([]);
    expect(looksLikeCollectivityName('Partenaires')).toBe(false);
    expect(looksLikeCollectivityName("Ville d'Aix-en-Provence/Commune urbaine d'Oujda")).toBe(true);
  });
});

describe('placeKey', () => {
  it('folds the spellings of one place met in the book', () => {
    expect(placeKey('Tadla Azilal')).toBe(placeKey('Tadla-Azilal'));
    expect(placeKey('El Jadida')).toBe(placeKey('El Jedida'));
    expect(placeKey('Souss Mass Drâa')).toBe(placeKey('Souss Massa Drâa'));
    expect(placeKey('Agadir')).not.toBe(placeKey('Azrou'));
  });
});
