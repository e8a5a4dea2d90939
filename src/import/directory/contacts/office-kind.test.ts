import { describe, expect, it } from 'vitest';
import { associationInRole, officeKind } from './office-kind.js';

describe('officeKind', () => {
  it('reads elected offices', () => {
    for (const role of ['Adjoint au Maire', 'Maire-Adjoint', 'Premier Vice-Président', 'Vice Présidente', 'Conseiller général délégué aux Relations internationales', 'Conseillère municipale', 'Septième Adjoint', 'Président du conseil', '9ème vice-président', 'Chef de la Commission économique, sociale et culturelle', 'Député-Maire']) {
      expect(officeKind(role), role).toBe('elected');
    }
  });

  it('reads jobs, the first office word deciding', () => {
    for (const role of ['Directrice des Relations internationales', 'Chargée de mission', 'Chef de division', 'Responsable du service', 'Secrétaire Général', 'Administrateur adjoint', 'Directeur Adjoint aux Relations internationales', 'Adjointe au Directeur des Relations Internationales', 'Ingénieur principal', 'Collaborateurs de M. le Wali', 'Cadre en charge des affaires culturelles', 'Collaboratrice de cabinet, Chargée de la coopération']) {
      expect(officeKind(role), role).toBe('staff');
    }
  });

  it('reads an association officer as other, and finds the association', () => {
    expect(officeKind("Président de l'association Amal Dadès")).toBe('other');
    expect(associationInRole("Président de l'association Amal Dadès")).toBe('Association Amal Dadès');
    expect(officeKind('Service échanges internationaux et Vie associative')).toBeUndefined();
    expect(officeKind(undefined)).toBeUndefined();
  });
});
