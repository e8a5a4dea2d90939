/**
 * Administrative divisions as they were in 2008, the book's time, and where their seats are:
 * France's 96 metropolitan départements (code, name, chef-lieu, 2008 région), its 22 régions and
 * their capitals, and Morocco's sixteen régions of 1997–2015 with their capitals.
 *
 * Also the bridge to GeoNames, whose admin codes are today's: a French place's admin2 is its
 * département code (unchanged since 2008), a Moroccan place's admin1 is one of the twelve régions
 * of 2015, so each 1997 région lists the 2015 régions it overlaps. Places in the Western Sahara
 * are filed by GeoNames under the country code EH.
 *
 * A reviewed table, like `regions.ts`: the names are the official ones; the seats are the
 * préfectures (FR) and the régions' chefs-lieux (MA) as of 2008.
 */
import type { REGIONS_FR, REGIONS_MA } from './regions.js';

export type RegionFr = (typeof REGIONS_FR)[number];
export type RegionMa = (typeof REGIONS_MA)[number];

export interface Departement {
  code: string;
  name: string;
  seat: string;
  region: RegionFr;
}

const PACA = "Provence-Alpes-Côte d'Azur";

/** code, name, chef-lieu (préfecture), région of 2008 */
const DEPARTEMENT_ROWS: readonly (readonly [string, string, string, RegionFr])[] = [
  ['01', 'Ain', 'Bourg-en-Bresse', 'Rhône-Alpes'],
  ['02', 'Aisne', 'Laon', 'Picardie'],
  ['03', 'Allier', 'Moulins', 'Auvergne'],
  ['04', 'Alpes-de-Haute-Provence', 'Digne-les-Bains', PACA],
  ['05', 'Hautes-Alpes', 'Gap', PACA],
  ['06', 'Alpes-Maritimes', 'Nice', PACA],
  ['07', 'Ardèche', 'Privas', 'Rhône-Alpes'],
  ['08', 'Ardennes', 'Charleville-Mézières', 'Champagne-Ardenne'],
  ['09', 'Ariège', 'Foix', 'Midi-Pyrénées'],
  ['10', 'Aube', 'Troyes', 'Champagne-Ardenne'],
  ['11', 'Aude', 'Carcassonne', 'Languedoc-Roussillon'],
  ['12', 'Aveyron', 'Rodez', 'Midi-Pyrénées'],
  ['13', 'Bouches-du-Rhône', 'Marseille', PACA],
  ['14', 'Calvados', 'Caen', 'Basse-Normandie'],
  ['15', 'Cantal', 'Aurillac', 'Auvergne'],
  ['16', 'Charente', 'Angoulême', 'Poitou-Charentes'],
  ['17', 'Charente-Maritime', 'La Rochelle', 'Poitou-Charentes'],
  ['18', 'Cher', 'Bourges', 'Centre'],
  ['19', 'Corrèze', 'Tulle', 'Limousin'],
  ['2A', 'Corse-du-Sud', 'Ajaccio', 'Corse'],
  ['2B', 'Haute-Corse', 'Bastia', 'Corse'],
  ['21', "Côte-d'Or", 'Dijon', 'Bourgogne'],
  ['22', "Côtes-d'Armor", 'Saint-Brieuc', 'Bretagne'],
  ['23', 'Creuse', 'Guéret', 'Limousin'],
  ['24', 'Dordogne', 'Périgueux', 'Aquitaine'],
  ['25', 'Doubs', 'Besançon', 'Franche-Comté'],
  ['26', 'Drôme', 'Valence', 'Rhône-Alpes'],
  ['27', 'Eure', 'Évreux', 'Haute-Normandie'],
  ['28', 'Eure-et-Loir', 'Chartres', 'Centre'],
  ['29', 'Finistère', 'Quimper', 'Bretagne'],
  ['30', 'Gard', 'Nîmes', 'Languedoc-Roussillon'],
  ['31', 'Haute-Garonne', 'Toulouse', 'Midi-Pyrénées'],
  ['32', 'Gers', 'Auch', 'Midi-Pyrénées'],
  ['33', 'Gironde', 'Bordeaux', 'Aquitaine'],
  ['34', 'Hérault', 'Montpellier', 'Languedoc-Roussillon'],
  ['35', 'Ille-et-Vilaine', 'Rennes', 'Bretagne'],
  ['36', 'Indre', 'Châteauroux', 'Centre'],
  ['37', 'Indre-et-Loire', 'Tours', 'Centre'],
  ['38', 'Isère', 'Grenoble', 'Rhône-Alpes'],
  ['39', 'Jura', 'Lons-le-Saunier', 'Franche-Comté'],
  ['40', 'Landes', 'Mont-de-Marsan', 'Aquitaine'],
  ['41', 'Loir-et-Cher', 'Blois', 'Centre'],
  ['42', 'Loire', 'Saint-Étienne', 'Rhône-Alpes'],
  ['43', 'Haute-Loire', 'Le Puy-en-Velay', 'Auvergne'],
  ['44', 'Loire-Atlantique', 'Nantes', 'Pays de la Loire'],
  ['45', 'Loiret', 'Orléans', 'Centre'],
  ['46', 'Lot', 'Cahors', 'Midi-Pyrénées'],
  ['47', 'Lot-et-Garonne', 'Agen', 'Aquitaine'],
  ['48', 'Lozère', 'Mende', 'Languedoc-Roussillon'],
  ['49', 'Maine-et-Loire', 'Angers', 'Pays de la Loire'],
  ['50', 'Manche', 'Saint-Lô', 'Basse-Normandie'],
  ['51', 'Marne', 'Châlons-en-Champagne', 'Champagne-Ardenne'],
  ['52', 'Haute-Marne', 'Chaumont', 'Champagne-Ardenne'],
  ['53', 'Mayenne', 'Laval', 'Pays de la Loire'],
  ['54', 'Meurthe-et-Moselle', 'Nancy', 'Lorraine'],
  ['55', 'Meuse', 'Bar-le-Duc', 'Lorraine'],
  ['56', 'Morbihan', 'Vannes', 'Bretagne'],
  ['57', 'Moselle', 'Metz', 'Lorraine'],
  ['58', 'Nièvre', 'Nevers', 'Bourgogne'],
  ['59', 'Nord', 'Lille', 'Nord-Pas-de-Calais'],
  ['60', 'Oise', 'Beauvais', 'Picardie'],
  ['61', 'Orne', 'Alençon', 'Basse-Normandie'],
  ['62', 'Pas-de-Calais', 'Arras', 'Nord-Pas-de-Calais'],
  ['63', 'Puy-de-Dôme', 'Clermont-Ferrand', 'Auvergne'],
  ['64', 'Pyrénées-Atlantiques', 'Pau', 'Aquitaine'],
  ['65', 'Hautes-Pyrénées', 'Tarbes', 'Midi-Pyrénées'],
  ['66', 'Pyrénées-Orientales', 'Perpignan', 'Languedoc-Roussillon'],
  ['67', 'Bas-Rhin', 'Strasbourg', 'Alsace'],
  ['68', 'Haut-Rhin', 'Colmar', 'Alsace'],
  ['69', 'Rhône', 'Lyon', 'Rhône-Alpes'],
  ['70', 'Haute-Saône', 'Vesoul', 'Franche-Comté'],
  ['71', 'Saône-et-Loire', 'Mâcon', 'Bourgogne'],
  ['72', 'Sarthe', 'Le Mans', 'Pays de la Loire'],
  ['73', 'Savoie', 'Chambéry', 'Rhône-Alpes'],
  ['74', 'Haute-Savoie', 'Annecy', 'Rhône-Alpes'],
  ['75', 'Paris', 'Paris', 'Île-de-France'],
  ['76', 'Seine-Maritime', 'Rouen', 'Haute-Normandie'],
  ['77', 'Seine-et-Marne', 'Melun', 'Île-de-France'],
  ['78', 'Yvelines', 'Versailles', 'Île-de-France'],
  ['79', 'Deux-Sèvres', 'Niort', 'Poitou-Charentes'],
  ['80', 'Somme', 'Amiens', 'Picardie'],
  ['81', 'Tarn', 'Albi', 'Midi-Pyrénées'],
  ['82', 'Tarn-et-Garonne', 'Montauban', 'Midi-Pyrénées'],
  ['83', 'Var', 'Toulon', PACA],
  ['84', 'Vaucluse', 'Avignon', PACA],
  ['85', 'Vendée', 'La Roche-sur-Yon', 'Pays de la Loire'],
  ['86', 'Vienne', 'Poitiers', 'Poitou-Charentes'],
  ['87', 'Haute-Vienne', 'Limoges', 'Limousin'],
  ['88', 'Vosges', 'Épinal', 'Lorraine'],
  ['89', 'Yonne', 'Auxerre', 'Bourgogne'],
  ['90', 'Territoire de Belfort', 'Belfort', 'Franche-Comté'],
  ['91', 'Essonne', 'Évry', 'Île-de-France'],
  ['92', 'Hauts-de-Seine', 'Nanterre', 'Île-de-France'],
  ['93', 'Seine-Saint-Denis', 'Bobigny', 'Île-de-France'],
  ['94', 'Val-de-Marne', 'Créteil', 'Île-de-France'],
  ['95', "Val-d'Oise", 'Pontoise', 'Île-de-France'],
];

