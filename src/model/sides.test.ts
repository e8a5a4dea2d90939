import { describe, expect, it } from 'vitest';
import { bySide, homeCountry, partnerCountries, sideOf } from './sides.js';

describe('the sides of a directory', () => {
  const franceMorocco = { countries: ['FR', 'MA'] };
  const franceSenegalMali = { countries: ['FR', 'SN', 'ML'] };
  const moroccoFrance = { countries: ['MA', 'FR'] };

  it('takes the first country as home, the others as partners', () => {
    expect(homeCountry(franceMorocco)).toBe('FR');
    expect(partnerCountries(franceSenegalMali)).toEqual(['SN', 'ML']);
    expect(homeCountry(moroccoFrance)).toBe('MA');
  });

  it('decides a side from the directory, not from a country code', () => {
    expect(sideOf('FR', franceMorocco)).toBe('home');
    expect(sideOf('MA', franceMorocco)).toBe('partner');
    expect(sideOf('ML', franceSenegalMali)).toBe('partner');
    expect(sideOf('FR', moroccoFrance)).toBe('partner');
    expect(sideOf('MA', moroccoFrance)).toBe('home');
  });

  it('splits items by side, keeping their order', () => {
    const parties = [{ id: 'a', country: 'SN' }, { id: 'b', country: 'FR' }, { id: 'c', country: 'ML' }];
    const split = bySide(parties, (p) => p.country, franceSenegalMali);
    expect(split.home.map((p) => p.id)).toEqual(['b']);
    expect(split.partner.map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('refuses a directory without countries', () => {
    expect(() => homeCountry({ countries: [] })).toThrow(/home first/);
  });
});
