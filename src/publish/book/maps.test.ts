import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../model/fixtures/index.js';
import { bookMaps } from './maps.js';

describe("the book's maps", () => {
  it('draw the partner countries, then the home country, named from their profiles', () => {
    expect(bookMaps(loadFixture()).map(({ map, caption }) => [map.country, caption.split(' : ')[0]])).toEqual([
      ['MA', 'Le Maroc'],
      ['FR', 'La France'],
    ]);
    const senegal = loadFixture();
    senegal.directory = { ...senegal.directory, countries: ['FR', 'SN'] };
    for (const c of senegal.collectivities) if (c.country === 'MA') c.country = 'SN';
    for (const p of senegal.partnerships) for (const party of p.parties) if (party.country === 'MA') party.country = 'SN';
    const maps = bookMaps(senegal);
    expect(maps.map(({ map, caption }) => [map.country, caption.split(' : ')[0]])).toEqual([
      ['SN', 'Sénégal'],
      ['FR', 'La France'],
    ]);
    expect(maps[0]!.map.svg).toContain('<svg');
  });
});
