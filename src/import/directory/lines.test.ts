import { describe, expect, it } from 'vitest';
import { normaliseLine, toLines } from './lines.js';

describe('toLines', () => {
  it('keeps the source line numbers and drops blank lines', () => {
    expect(toLines('\n\nVilles\n\nVille de Paris\n').lines).toEqual([
      { n: 3, text: 'Villes' },
      { n: 5, text: 'Ville de Paris' },
    ]);
  });

  it('splits a heading glued to the next paragraph by the transcription', () => {
    expect(toLines('INFORMATIONS RELATIVES AU PARTENARIAT**Contacts à Fès**').lines).toEqual([
      { n: 1, text: 'INFORMATIONS RELATIVES AU PARTENARIAT' },
      { n: 1, text: 'Contacts à Fès' },
    ]);
  });

  it('reads a line printed twice once, with a note', () => {
    const { lines, notes } = toLines('Mme Latifa CHAY, Adjoint au Maire\nMme Latifa CHAY, Adjoint au Maire\nDéléguée');
    expect(lines.map((l) => l.n)).toEqual([1, 3]);
    expect(notes).toEqual([expect.objectContaining({ kind: 'duplicate-line', line: 2 })]);
  });
});

describe('normaliseLine', () => {
  it.each([
    ['→ *Objectifs :* Mettre en œuvre', '→ Objectifs : Mettre en œuvre'],
    ['Date : 1^{er} février 2006.', 'Date : 1er février 2006.'],
    ['Cofinancement PAD : 136 542€€ - dont Rabat', 'Cofinancement PAD : 136 542€ - dont Rabat'],
    ['- ✓ *Optimisation des infrastructures existantes ;*', '- Optimisation des infrastructures existantes ;'],
    ['<http://www.saint-etienne.fr>', 'http://www.saint-etienne.fr'],
    ['Description du projet`', 'Description du projet'],
    ['➤ **Tourisme**', '➤ Tourisme'],
  ])('%s', (raw, clean) => expect(normaliseLine(raw)).toBe(clean));
});
