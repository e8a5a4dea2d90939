import { describe, expect, it } from 'vitest';
import { cleanLine, continuesPrevious, joinParts } from './line-text.js';

describe('line text', () => {
  it('cleans markup the caller may leave', () => {
    expect(cleanLine('**9^{ème} vice-président**')).toBe('9ème vice-président');
    expect(cleanLine('→ Contact en France :\u200B  M. X')).toBe('Contact en France : M. X');
  });

  it('tells a line carrying on the previous one', () => {
    expect(continuesPrevious('Adjoint au Maire', 'en charge des Relations internationales')).toBe(true);
    expect(continuesPrevious("Directeur du CCAS (Centre communal d'action sociale) de", 'Vienne')).toBe(true);
    expect(continuesPrevious('Chef de la Commission économique,', 'Sociale et culturelle')).toBe(true);
    expect(continuesPrevious('Chef de division', 'Economique et sociale')).toBe(false);
  });

  it('joins parts as one sentence, without dangling separators', () => {
    expect(joinParts(['Adjoint au Maire', 'en charge des Relations internationales'])).toBe('Adjoint au Maire en charge des Relations internationales');
    expect(joinParts(['Hôtel de Ville', '13616 Aix-en-Provence CEDEX 1'], ', ')).toBe('Hôtel de Ville, 13616 Aix-en-Provence CEDEX 1');
    expect(joinParts(['  ', 'Maire,'])).toBe('Maire');
    expect(joinParts([])).toBeUndefined();
  });
});