export const DEPARTEMENTS: readonly Departement[] = DEPARTEMENT_ROWS.map(([code, name, seat, region]) => ({ code, name, seat, region }));

/** Each French région of 2008 and its capital (chef-lieu). */
export const REGION_CAPITALS_FR: Readonly<Record<RegionFr, string>> = {
  Alsace: 'Strasbourg',
  Aquitaine: 'Bordeaux',
  Auvergne: 'Clermont-Ferrand',
  'Basse-Normandie': 'Caen',
  Bourgogne: 'Dijon',
  Bretagne: 'Rennes',
  Centre: 'Orléans',
  'Champagne-Ardenne': 'Châlons-en-Champagne',
  Corse: 'Ajaccio',
  'Franche-Comté': 'Besançon',
  'Haute-Normandie': 'Rouen',
  'Île-de-France': 'Paris',
  'Languedoc-Roussillon': 'Montpellier',
  Limousin: 'Limoges',
  Lorraine: 'Metz',
  'Midi-Pyrénées': 'Toulouse',
  'Nord-Pas-de-Calais': 'Lille',
  'Pays de la Loire': 'Nantes',
  Picardie: 'Amiens',
  'Poitou-Charentes': 'Poitiers',
  [PACA]: 'Marseille',
  'Rhône-Alpes': 'Lyon',
};

