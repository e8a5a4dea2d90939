/**
 * The reader's countries come from its input and the profiles: the 2008 evidence (France,
 * Morocco) as data, and a directory of another pair (France–Senegal) read with no code for it.
 */
import { describe, expect, it } from 'vitest';
import { isRepertoireError } from '../../errors.js';
import { defaultProfiles } from '../../profiles/profiles.js';
import { countriesOfOffice, countryEndingText, countryMentionedIn, countryNamedBy, directoryCountries, domainCountry, phoneCountry } from './countries.js';
import { readDirectory } from './index.js';
import { seedCountries as frMa } from './testing.js';

const profiles = defaultProfiles();
const frSn = directoryCountries(['FR', 'SN'], profiles);

describe('directoryCountries', () => {
  it('takes two different known countries, home first', () => {
    expect([frMa.home, frMa.partner]).toEqual(['FR', 'MA']);
    expect([frSn.home, frSn.partner]).toEqual(['FR', 'SN']);
  });

  it('refuses anything else with a usage error saying what to give', () => {
    for (const bad of [['FR'], ['FR', 'FR'], ['FR', 'MA', 'SN'], ['FR', 'XX'], ['fr', 'ma']]) {
      let error: unknown;
      try {
        directoryCountries(bad, profiles);
      } catch (e) {
        error = e;
      }
      expect(isRepertoireError(error, 'usage'), bad.join(',')).toBe(true);
    }
  });
});

describe('evidence of a country, from the profiles', () => {
  it('tells France and Morocco by calling code, France by ten national digits', () => {
    expect(phoneCountry('+ 33 (0)4.42.91.99.30', frMa)).toBe('FR');
    expect(phoneCountry('0033 1 23 45 67 89', frMa)).toBe('FR');
    expect(phoneCountry('03 26 70 66 18', frMa)).toBe('FR');
    expect(phoneCountry('+ 212 (0)61 36 14 04', frMa)).toBe('MA');
    expect(phoneCountry('00212 61 36 14 04', frMa)).toBe('MA');
    expect(phoneCountry('05 57 80 00', frMa)).toBeUndefined();
    // Senegal's generated profile names no calling code: its numbers say nothing
    expect(phoneCountry('+221 33 961 10 10', frSn)).toBeUndefined();
    expect(phoneCountry('+ 212 (0)61 36 14 04', frSn)).toBeUndefined();
  });

  it('reads web domains, a generated profile\'s from its code', () => {
    expect(domainCountry('menara.ma', frMa)).toBe('MA');
    expect(domainCountry('mairie-aixenprovence.fr', frMa)).toBe('FR');
    expect(domainCountry('orange.sn', frSn)).toBe('SN');
    expect(domainCountry('orange.sn', frMa)).toBeUndefined();
    expect(domainCountry('example.org', frSn)).toBeUndefined();
  });

  it('reads the countries\' names and titles of office', () => {
    expect(countryNamedBy('France', frMa)).toBe('FR');
    expect(countryNamedBy('Maroc', frMa)).toBe('MA');
    expect(countryNamedBy('Sénégal', frSn)).toBe('SN');
    expect(countryNamedBy('Bretagne', frMa)).toBeUndefined();
    expect(countryEndingText('Bd, Zerktoni, Immeuble Sâada -Bloc A - Oujda - Maroc', frMa)).toBe('MA');
    expect(countryEndingText('26100 Romans', frMa)).toBeUndefined();
    expect(countryEndingText('BP 121 - Saint-Louis - Sénégal', frSn)).toBe('SN');
    expect(countryMentionedIn('Partenaires au Maroc', frMa)).toBe('MA');
    expect(countryMentionedIn('Partenaires au Sénégal', frSn)).toBe('SN');
    expect(countriesOfOffice('Adjoint au Maire', frMa)).toEqual(['FR']);
    expect(countriesOfOffice('Caïd de Tiflet', frMa)).toEqual(['MA']);
    expect(countriesOfOffice('Caïd de Tiflet', frSn)).toEqual([]);
  });
});

