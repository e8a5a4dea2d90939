import { describe, expect, it } from 'vitest';
import { isAddressLine } from './address.js';

describe('isAddressLine', () => {
  it('reads streets, post boxes and postcodes', () => {
    for (const line of ['17-19 rue des Archers', 'Bd Mohamed V - 4000 MARRAKECH', 'BP 585 - Meknès', 'Taroudannt B.P. 254', 'BP74 Ouarzazate', 'PP 580', 'Marrakech 40000', '20 000 Ajaccio', 'Médiathèque, Cité M\'haïta', 'Quartier Administratif BP 20/S', 'Av. Moulay El Hassan El Ouazzani', 'Place Al Joulane', 'Tour Rond Point 93', '13481Marseille Cedex 20']) {
      expect(isAddressLine(line), line).toBe(true);
    }
  });

  it('declines roles, ordinals and towns alone', () => {
    for (const line of ['9ème vice-président', 'Chargé de la mise en place du projet', 'Directeur des services', 'Rabat', 'Essaouira']) {
      expect(isAddressLine(line), line).toBe(false);
    }
  });

});
