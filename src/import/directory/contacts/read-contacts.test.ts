/**
 * The reader on real blocks of the 2008 directory (fixtures/*.txt, original line numbers kept).
 * For every block: each printed e-mail lands exactly once, every contact has its side, kind,
 * role and phones as expected, every institution block its collectivity, and no line is left over.
 */
import { describe, expect, it } from 'vitest';
import { Contact } from '../../../model/schema.js';
import { emailsIn, FIXTURES, loadFixture } from './fixtures.js';
import { seedCountries as countries } from '../testing.js';
import { readContacts } from './read-contacts.js';
import type { ContactsReading } from './types.js';

/** [name, collectivityId, kind, role, phones] */
type Row = [string, string, string, string, string[]];

function read(name: string): ContactsReading {
  const { parties, defaultSide } = FIXTURES[name]!;
  return readContacts(loadFixture(name), parties, { countries, ...(defaultSide ? { defaultSide } : {}) });
}

const EXPECTED: Record<string, { contacts: Row[]; institutions: string[] }> = {
  'aix-oujda': {
    contacts: [
      ['Bruno GENZANA', 'fr-commune-aix-en-provence', 'elected', 'Adjoint au Maire en charge des Relations internationales', []],
      ['Michèle COUËTMEUR', 'fr-commune-aix-en-provence', 'staff', 'Directrice des Relations internationales et européennes', ['+ 33 (0)4.42.91.99.30']],
      ['Noureddine ZERZOURI', 'ma-commune-oujda', 'elected', 'Président de la commission permanente de la coopération décentralisée et des affaires extérieures', []],
      ['Mohammed MOUHIB', 'ma-commune-oujda', 'staff', 'Responsable du service coopération', ['+ 212 (0)61 36 14 04']],
    ],
    institutions: ['fr-commune-aix-en-provence', 'ma-commune-oujda'],
  },
  'ajaccio-marrakech': {
    contacts: [
      ['François CASASOPRANA', 'fr-commune-ajaccio', 'elected', 'Adjoint au Maire Chargé des Relations internationales', []],
      ['Omar EL JAZOULI', 'ma-commune-marrakech', 'elected', 'Président', []],
      ['Danièle BERNARDINI', 'fr-commune-ajaccio', 'staff', 'Chargées des relations Internationales Direction Générale Adjointe Stratégies Evaluation Prospective', ['+ 33 (0)4 95 10 63 30']],
      ['Corinne NOBILI', 'fr-commune-ajaccio', 'staff', 'Chargées des relations Internationales Direction Générale Adjointe Stratégies Evaluation Prospective', ['+ 33 (0)4 95 10 63 30']],
      ['Deya BENJELLOUN', 'ma-commune-marrakech', 'staff', 'Chef de division de la Coopération décentralisée', ['+ 212 64 77 38 57']],
    ],
    institutions: ['fr-commune-ajaccio', 'ma-commune-marrakech'],
  },
  'belfort-mohammedia': {
    contacts: [
      ['Etienne BUTZBACH', 'fr-commune-belfort', 'elected', 'Maire', []],
      ['Ouahid JAMAI', 'ma-commune-mohammedia', 'elected', 'Premier Vice-Président', []],
      ['Amel DJAFFAR', 'fr-commune-belfort', 'staff', 'Responsable des Relations internationales', ['+33 (0)3 84 54 27 81']],
      ['Ahmed EL DRIOUCH', 'ma-commune-mohammedia', 'staff', 'Secrétaire général', []],
    ],
    institutions: ['fr-commune-belfort', 'ma-commune-mohammedia'],
  },
  'caudebec-souk-el-khemis': {
    contacts: [
      ['Cécile MOINDROT', 'fr-commune-caudebec-les-elbeuf', 'elected', 'Adjoint au Maire', ['+ 33 (0)2 32 96 02 01']],
      ['Elhoussaine JAIZI', 'ma-commune-souk-el-khemis', 'elected', 'Président', []],
      ['Noémie VIOLETTE', 'fr-commune-caudebec-les-elbeuf', 'staff', 'Service échanges internationaux et Vie associative', ['+ 33 (0)2 32 96 02 02 (poste 236)']],
      ['ARGHLANE', 'ma-commune-souk-el-khemis', 'staff', 'Directeur des services', []],
    ],
    institutions: ['fr-commune-caudebec-les-elbeuf', 'ma-commune-souk-el-khemis'],
  },
  'cleon-souk-el-khemis': {
    contacts: [
      ['Alain OVIDE', 'fr-commune-cleon', 'elected', 'Maire', []],
      ['Youssef TALLAL', 'fr-commune-cleon', 'staff', 'Responsable du service jeunesse', ['+ 33 (0)2 32 96 25 49']],
      ['Ahmed EL GHAZI', 'ma-commune-souk-el-khemis', 'elected', 'Vice-Président', []],
      ['Mohamed KBAILI', 'ma-commune-souk-el-khemis', 'other', 'Président de l\'association Amal Dadès', ['+212 62 62 21 58']],
    ],
    institutions: ['fr-commune-cleon', 'ma-commune-souk-el-khemis'],
  },
  'clermont-marrakech': {
    contacts: [
      ['Serge GODARD', 'fr-commune-clermont-ferrand', 'elected', 'Maire', []],
      ['Gérard QUENOT', 'fr-commune-clermont-ferrand', 'staff', '', ['+33 (0)6 73 99 10 13']],
      ['Omar EL JAZOULI', 'ma-commune-marrakech', 'elected', 'Président', []],
      ['Deya BENJELLOUN', 'ma-commune-marrakech', 'staff', 'Chef de la division de la coopération décentralisée et des Relations internationales', ['+212 24 38 71 84']],
      ['Hassan EZZAOUAK', 'ma-commune-marrakech', 'staff', 'Coordonnateur des Actions sociales et Urbaines de Hay Essalm', ['+212 24 38 69 02']],
    ],
    institutions: ['fr-commune-clermont-ferrand', 'ma-commune-marrakech'],
  },
  'montreuil-agadir': {
    contacts: [
      ['Alexandre TUAILLON', 'fr-commune-montreuil', 'elected', 'Maire-Adjoint', []],
      ['Mayté GERSCHWITZ', 'fr-commune-montreuil', 'staff', 'Chargée de mission / responsable administrative et financière Service des échanges internationaux', []],
      ['Mohammed EL HALAISSI', 'ma-commune-agadir', 'elected', 'Maire-Adjoint', ['+ 212 28 84 38 38 / 16 21']],
    ],
    institutions: ['fr-commune-montreuil', 'ma-commune-agadir'],
  },
  'nimes-meknes': {
    contacts: [
      ['Marie-France JUANICO', 'fr-commune-nimes', 'elected', 'Conseiller municipal', []],
      ['Catherine ALTEIRAC', 'fr-commune-nimes', 'staff', 'Direction de la jeunesse', ['+33 (0)66 27 76 98 / 96']],
      ['Patricia BOURGES', 'fr-commune-nimes', 'staff', 'Direction de la jeunesse', ['+33 (0)66 27 76 98 / 96']],
      ['Aboubakr BELKORA', 'ma-commune-meknes', 'elected', 'Président de la commune urbaine de Meknès', []],
      ['Karima BOUCHAARA', 'ma-commune-meknes', 'staff', 'Chargée de mission', []],
    ],
    institutions: ['fr-commune-nimes', 'ma-commune-meknes'],
  },
  'romans-taroudannt': {
    contacts: [
      ['Latifa CHAY', 'fr-commune-romans', 'elected', 'Adjoint au Maire Déléguée au Service des Relations internationales', []],
      ['Frédéric DESHAYES', 'fr-commune-romans', 'staff', 'Chef de service Mission Europe et International', []],
      ['Yann CRESPEL', 'fr-commune-romans', 'staff', 'Chargé de mission action internationale et coordinateur Romans-Taroudannt', ['+33 (0)4 75 05 90 26']],
      ['Abdelmajid QANQOM', 'ma-commune-taroudannt', 'elected', 'Conseiller municipal', []],
      ['Mustapha MOURTAKI', 'ma-commune-taroudannt', 'staff', 'Responsable de la division de la coopération et de la culture', ['+212 69 77 82 84']],
    ],
    institutions: ['fr-commune-romans'],
  },
  'tours-marrakech': {
    contacts: [
      ['Roseline GIRARD', 'fr-commune-tours', 'staff', 'Directrice des Relations Internationales, de la coopération décentralisée, des Affaires européennes', ['+ 33 (0)2.47.21.64.68']],
      ['Deya BENJELLOUN', 'ma-commune-marrakech', 'staff', 'Chef de division de la Coopération décentralisée', []],
      ['Nabil BOUCHRA', 'ma-commune-marrakech', 'staff', 'Responsable du Service Informatique', []],
    ],
    institutions: ['fr-commune-tours', 'ma-commune-marrakech'],
  },
  'vienne-tiflet': {
    contacts: [
      ['Patrick CURTAUD', 'fr-commune-vienne', 'elected', '', []],
      ['Catherine GIRARD', 'fr-commune-vienne', 'staff', 'Directeur du CCAS (Centre communal d\'action sociale) de Vienne', ['+33 (0)6 72 83 52 02']],
      ['Ismaël BENOURI', 'ma-commune-tiflet', 'staff', 'Directeur de la maison de la jeunesse et des sports', ['+212 (0) 61 60 71 37', '+212 (0)37 51 35 19']],
      ['Nabil QSIR', 'ma-commune-tiflet', 'staff', 'Ingénieur, chef de service des travaux municipaux', ['+212 (0) 61 21 08 06']],
    ],
    institutions: ['fr-commune-vienne'],
  },
  'lyon-rabat': {
    contacts: [
      ['Jean-Michel DACLIN', 'fr-communaute-urbaine-lyon', 'elected', 'Vice-président de la CU Chargé des Relations internationales', []],
      ['Réda BENKHALDOUNE', 'fr-commune-lyon', 'elected', 'Adjoint au Maire Chargé de la Coopération internationale', []],
      ['Abdessamad TRITAH', 'fr-commune-lyon', 'staff', 'Chef de projet Relations internationales', ['+ 33 (0)4 26 99 77 07']],
      ['Kamal ZIKRI', 'ma-commune-rabat', 'staff', 'Chef de division de la Coopération décentralisée', ['+212 61 21 75 69']],
      ['Guy PEYRETTI', 'fr-communaute-urbaine-lyon', 'staff', 'Directeur Adjoint aux Relations internationales', ['+33 (0)4 78 63 42 99']],
    ],
    institutions: ['fr-commune-lyon', 'ma-commune-rabat', 'fr-communaute-urbaine-lyon'],
  },
  'allier-tiflet': {
    contacts: [
      ['Michel TABUTIN', 'fr-departement-allier', 'elected', 'Conseiller Général Subdélégué à la Coopération', ['+ 33 (0)4 70 28 80 09']],
      ['Anne ROUSSAT', 'fr-departement-allier', 'staff', 'Responsable du service stratégies territoriales et coopération internationale', ['+ 33 (0)4 70 34 14 05']],
      ['Driss BOUNAIM', 'ma-cercle-tiflet', 'other', 'Secrétaire Général de l\'Association Tiflet Al Maamora', []],
      ['Ismail BENOURI', 'ma-cercle-tiflet', 'staff', 'Directeur de la Maison de la Jeunesse et des Sports', ['+ 212 61 60 71 37']],
      ['Nabil QSIR', 'ma-cercle-tiflet', 'staff', 'Ingénieur Chef de service des Travaux Municipaux', ['+ 212 61 21 08 06']],
    ],
    institutions: ['fr-departement-allier'],
  },
  'loire-atlantique-agadir': {
    contacts: [
      ['Bertrand HERZOG', 'fr-departement-loire-atlantique', 'staff', '', ['+ 33 (0)2 40 99 13 53']],
      ['Azeddine OULADDAHOU', 'ma-prefecture-agadir', 'staff', 'Chef de cabinet', ['+ 212 (0)68 32 30 55']],
      ['Abdellatif CHOULLI', 'ma-prefecture-agadir', 'staff', 'Chef division des affaires rurales', ['+ 212 (0)48 84 53 57']],
    ],
    institutions: ['fr-departement-loire-atlantique', 'ma-prefecture-agadir'],
  },
  'seine-saint-denis-figuig': {
    contacts: [
      ['Gilbert ROGER', 'fr-departement-seine-saint-denis', 'elected', 'Premier vice-Président', []],
      ['Amar ABOU', 'ma-commune-figuig', 'elected', 'Premier Vice-Président', []],
      ['Marie-Hélène CHAMBRIN', 'fr-departement-seine-saint-denis', 'staff', 'Directeur territorial Chargée de projets Service des Relations internationales', ['+33 (0)1 43 93 77 61']],
      ['Brahim BAHOU', 'ma-commune-figuig', 'staff', 'Administrateur adjoint', []],
    ],
    institutions: ['fr-departement-seine-saint-denis', 'ma-commune-figuig'],
  },
  'bourgogne-marrakech-meknes': {
    contacts: [
      ['Marie-Françoise MULLER', 'fr-region-bourgogne', 'elected', 'Vice-Présidente en charge de l\'Europe, de l\'International et de la Coopération décentralisée', ['+ 33 (0)3 80 44 35 33']],
      ['Emilie CASTEL', 'fr-region-bourgogne', 'staff', 'Chargée de mission Solidarité Internationale', ['+ 33 (0)3 80 44 33 68']],
      ['Abou Bakr BELKORA', 'ma-commune-meknes', 'elected', 'Président de la commune urbaine de Meknès', []],
      ['Omar EL JAZOULI', 'ma-commune-marrakech', 'elected', 'Président de la Commune urbaine de Marrakech', []],
    ],
    institutions: ['fr-region-bourgogne', 'ma-commune-meknes', 'ma-commune-marrakech'],
  },
  'champagne-ardenne-oriental': {
    contacts: [
      ['Claudine LEDOUX', 'fr-region-champagne-ardenne', 'elected', 'Vice-Présidente en charge des relations internationales, des questions européennes et des coopérations transfrontalières', []],
      ['Tayeb RHAFES', 'ma-region-ma-oriental', 'elected', 'Président', []],
      ['Abderrahim EL KHANTOUR', 'fr-region-champagne-ardenne', 'staff', 'Responsable Pôle Relations Internationales et Coopération Décentralisée', ['03 26 70 66 18']],
      ['Mohammed ZEROUALI', 'ma-region-ma-oriental', 'staff', 'Chargé de Coopération', []],
    ],
    institutions: ['fr-region-champagne-ardenne', 'ma-region-ma-oriental'],
  },
  'nord-pas-de-calais-doukkala-abda': {
    contacts: [
      ['Ginette VERBRUGGHE', 'fr-region-nord-pas-de-calais', 'elected', 'Vice Présidente Déléguée aux Relations Internationales, Partenariats Associatifs et Economie Solidaire', []],
      ['Laurent ROUSSEAUX', 'fr-region-nord-pas-de-calais', 'staff', 'Chargé de mission, Direction des Partenariats Internationaux et Régionaux', ['+ 33 (0)3 28 82 77 45']],
      ['Mohammed KARIME', 'ma-region-ma-doukkala-abda', 'elected', 'Président', []],
      ['Asma MEFTAH', 'ma-region-ma-doukkala-abda', 'staff', 'Collaborateurs de M. le Wali', ['+ 212 24 62 22 72/75']],
      ['Mohammed EL IDRISI', 'ma-region-ma-doukkala-abda', 'staff', 'Collaborateurs de M. le Wali', ['+ 212 24 62 22 72/75']],
    ],
    institutions: ['fr-region-nord-pas-de-calais', 'ma-region-ma-doukkala-abda'],
  },
  'paca-tanger-tetouan': {
    contacts: [
      ['Michel VAUZELLE', 'fr-region-provence-alpes-cote-d-azur', 'elected', 'Président', []],
      ['Abdelhadi BENALLAL', 'ma-region-ma-tanger-tetouan', 'elected', 'Président', []],
      ['Laurence MERCADAL', 'fr-region-provence-alpes-cote-d-azur', 'staff', 'Chargée de mission Relations internationales', ['+ 33 (0)4 91 57 54 78/54 68']],
      ['Saïd EL FTOUHI', 'ma-region-ma-tanger-tetouan', 'staff', 'Responsable du service Coopération décentralisée', []],
    ],
    institutions: ['fr-region-provence-alpes-cote-d-azur', 'ma-region-ma-tanger-tetouan'],
  },
  'rhone-alpes-rabat-sale': {
    contacts: [
      ['Jean-Philippe BAYON', 'fr-region-rhone-alpes', 'elected', 'Vice-Président délégué à la Solidarité internationale et à la Coopération décentralisée', []],
      ['Abdelkébir BERKIA', 'ma-region-ma-rabat-sale-zemmour-zaer', 'elected', 'Président', []],
      ['Corinne BISSARDON', 'fr-region-rhone-alpes', 'staff', 'Chargée de mission Bassin méditerranéen', ['+ 33 (0)4 72 59 43 19']],
    ],
    institutions: ['fr-region-rhone-alpes', 'ma-region-ma-rabat-sale-zemmour-zaer'],
  },
  'marseille-rabat': {
    contacts: [
      ['Noura KILANI', 'ma-commune-rabat', 'staff', 'Responsable des Relations internationales et de la Coopération', ['+ 212 37 63 10 30', '+ 212 37 75 42 94']],
    ],
    institutions: [],
  },
  'marseille-marrakech': {
    contacts: [
      ['Deya BENJELLOUN', 'ma-commune-marrakech', 'staff', 'Responsable de la Division de la Coopération décentralisée et des Relations Internationales', []],
    ],
    institutions: ['ma-commune-marrakech'],
  },
  'marseille-fes': {
    contacts: [
      ['Mohamed LARAQUI HOUSSEINI', 'ma-commune-fes', 'elected', 'Adjoint au Président', []],
      ['Abdelmajid NJIOUI', 'ma-commune-fes', 'staff', 'Chef du Service des Relations Internationales et de la Coopération', ['+ 212 55 62 56 95']],
    ],
    institutions: ['ma-commune-fes'],
  },
  'brief-clichy-agadir': {
    contacts: [
      ['Serge SETTERHAMANE', 'fr-commune-clichy-la-garenne', 'elected', 'Adjoint au Maire, délégué aux Relations internationales', ['+ 33 (0)1 47 15 32 30']],
    ],
    institutions: ['fr-commune-clichy-la-garenne'],
  },
  'brief-montpellier-fes': {
    contacts: [
      ['Marie-José JEAN', 'fr-commune-montpellier', 'staff', 'Responsable des Relations internationales', ['+ 33 (0)4 67 34 70 11']],
    ],
    institutions: [],
  },
};

