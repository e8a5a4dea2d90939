/**
 * Test fixtures: real contacts blocks copied from the 2008 directory, one line per source line
 * as "<line number>\t<text>" (blank lines left out, as the caller leaves them out), and the
 * parties of their partnership shaped as the entry reader builds them.
 */
import { readFileSync } from 'node:fs';
import type { PartyRef, SourceLine } from '../types.js';

const DIR = new URL('./fixtures/', import.meta.url);

export function loadFixture(name: string): SourceLine[] {
  return readFileSync(new URL(`${name}.txt`, DIR), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const tab = l.indexOf('\t');
      return { n: Number(l.slice(0, tab)), text: l.slice(tab + 1) };
    });
}

/** A party as `assemble.ts` makes it: id by country, kind and place; aliases = names printed. */
export function party(collectivityId: string, name: string, shortName: string, executiveName?: string): PartyRef {
  const country = collectivityId.slice(0, 2).toUpperCase();
  return { collectivityId, country, name, shortName, ...(executiveName ? { executiveName } : {}), aliases: [name] };
}

/** Every e-mail printed in a block, in order, as many times as printed. */
export function emailsIn(lines: readonly SourceLine[]): string[] {
  return lines.flatMap((l) => [...l.text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu)].map((m) => m[0]));
}

const P = {
  aix: party('fr-commune-aix-en-provence', "Ville d'Aix-en-Provence", 'Aix-en-Provence', 'Maryse Joissains-Masini'),
  oujda: party('ma-commune-oujda', "Commune urbaine d'Oujda", 'Oujda', 'Lakhdar Haddouche'),
  ajaccio: party('fr-commune-ajaccio', "Ville d'Ajaccio", 'Ajaccio', 'Simon Renucci'),
  marrakech: party('ma-commune-marrakech', 'Commune urbaine de Marrakech', 'Marrakech', 'Omar El Jazouli'),
  belfort: party('fr-commune-belfort', 'Ville de Belfort', 'Belfort', 'Etienne Butzbach'),
  mohammedia: party('ma-commune-mohammedia', 'Commune urbaine de Mohammedia', 'Mohammedia', 'Mohamed el Atouani'),
  caudebec: party('fr-commune-caudebec-les-elbeuf', 'Ville de Caudebec-lès-Elbeuf', 'Caudebec-lès-Elbeuf', 'Noël Caru'),
  soukElKhemis: party('ma-commune-souk-el-khemis', 'Commune urbaine de Souk El Khémis', 'Souk El Khémis', 'Elhoussaine Jaizi'),
  cleon: party('fr-commune-cleon', 'Ville de Cléon', 'Cléon', 'Alain Ovide'),
  clermont: party('fr-commune-clermont-ferrand', 'Ville de Clermont-Ferrand', 'Clermont-Ferrand', 'Serge Godard'),
  montreuil: party('fr-commune-montreuil', 'Ville de Montreuil', 'Montreuil', 'Dominique Voynet'),
  agadir: party('ma-commune-agadir', "Commune urbaine d'Agadir", 'Agadir', 'Tarik Kabbaj'),
  nimes: party('fr-commune-nimes', 'Ville de Nîmes', 'Nîmes', 'Jean-Paul Fournier'),
  meknes: party('ma-commune-meknes', 'Commune urbaine de Meknès', 'Meknès', 'Abou Bakr Belkora'),
  romans: party('fr-commune-romans', 'Ville de Romans', 'Romans', 'Henri Bertholet'),
  taroudannt: party('ma-commune-taroudannt', 'Commune urbaine de Taroudannt', 'Taroudannt', 'Mustapha Moutaouakil'),
  tours: party('fr-commune-tours', 'Ville de Tours', 'Tours', 'Jean Germain'),
  vienne: party('fr-commune-vienne', 'Ville de Vienne', 'Vienne', 'Jacques Remelier'),
  tiflet: party('ma-commune-tiflet', 'Commune urbaine de Tiflet', 'Tiflet', 'Simohamed Berkia'),
  lyon: party('fr-commune-lyon', 'Ville de Lyon', 'Lyon', 'Gérard Collomb'),
  cuLyon: party('fr-communaute-urbaine-lyon', 'Communauté urbaine de Lyon', 'Lyon', 'Gérard Collomb'),
  rabat: party('ma-commune-rabat', 'Commune urbaine de Rabat', 'Rabat', 'Omar El Bahraoui'),
  allier: party('fr-departement-allier', "Conseil général de l'Allier", 'Allier', 'Jean-Paul Dufregne'),
  cercleTiflet: party('ma-cercle-tiflet', 'Cercle de Tiflet', 'Tiflet', 'Driss Bounaim'),
  loireAtlantique: party('fr-departement-loire-atlantique', 'Conseil général de Loire-Atlantique', 'Loire-Atlantique', 'Patrick Mareschal'),
  prefAgadir: party('ma-prefecture-agadir', "Préfecture d'Agadir", 'Agadir', 'Oumani'),
  seineSaintDenis: party('fr-departement-seine-saint-denis', 'Conseil général de Seine-Saint-Denis', 'Seine-Saint-Denis', 'Claude Bartolone'),
  figuig: party('ma-commune-figuig', 'Commune urbaine de Figuig', 'Figuig', 'Mostafa Lali'),
  bourgogne: party('fr-region-bourgogne', 'Conseil régional de Bourgogne', 'Bourgogne', 'François Patriat'),
  champagne: party('fr-region-champagne-ardenne', 'Conseil régional de Champagne-Ardenne', 'Champagne-Ardenne', 'Jean-Paul Bachy'),
  oriental: party('ma-region-ma-oriental', "Conseil régional de l'Oriental", 'Oriental', 'Tayeb Rhafes'),
  npdc: party('fr-region-nord-pas-de-calais', 'Conseil régional du Nord-Pas de Calais', 'Nord-Pas de Calais', 'Daniel Percheron'),
  doukkala: party('ma-region-ma-doukkala-abda', 'Conseil régional de Doukkala Abda', 'Doukkala Abda', 'Mohammed Karime'),
  paca: party('fr-region-provence-alpes-cote-d-azur', "Conseil régional de Provence-Alpes-Côte-d'Azur", "Provence-Alpes-Côte-d'Azur", 'Michel Vauzelle'),
  tanger: party('ma-region-ma-tanger-tetouan', 'Conseil régional de Tanger-Tétouan', 'Tanger-Tétouan', 'Abdelhadi Benallal'),
  rhoneAlpes: party('fr-region-rhone-alpes', 'Conseil régional de Rhône-Alpes', 'Rhône-Alpes', 'Jean-Jack Queyranne'),
  rabatSale: party('ma-region-ma-rabat-sale-zemmour-zaer', 'Conseil régional de Rabat Salé Zemmour Zaer', 'Rabat Salé Zemmour Zaer', 'Abdelkébir Berkia'),
  marseille: party('fr-commune-marseille', 'Ville de Marseille', 'Marseille', 'Jean-Claude Gaudin'),
  fes: party('ma-commune-fes', 'Commune urbaine de Fès', 'Fès', 'Hamid Chabat'),
  clichy: party('fr-commune-clichy-la-garenne', 'Ville de Clichy-la-Garenne', 'Clichy-la-Garenne'),
  montpellier: party('fr-commune-montpellier', 'Ville de Montpellier', 'Montpellier'),
} satisfies Record<string, PartyRef>;
export interface Fixture {
  parties: PartyRef[];
  /** as the entry reader passes it: 'MA' after a "Contacts à …" heading */
  defaultSide?: string;
}