/** Each Moroccan région of 1997–2015, its capital, and the GeoNames admin1 codes (2015 régions) it overlaps. */
export const REGIONS_MA_2008: Readonly<Record<RegionMa, { capital: string; admin1: readonly string[]; westernSahara?: true }>> = {
  'Chaouia-Ouardigha': { capital: 'Settat', admin1: ['06', '05'] },
  'Doukkala-Abda': { capital: 'Safi', admin1: ['06', '07'] },
  'Fès-Boulemane': { capital: 'Fès', admin1: ['03'] },
  'Gharb-Chrarda-Béni Hssen': { capital: 'Kénitra', admin1: ['04'] },
  'Grand Casablanca': { capital: 'Casablanca', admin1: ['06'] },
  'Guelmim-Es Semara': { capital: 'Guelmim', admin1: ['10', '09', '11'], westernSahara: true },
  'Laâyoune-Boujdour-Sakia El Hamra': { capital: 'Laâyoune', admin1: ['11'], westernSahara: true },
  'Marrakech-Tensift-Al Haouz': { capital: 'Marrakech', admin1: ['07'] },
  'Meknès-Tafilalet': { capital: 'Meknès', admin1: ['03', '05', '08'] },
  Oriental: { capital: 'Oujda', admin1: ['02'] },
  'Oued Ed-Dahab-Lagouira': { capital: 'Dakhla', admin1: ['12'], westernSahara: true },
  'Rabat-Salé-Zemmour-Zaër': { capital: 'Rabat', admin1: ['04'] },
  'Souss-Massa-Drâa': { capital: 'Agadir', admin1: ['09', '08'] },
  'Tadla-Azilal': { capital: 'Béni Mellal', admin1: ['05'] },
  'Tanger-Tétouan': { capital: 'Tanger', admin1: ['01'] },
  'Taza-Al Hoceïma-Taounate': { capital: 'Al Hoceïma', admin1: ['03', '01', '02'] },
};

/** The département codes of a French région of 2008. */
export function departementsOf(region: string): readonly string[] {
  return DEPARTEMENTS.filter((d) => d.region === region).map((d) => d.code);
}
