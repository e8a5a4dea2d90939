/**
 * The region each collectivity lies in, for facets, statistics and maps. Régions of France as
 * they were in 2008 (before the 2016 merger) and the sixteen régions of Morocco of 1997–2015,
 * matching the book's time. A reviewed table: add a line when a census brings a new place.
 * Keys are comparison keys of the place name (accent-, case- and punctuation-free).
 */
export const REGIONS_FR = [
  'Alsace', 'Aquitaine', 'Auvergne', 'Basse-Normandie', 'Bourgogne', 'Bretagne', 'Centre', 'Champagne-Ardenne', 'Corse',
  'Franche-Comté', 'Haute-Normandie', 'Île-de-France', 'Languedoc-Roussillon', 'Limousin', 'Lorraine', 'Midi-Pyrénées',
  'Nord-Pas-de-Calais', 'Pays de la Loire', 'Picardie', 'Poitou-Charentes', "Provence-Alpes-Côte d'Azur", 'Rhône-Alpes',
] as const;

export const REGIONS_MA = [
  'Chaouia-Ouardigha', 'Doukkala-Abda', 'Fès-Boulemane', 'Gharb-Chrarda-Béni Hssen', 'Grand Casablanca', 'Guelmim-Es Semara',
  'Laâyoune-Boujdour-Sakia El Hamra', 'Marrakech-Tensift-Al Haouz', 'Meknès-Tafilalet', 'Oriental', 'Oued Ed-Dahab-Lagouira',
  'Rabat-Salé-Zemmour-Zaër', 'Souss-Massa-Drâa', 'Tadla-Azilal', 'Tanger-Tétouan', 'Taza-Al Hoceïma-Taounate',
] as const;

/** place key → region, for places that are not régions themselves. */
const FR: Readonly<Record<string, string>> = {
  'aix en provence': "Provence-Alpes-Côte d'Azur", ajaccio: 'Corse', belfort: 'Franche-Comté', bordeaux: 'Aquitaine',
  'boulogne sur mer': 'Nord-Pas-de-Calais', 'caudebec les elbeuf': 'Haute-Normandie', cleon: 'Haute-Normandie',
  'clermont ferrand': 'Auvergne', 'la croix valmer': "Provence-Alpes-Côte d'Azur", 'la rochelle': 'Poitou-Charentes',
  'mantes la jolie': 'Île-de-France', marseille: "Provence-Alpes-Côte d'Azur", maxeville: 'Lorraine',
  'montereau fault yonne': 'Île-de-France', montreuil: 'Île-de-France', nimes: 'Languedoc-Roussillon', paris: 'Île-de-France',
  poitiers: 'Poitou-Charentes', romans: 'Rhône-Alpes', 'saint denis': 'Île-de-France', 'saint etienne': 'Rhône-Alpes',
  sete: 'Languedoc-Roussillon', stains: 'Île-de-France', strasbourg: 'Alsace', tours: 'Centre', vienne: 'Rhône-Alpes',
  lyon: 'Rhône-Alpes', 'nantes metropole': 'Pays de la Loire', nantes: 'Pays de la Loire', allier: 'Auvergne',
  herault: 'Languedoc-Roussillon', isere: 'Rhône-Alpes', 'loire atlantique': 'Pays de la Loire', 'seine saint denis': 'Île-de-France',
  'clichy la garenne': 'Île-de-France', maubeuge: 'Nord-Pas-de-Calais', montpellier: 'Languedoc-Roussillon',
  'saint germain en laye': 'Île-de-France', woippy: 'Lorraine', 'nord pas de calais': 'Nord-Pas-de-Calais',
  'provence alpes cote d azur': "Provence-Alpes-Côte d'Azur", paca: "Provence-Alpes-Côte d'Azur",
};

const MA: Readonly<Record<string, string>> = {
  oujda: 'Oriental', marrakech: 'Marrakech-Tensift-Al Haouz', mohammedia: 'Grand Casablanca', casablanca: 'Grand Casablanca',
  safi: 'Doukkala-Abda', 'souk el khemis': 'Souss-Massa-Drâa', 'souk sebt': 'Tadla-Azilal', essaouira: 'Marrakech-Tensift-Al Haouz',
  rabat: 'Rabat-Salé-Zemmour-Zaër', meknes: 'Meknès-Tafilalet', fes: 'Fès-Boulemane', 'imouzzer du kandar': 'Fès-Boulemane',
  agadir: 'Souss-Massa-Drâa', azrou: 'Meknès-Tafilalet', taroudannt: 'Souss-Massa-Drâa', tiznit: 'Souss-Massa-Drâa',
  'el jedida': 'Doukkala-Abda', 'el jadida': 'Doukkala-Abda', figuig: 'Oriental', tiflet: 'Rabat-Salé-Zemmour-Zaër',
  ouarzazate: 'Souss-Massa-Drâa', temara: 'Rabat-Salé-Zemmour-Zaër', sale: 'Rabat-Salé-Zemmour-Zaër',
  'souss massa draa': 'Souss-Massa-Drâa', 'tadla azilal': 'Tadla-Azilal', oriental: 'Oriental', 'fes boulemane': 'Fès-Boulemane',
  'marrakech tensift al haouz': 'Marrakech-Tensift-Al Haouz', 'doukkala abda': 'Doukkala-Abda', 'tanger tetouan': 'Tanger-Tétouan',
  'rabat sale zemmour zaer': 'Rabat-Salé-Zemmour-Zaër',
};

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The region of a place of a country ('FR' | 'MA'); a région is its own region. */
export function regionOf(country: string, place: string): string | undefined {
  const k = fold(place);
  const own = (country === 'FR' ? REGIONS_FR : country === 'MA' ? REGIONS_MA : []).find((r) => fold(r) === k);
  return own ?? (country === 'FR' ? FR : country === 'MA' ? MA : {})[k];
}
