import { describe, expect, it } from 'vitest';
import { editDistance, escapeHtml, excerptHtml, fold, indexTerms, queryTerms, stem, tokenize } from './text.js';

describe('the French normaliser', () => {
  it('folds case, accents and ligatures', () => {
    expect(fold('Fès')).toBe('fes');
    expect(fold('Énergie')).toBe('energie');
    expect(fold('cœur')).toBe('coeur');
    expect(fold('Œuvre')).toBe('oeuvre');
    expect(fold('ÆGIS')).toBe('aegis');
    expect(fold('ﬁnancement')).toBe('financement');
  });

  it('keeps Arabic words, folded as every comparison folds them (text/fold.ts)', () => {
    // harakat, alef forms, ta marbuta and tatweel: the same word however it is written
    expect(fold('مَدْرَسَة')).toBe(fold('مدرسه'));
    expect(fold('أكادير')).toBe(fold('اكادير'));
    expect(fold('الرباط')).not.toBe('');
    expect(fold('الرباط')).not.toBe(fold('مراكش'));
    expect(tokenize('جماعة الرباط').map((t) => t.folded)).toHaveLength(2);
  });

  it('reduces plurals to one stem', () => {
    const same = (a: string, b: string) => expect(stem(fold(a))).toBe(stem(fold(b)));
    same('échanges', 'échange');
    same('eaux', 'eau');
    same('internationaux', 'international');
    same('internationales', 'international');
    same('travaux', 'travail');
    same('énergie', 'energie');
    same('jeux', 'jeu');
    expect(stem('fes')).toBe('fes');
    expect(stem('pays')).toBe('pays');
  });

  it('cuts words at hyphens and apostrophes and drops lone letters', () => {
    expect(tokenize("Aix-en-Provence et l'eau").map((t) => t.folded)).toEqual(['aix', 'en', 'provence', 'et', 'eau']);
    expect(indexTerms('Les Échanges')).toEqual(['les', 'echang']);
  });

  it('keeps the places of words in the original text', () => {
    const text = 'à Fès, cœur';
    const [fes, coeur] = tokenize(text);
    expect(text.slice(fes!.start, fes!.end)).toBe('Fès');
    expect(text.slice(coeur!.start, coeur!.end)).toBe('cœur');
  });

  it('reads a query: stop words dropped beside other words, the last word a prefix while typed', () => {
    expect(queryTerms("l'eau de Fès")).toMatchObject({ exact: ['eau'], prefixes: ['fes'], words: ['eau', 'fes'], excluded: [] });
    expect(queryTerms('de')).toMatchObject({ exact: [], prefixes: ['de'], words: ['de'] });
    expect(queryTerms('marra ')).toMatchObject({ exact: ['marra'], prefixes: [], words: ['marra'] });
    expect(queryTerms('energie').prefixes).toEqual(['energi']);
    expect(queryTerms('"*(NEAR:-AND')).toMatchObject({ exact: ['near'], prefixes: ['and'], words: ['near', 'and'], excluded: [] }); // words, not syntax
    expect(queryTerms('').exact).toEqual([]);
    // a query without OR is one group: the words themselves
    const plain = queryTerms('eau potable');
    expect(plain.groups).toEqual([{ exact: plain.exact, prefixes: plain.prefixes, words: plain.words }]);
  });

  it('reads OR (or OU) between groups of words, and a minus before a word to leave out', () => {
    const either = queryTerms('eau OR assainissement');
    expect(either.groups).toEqual([
      { exact: ['eau'], prefixes: [], words: ['eau'] },
      { exact: [], prefixes: ['assainissement'], words: ['assainissement'] },
    ]);
    expect(queryTerms('eaux ou assainissement ').groups.map((g) => g.exact)).toEqual([['eau'], ['assainissement']]);
    expect(queryTerms('marrakech culture OR agadir ').groups.map((g) => g.exact)).toEqual([['marrakech', 'cultur'], ['agadir']]);
    expect(queryTerms('culture -festivals')).toMatchObject({ exact: ['cultur'], prefixes: [], excluded: ['festival'], groups: [{ exact: ['cultur'] }] });
    expect(queryTerms('-festival')).toMatchObject({ groups: [], excluded: ['festival'] });
    // not operators: "ou" alone is a word, a hyphen inside a word joins it, a minus before nothing is punctuation
    expect(queryTerms('ou').groups).toHaveLength(1);
    expect(queryTerms('Aix-en-Provence').excluded).toEqual([]);
    expect(queryTerms('eau - potable').excluded).toEqual([]);
    expect(queryTerms('eau OR').groups).toEqual([{ exact: ['eau'], prefixes: [], words: ['eau'] }]);
  });
});

describe('excerpts', () => {
  it('escapes everything and marks the original accented words', () => {
    const html = excerptHtml('<script>alert("x")</script> La coopération à Fès & Meknès', queryTerms('fes'));
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<mark>Fès</mark>');
    expect(html).toContain('&amp;');
  });

  it('starts near the first match in a long text', () => {
    const text = `${'mot '.repeat(200)}les échanges culturels ${'fin '.repeat(100)}`;
    const html = excerptHtml(text, queryTerms('échange '));
    expect(html.startsWith('… ')).toBe(true);
    expect(html).toContain('<mark>échanges</mark>');
    expect(html.length).toBeLessThan(400);
  });

  it('shows the beginning when nothing matches', () => {
    expect(excerptHtml('Un texte', queryTerms('zzz'))).toBe('Un texte');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

describe('edit distance', () => {
  it('counts edits and gives up above the bound', () => {
    expect(editDistance('environnement', 'environnement', 2)).toBe(0);
    expect(editDistance('enviromnent', 'environment', 3)).toBe(1);
    expect(editDistance('abc', 'xyzuvw', 2)).toBe(3);
  });
});