/** The fixture blocks and their partnership's parties (executives as printed in the heading). */
export const FIXTURES: Record<string, Fixture> = {
  'aix-oujda': { parties: [P.aix, P.oujda] },
  'ajaccio-marrakech': { parties: [P.ajaccio, P.marrakech] },
  'belfort-mohammedia': { parties: [P.belfort, P.mohammedia] },
  'caudebec-souk-el-khemis': { parties: [P.caudebec, P.soukElKhemis] },
  'cleon-souk-el-khemis': { parties: [P.cleon, P.soukElKhemis] },
  'clermont-marrakech': { parties: [P.clermont, P.marrakech] },
  'montreuil-agadir': { parties: [P.montreuil, P.agadir] },
  'nimes-meknes': { parties: [P.nimes, P.meknes] },
  'romans-taroudannt': { parties: [P.romans, P.taroudannt] },
  'tours-marrakech': { parties: [P.tours, P.marrakech] },
  'vienne-tiflet': { parties: [P.vienne, P.tiflet] },
  'lyon-rabat': { parties: [P.lyon, P.cuLyon, P.rabat] },
  'allier-tiflet': { parties: [P.allier, P.cercleTiflet] },
  'loire-atlantique-agadir': { parties: [P.loireAtlantique, P.prefAgadir] },
  'seine-saint-denis-figuig': { parties: [P.seineSaintDenis, P.figuig] },
  'bourgogne-marrakech-meknes': { parties: [P.bourgogne, P.marrakech, P.meknes] },
  'champagne-ardenne-oriental': { parties: [P.champagne, P.oriental] },
  'nord-pas-de-calais-doukkala-abda': { parties: [P.npdc, P.doukkala] },
  'paca-tanger-tetouan': { parties: [P.paca, P.tanger] },
  'rhone-alpes-rabat-sale': { parties: [P.rhoneAlpes, P.rabatSale] },
  'marseille-rabat': { parties: [P.marseille, P.rabat], defaultSide: 'MA' },
  'marseille-marrakech': { parties: [P.marseille, P.marrakech], defaultSide: 'MA' },
  'marseille-fes': { parties: [P.marseille, P.fes], defaultSide: 'MA' },
  'brief-clichy-agadir': { parties: [P.clichy, P.agadir] },
  'brief-montpellier-fes': { parties: [P.montpellier, P.fes] },
};
