import { describe, expect, it } from 'vitest';
import { seedCountries as countries } from '../testing.js';
import { readLabel } from './labels.js';

describe('readLabel', () => {
  it('reads agent labels, with a party hint', () => {
    expect(readLabel('Agent en charge du dossier :', countries)).toEqual({ staffing: 'staff', rest: '' });
    expect(readLabel('Agents en charge du dossier :', countries)).toEqual({ staffing: 'staff', rest: '' });
    expect(readLabel('Agent en charge des dossiers :', countries)).toEqual({ staffing: 'staff', rest: '' });
    expect(readLabel('Également en charge du dossier :', countries)).toEqual({ staffing: 'staff', rest: '' });
    expect(readLabel('Agent en charge du dossier (CU de Lyon) :', countries)).toEqual({ staffing: 'staff', partyText: 'CU de Lyon', rest: '' });
  });

  it('reads elected labels, accented or not', () => {
    expect(readLabel('Élu en charge des Relations internationales :', countries)).toEqual({ staffing: 'elected', rest: '' });
    expect(readLabel('Elu en charge des Relations internationales :', countries)?.staffing).toBe('elected');
  });

  it('reads generic contact labels with their side and inline person', () => {
    expect(readLabel('Contact en France : M. SADOCCO, Chargé de mission', countries)).toEqual({ staffing: 'contact', country: 'FR', rest: 'M. SADOCCO, Chargé de mission' });
    expect(readLabel('Contacts à Fès', countries)).toEqual({ staffing: 'contact', placeText: 'Fès', rest: '' });
    expect(readLabel('Contact : M. Mohammed ZAOUI (Délégué Général, Antenne Maroc)', countries)?.rest).toBe('M. Mohammed ZAOUI (Délégué Général, Antenne Maroc)');
  });

  it('declines e-mails and ordinary lines', () => {
    expect(readLabel('contact@ville-clermont-ferrand.fr', countries)).toBeUndefined();
    expect(readLabel('Chargée de mission', countries)).toBeUndefined();
  });
});