describe('readContacts on the directory blocks', () => {
  it('has a fixture for every expectation and the reverse', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    describe(name, () => {
      const reading = read(name);

      it('places every printed e-mail exactly once', () => {
        const placed = [...reading.contacts.flatMap((c) => c.emails ?? []), ...reading.institutions.flatMap((i) => i.emails)];
        expect(placed.sort()).toEqual(emailsIn(loadFixture(name)).sort());
      });

      it('reads each contact: side, kind, role, phones', () => {
        const rows = reading.contacts.map((c): Row => [c.name, c.collectivityId ?? '', c.kind ?? '', c.role ?? '', c.phones ?? []]);
        expect(rows).toEqual(expected.contacts);
      });

      it('gives each institution block its collectivity', () => {
        expect(reading.institutions.map((i) => i.collectivityId)).toEqual(expected.institutions);
      });

      it('leaves no line unplaced', () => {
        expect(reading.notes).toEqual([]);
      });

      it('builds contacts the interchange schema accepts, with lines inside the block', () => {
        const lines = loadFixture(name);
        for (const { lines: span, ...contact } of reading.contacts) {
          expect(Contact.safeParse(contact).success).toBe(true);
          expect(span[0]).toBeLessThanOrEqual(span[1]);
          expect(span[0]).toBeGreaterThanOrEqual(lines[0]!.n);
          expect(span[1]).toBeLessThanOrEqual(lines.at(-1)!.n);
        }
      });
    });
  }
});

