import { describe, expect, it } from 'vitest';
import { guardFormula, startsLikeFormula } from './formula-guard.js';
import { FORMULA_PAYLOADS } from './test-support/formula-payloads.js';

describe('guardFormula', () => {
  it("guards every one of OWASP's payloads with a leading apostrophe", () => {
    for (const payload of FORMULA_PAYLOADS) {
      expect(startsLikeFormula(payload), JSON.stringify(payload)).toBe(true);
      expect(guardFormula(payload)).toBe(`'${payload}`);
    }
  });

  it('guards whatever follows the first character, and leaves other text alone', () => {
    for (const text of ['-2+3', '+ 33 (0)4 42 91 90 00', '- Formation des élus', '@', '\t', '=']) expect(guardFormula(text)).toBe(`'${text}`);
    for (const text of ['Aix-en-Provence', '2007-07', ' =1+2', "'=1+2", '', 'a=b']) expect(guardFormula(text), JSON.stringify(text)).toBe(text);
  });
});
