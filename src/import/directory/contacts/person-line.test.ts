import { describe, expect, it } from 'vitest';
import { readBareName, readPersonLine } from './person-line.js';

describe('readPersonLine', () => {
  it('keeps the civility apart and splits name from role at the first comma', () => {
    expect(readPersonLine('M. Bruno GENZANA')).toEqual([{ name: 'Bruno GENZANA', civility: 'M.', emails: [] }]);
    expect(readPersonLine('M. Ali BENJELLOUN, Vice-Président')).toEqual([{ name: 'Ali BENJELLOUN', civility: 'M.', role: 'Vice-Président', emails: [] }]);
    expect(readPersonLine('M. Abdelmajid QANQOM,')).toEqual([{ name: 'Abdelmajid QANQOM', civility: 'M.', emails: [] }]);
    expect(readPersonLine('M. ARGHLANE')).toEqual([{ name: 'ARGHLANE', civility: 'M.', emails: [] }]);
    expect(readPersonLine('M.Abou Bakr Belkora')).toEqual([{ name: 'Abou Bakr Belkora', civility: 'M.', emails: [] }]);
    expect(readPersonLine('M. Jacques ROCCA SERRA, Adjoint au Maire')?.[0]?.role).toBe('Adjoint au Maire');
  });

  it('reads two persons on one line', () => {
    expect(readPersonLine('Mme Danièle BERNARDINI, Mme Corinne NOBILI')).toEqual([
      { name: 'Danièle BERNARDINI', civility: 'Mme', emails: [] },
      { name: 'Corinne NOBILI', civility: 'Mme', emails: [] },
    ]);
  });

  it('takes an inline e-mail out of the role, and a role in brackets', () => {
    expect(readPersonLine('Mme Deya BENJELLOUN, Responsable de la Division - deya_cu@yahoo.fr')).toEqual([
      { name: 'Deya BENJELLOUN', civility: 'Mme', role: 'Responsable de la Division', emails: ['deya_cu@yahoo.fr'] },
    ]);
    expect(readPersonLine('M. Mohammed ZAOUI (Délégué Général, Antenne Maroc)')).toEqual([
      { name: 'Mohammed ZAOUI', civility: 'M.', role: 'Délégué Général, Antenne Maroc', emails: [] },
    ]);
  });

  it('is not fooled by words starting like an honorific', () => {
    expect(readPersonLine('Marrakech 40000')).toBeUndefined();
    expect(readPersonLine('Mmes')).toBeUndefined();
    expect(readPersonLine('Mairie de Safi')).toBeUndefined();
  });
});

describe('readBareName', () => {
  it('reads a given name and a surname in capitals, nothing else', () => {
    expect(readBareName('Azeddine OULADDAHOU')).toEqual({ name: 'Azeddine OULADDAHOU', emails: [] });
    expect(readBareName('HAY RIAD')).toBeUndefined();
    expect(readBareName('Chef de cabinet')).toBeUndefined();
    expect(readBareName('Marrakech')).toBeUndefined();
  });
});
