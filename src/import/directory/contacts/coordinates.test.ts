import { describe, expect, it } from 'vitest';
import { readCoordinates, splitNumbers } from './coordinates.js';

describe('readCoordinates', () => {
  it('reads labelled phones and faxes, keeping numbers as printed', () => {
    expect(readCoordinates('Tél : + 33 (0)4.42.91.99.30')).toEqual({ phones: ['+ 33 (0)4.42.91.99.30'], faxes: [], emails: [], websites: [] });
    expect(readCoordinates('Fax: + 212 24 63 02 82')?.faxes).toEqual(['+ 212 24 63 02 82']);
    expect(readCoordinates('Tel : +212 69 77 82 84')?.phones).toEqual(['+212 69 77 82 84']);
    expect(readCoordinates('Tél.: 05 57 57 86 17')?.phones).toEqual(['05 57 57 86 17']);
    expect(readCoordinates('Port : +212 (0)37 51 35 19')?.phones).toEqual(['+212 (0)37 51 35 19']);
    expect(readCoordinates('Tél : + 33 (0)2 32 96 02 02 (poste 236)')?.phones).toEqual(['+ 33 (0)2 32 96 02 02 (poste 236)']);
  });

  it('reads "Tél/Fax" as both', () => {
    expect(readCoordinates('Tél/Fax : + 212 37 72 71 99')).toMatchObject({ phones: ['+ 212 37 72 71 99'], faxes: ['+ 212 37 72 71 99'] });
  });

  it('reads bare numbers, e-mails and websites, several to a line', () => {
    expect(readCoordinates('+ 212 39 37 26 22')?.phones).toEqual(['+ 212 39 37 26 22']);
    expect(readCoordinates('+ 212 (0)36 70 45 38 / ircod@menara.ma')).toEqual({ phones: ['+ 212 (0)36 70 45 38'], faxes: [], emails: ['ircod@menara.ma'], websites: [] });
    expect(readCoordinates('direction.jeunesse@ville-cléon.fr')?.emails).toEqual(['direction.jeunesse@ville-cléon.fr']);
    expect(readCoordinates('<http://www.saint-etienne.fr>')?.websites).toEqual(['http://www.saint-etienne.fr']);
    expect(readCoordinates('www.mairie-belfort.fr')?.websites).toEqual(['www.mairie-belfort.fr']);
  });

  it('reads a bare national number of any country printed with its trunk prefix 0, and no shorter run of digits', () => {
    expect(readCoordinates('04 42 91 99 30')?.phones).toEqual(['04 42 91 99 30']);
    expect(readCoordinates('0537 70 45 38')?.phones).toEqual(['0537 70 45 38']);
    expect(readCoordinates('030 1234 5678')?.phones).toEqual(['030 1234 5678']);
    for (const text of ['03 12 2006', '0 000', '01 02 03', `0${'1'.repeat(5000)}`]) expect(readCoordinates(text), text).toBeUndefined();
  });

  it('declines addresses, roles and postcodes', () => {
    for (const text of ['45 350', '4 000 Marrakech', 'Bd Mohamed V - 4000 MARRAKECH', 'Porte de Paris', 'Responsable du service', 'Télécommunications']) {
      expect(readCoordinates(text), text).toBeUndefined();
    }
  });
});

describe('splitNumbers', () => {
  it('splits two full numbers, keeps an alternative ending with its number', () => {
    expect(splitNumbers('+ 212 24 62 21 03 /+ 212 24 62 50 60')).toEqual(['+ 212 24 62 21 03', '+ 212 24 62 50 60']);
    expect(splitNumbers('+33 (0)4 66 76 51 01 / +33 (0)4.66.76.72.59')).toEqual(['+33 (0)4 66 76 51 01', '+33 (0)4.66.76.72.59']);
    expect(splitNumbers('+ 33 (0)4 91 57 54 78/54 68')).toEqual(['+ 33 (0)4 91 57 54 78/54 68']);
    expect(splitNumbers('+ 212 28 84 38 38 / 16 21')).toEqual(['+ 212 28 84 38 38 / 16 21']);
  });
});