/** The Aix–Oujda entry of 2008 (lines 150–357), moved to Senegal. */
const FR_SN = `Villes

Ville d'Aix-en-Provence

Ville de Saint-Louis

Mme Maryse Joissains-Masini, Maire d'Aix-en-Provence (150 000 habitants)
M. Cheikh Bamba Dièye, Maire de Saint-Louis (180 000 habitants)

Cadre juridique : Convention cadre de coopération décentralisée.

Date : Votée le 26 mars 1998, signée le 29 avril 1998 à Saint-Louis.

PROJETS EN COURS

DEVELOPPEMENT URBAIN

Assistance à maîtrise d'ouvrage pour l'élaboration du plan de déplacements urbains de Saint-Louis (débuté le 9 juillet 2007 - 24 mois)

→ *Objectifs : Renforcer les capacités de maîtrise d'ouvrage de la commune de Saint-Louis.*

Description du projet

Le PDU organisera les déplacements au sein de la ville de Saint-Louis.

Partenaires

Partenaires au Sénégal : Agence de Développement Communal.

Partenaires en France : Agence d'Urbanisme du Pays d'Aix.

CONTACTS

M. Amadou DIOP

Responsable du service coopération
amadou.diop@orange.sn

M. Bruno GENZANA

Adjoint au Maire
en charge des Relations internationales

Agent en charge du dossier :

Mme Michèle COUËTMEUR

Directrice des Relations internationales et européennes
Tél : + 33 (0)4.42.91.99.30
couetmeurm@mairie-aixenprovence.fr
`;

describe('a France–Senegal directory', () => {
  const { document, report } = readDirectory(FR_SN, { document: 'aix-saint-louis.txt', countries: ['FR', 'SN'] });

  it('has Senegalese parties where 2008 had Moroccan ones', () => {
    expect(document.directory.countries).toEqual(['FR', 'SN']);
    expect(document.collectivities.map((c) => [c.country, c.name])).toEqual([
      ['FR', "Ville d'Aix-en-Provence"],
      ['SN', 'Ville de Saint-Louis'],
    ]);
    expect(document.partnerships.map((p) => [p.id, p.parties.map((party) => party.country)])).toEqual([['aix-en-provence-saint-louis', ['FR', 'SN']]]);
    expect(report.counts).toMatchObject({ 'collectivities.FR': 1, 'collectivities.SN': 1, partnerships: 1 });
    expect(report.counts['collectivities.MA']).toBeUndefined();
  });

  it('places partners and contacts by Senegal\'s name and web domain', () => {
    const [partnership] = document.partnerships;
    const sn = document.collectivities.find((c) => c.country === 'SN')!.id;
    const fr = document.collectivities.find((c) => c.country === 'FR')!.id;
    expect(partnership!.projects![0]!.partners!.map((p) => [p.name, p.country])).toEqual([
      ['Agence de Développement Communal', 'SN'],
      ["Agence d'Urbanisme du Pays d'Aix", 'FR'],
    ]);
    // DIOP, printed first (home's column by order), is Senegalese by his mail's domain alone
    expect(partnership!.contacts!.map((c) => [c.name, c.collectivityId])).toEqual([
      ['Amadou DIOP', sn],
      ['Bruno GENZANA', fr],
      ['Michèle COUËTMEUR', fr],
    ]);
  });

  it('reads the same text as France–Morocco differently: the countries are the input', () => {
    const asMorocco = readDirectory(FR_SN, { document: 'aix-saint-louis.txt', countries: ['FR', 'MA'] }).document;
    expect(asMorocco.collectivities.map((c) => c.country)).toEqual(['FR', 'MA']);
    expect(asMorocco.partnerships[0]!.contacts![0]!.collectivityId).toBe(asMorocco.collectivities[0]!.id);
  });
});
