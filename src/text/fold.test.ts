import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey, foldText, slugOf } from './fold.js';

describe('foldText', () => {
  it('folds Latin case, accents and ligatures, keeping punctuation', () => {
    expect(foldText('  Hôtel de Ville — Œuvre,  Straße ')).toBe('hotel de ville — oeuvre, strasse');
    expect(foldText("L'Haÿ-les-Roses")).toBe("l'hay-les-roses");
    expect(foldText('İstanbul')).toBe('istanbul');
  });

  it('folds Arabic harakat, alef forms, alef maqsura, ta marbuta, tatweel and digits', () => {
    expect(foldText('الرَّبَاط')).toBe(foldText('الرباط'));
    expect(foldText('أحمد')).toBe(foldText('احمد'));
    expect(foldText('إسلام')).toBe('اسلام');
    expect(foldText('آمنة')).toBe('امنه');
    expect(foldText('ٱلله')).toBe('الله');
    expect(foldText('مصطفى')).toBe('مصطفي');
    expect(foldText('مـــراكش')).toBe('مراكش');
    expect(foldText('٢٠٠٨ ۱۹')).toBe('2008 19');
  });

  it('keeps two different Arabic names apart', () => {
    expect(foldText('الرباط')).not.toBe(foldText('مراكش'));
    expect(foldKey('الرباط')).not.toBe(foldKey('مراكش'));
    expect(foldKey('الرباط')).not.toBe('');
  });

  it('is empty for an empty or blank text', () => {
    expect(foldText('')).toBe('');
    expect(foldText(' \t\n ')).toBe('');
    expect(foldKey('— , ;')).toBe('');
  });
});

describe('foldKey', () => {
  it('keeps the letters and digits of every script, every other run one space', () => {
    expect(foldKey("Conseil régional d'Île-de-France (2008)")).toBe('conseil regional d ile de france 2008');
    expect(foldKey('Commune de Tiflet – تيفلت')).toBe('commune de tiflet تيفلت');
    expect(foldKey('l’eau_potable')).toBe('l eau potable');
  });
});

describe('slugOf', () => {
  it('joins the ASCII words with hyphens, cut at a word boundary', () => {
    expect(slugOf('Ville de Saint-Étienne', 20)).toBe('ville-de-saint');
    expect(slugOf('Rabat الرباط')).toBe('rabat');
    expect(slugOf('')).toBe('');
  });

  it('gives a text with no ASCII letter a stable short hash of its key', () => {
    const rabat = slugOf('الرباط');
    expect(rabat).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(slugOf('الرَّبَاط')).toBe(rabat);
    expect(slugOf('مراكش')).not.toBe(rabat);
  });
});

describe('folding properties', () => {
  const texts = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(foldText(foldText(text))).toBe(foldText(text));
        expect(foldKey(foldKey(text))).toBe(foldKey(text));
        expect(foldKey(foldText(text))).toBe(foldKey(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('always gives an id part or nothing', () => {
    fc.assert(fc.property(texts, fc.integer({ min: 1, max: 80 }), (text, max) => {
      const slug = slugOf(text, max);
      expect(slug === '' || /^[a-z0-9][a-z0-9-]*$/.test(slug)).toBe(true);
      expect(slug.length).toBeLessThanOrEqual(max);
    }), { numRuns: 1000 });
  });
});