describe('readContacts: details worth a look', () => {
  it('shares a role and coordinates between persons printed together, each e-mail to its owner', () => {
    const { contacts } = read('nord-pas-de-calais-doukkala-abda');
    const meftah = contacts.find((c) => c.name === 'Asma MEFTAH')!;
    const idrisi = contacts.find((c) => c.name === 'Mohammed EL IDRISI')!;
    expect(meftah).toMatchObject({ role: 'Collaborateurs de M. le Wali', organization: 'Wilayia de Safi', address: '46000 SAFI', emails: ['meftahasma@yahoo.fr'], faxes: ['+ 212 24 61 15 24'] });
    expect(idrisi).toMatchObject({ role: 'Collaborateurs de M. le Wali', emails: ['idrissi05@gmail.com'], lines: [7579, 7593] });
  });

  it('keeps institution coordinates apart from persons, address lines joined', () => {
    const { institutions } = read('aix-oujda');
    expect(institutions[0]).toEqual({
      collectivityId: 'fr-commune-aix-en-provence',
      address: 'Hôtel de Ville, 13616 Aix-en-Provence CEDEX 1',
      phones: ['+33 (0)4 42 91 90 00'],
      faxes: ['+33 (0)4 42 91 94 92'],
      emails: ['accueil@mairie-aixenprovence.fr'],
      websites: [],
      lines: [330, 335],
    });
  });

  it('gives an unnamed "Hôtel de Ville" block to the party of its town and kind (Lyon)', () => {
    const { institutions } = read('lyon-rabat');
    expect(institutions[0]).toMatchObject({ collectivityId: 'fr-commune-lyon', address: 'Hôtel de Ville, 1, place de la Comédie, 69 205 Lyon Cedex 1' });
    expect(institutions[2]).toMatchObject({ collectivityId: 'fr-communaute-urbaine-lyon', websites: ['www.grandlyon.org'] });
  });

  it('takes a website printed among a person’s lines to their collectivity', () => {
    const { institutions, contacts } = read('romans-taroudannt');
    expect(institutions).toEqual([{ collectivityId: 'fr-commune-romans', phones: [], faxes: [], emails: [], websites: ['www.ville-romans.com'], lines: [3213, 3213] }]);
    expect(contacts.find((c) => c.name === 'Yann CRESPEL')).toMatchObject({ address: '4, rue Saint-Just, 26100 Romans', faxes: ['+33 (0)4 75 05 90 26'] });
  });

  it('reads a person whose employer is not a party (Clermont-Ferrand)', () => {
    const ezzaouak = read('clermont-marrakech').contacts.at(-1)!;
    expect(ezzaouak).toMatchObject({ name: 'Hassan EZZAOUAK', organization: 'Commune urbaine Médina Riad Azaytoun', emails: ['hassansasu@hotmail.com'], lines: [1246, 1251] });
  });

  it('reads an inline e-mail and keeps the role clean (Marseille, Marrakech)', () => {
    const [deya] = read('marseille-marrakech').contacts;
    expect(deya).toMatchObject({ emails: ['deya_cu@yahoo.fr'], role: 'Responsable de la Division de la Coopération décentralisée et des Relations Internationales' });
  });

  it('reads the brief entries’ “Contact en France” line and the Hôtel de Ville after it', () => {
    const { contacts, institutions } = read('brief-clichy-agadir');
    expect(contacts[0]).toMatchObject({ faxes: ['+ 33 (0)1 47 15 31 17'], emails: ['azise.setterahmane@ville-clichy.fr'], lines: [7920, 7926] });
    expect(institutions[0]).toMatchObject({ address: 'Hôtel de Ville - 80, Bd Jean Jaurès BP 3000 - 92110 Clichy-la-Garenne' });
  });

  it('reads an association officer as kind other, with the association as organization', () => {
    const bounaim = read('allier-tiflet').contacts[2]!;
    expect(bounaim).toMatchObject({ kind: 'other', organization: 'Association Tiflet Al Maamora', address: '46 Av. Anakhil, 525 GR Riad Alotor, HAY RIAD, RABAT' });
  });

  it('reads a role in brackets and a line mixing a number and an e-mail (IRCOD, line 6552)', () => {
    const lines = [
      { n: 6552, text: 'Contact : M. Mohammed ZAOUI (Délégué Général, Antenne Maroc)' },
      { n: 6553, text: 'Bd, Zerktoni, Immeuble Sâada -Bloc A - Oujda - Maroc' },
      { n: 6554, text: '+ 212 (0)36 70 45 38 / ircod@menara.ma' },
    ];
    // He speaks for IRCOD, a French association based in Oujda: the reader can only tell his shore.
    expect(readContacts(lines, FIXTURES['champagne-ardenne-oriental']!.parties, { countries }).contacts).toEqual([
      {
        name: 'Mohammed ZAOUI',
        civility: 'M.',
        role: 'Délégué Général, Antenne Maroc',
        kind: 'staff',
        collectivityId: 'ma-region-ma-oriental',
        phones: ['+ 212 (0)36 70 45 38'],
        emails: ['ircod@menara.ma'],
        address: 'Bd, Zerktoni, Immeuble Sâada -Bloc A - Oujda - Maroc',
        lines: [6552, 6554],
      },
    ]);
  });

  it('does not depend on markup the caller may leave (^{ème}, emphasis, arrows)', () => {
    const { parties } = FIXTURES['aix-oujda']!;
    const reading = readContacts(
      [
        { n: 1, text: '**M. Mustapha BOUKALI**' },
        { n: 2, text: '9^{ème} vice-président' },
        { n: 3, text: '→ Tél : + 212 (0)36 68 28 20' },
      ],
      parties,
      { countries },
    );
    expect(reading.contacts).toEqual([{ name: 'Mustapha BOUKALI', civility: 'M.', role: '9ème vice-président', kind: 'elected', collectivityId: 'ma-commune-oujda', phones: ['+ 212 (0)36 68 28 20'], lines: [1, 3] }]);
  });
});
