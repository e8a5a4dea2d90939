/**
 * Real place names for synthetic directories: French régions (before 2016), départements and
 * communes, Moroccan régions (1997–2015), provinces and préfectures, and communes, with the
 * region each belongs to and a plausible population. Compiled by hand from public lists.
 */

export const FR_REGIONS = [
  'Alsace', 'Aquitaine', 'Auvergne', 'Basse-Normandie', 'Bourgogne', 'Bretagne', 'Centre', 'Champagne-Ardenne', 'Corse',
  'Franche-Comté', 'Haute-Normandie', 'Île-de-France', 'Languedoc-Roussillon', 'Limousin', 'Lorraine', 'Midi-Pyrénées',
  'Nord-Pas-de-Calais', 'Pays de la Loire', 'Picardie', 'Poitou-Charentes', "Provence-Alpes-Côte d'Azur", 'Rhône-Alpes',
] as const;

/** code|name|region index in FR_REGIONS */
const FR_DEPARTEMENTS_TEXT = `01|Ain|21;02|Aisne|18;03|Allier|2;04|Alpes-de-Haute-Provence|20;05|Hautes-Alpes|20;06|Alpes-Maritimes|20;07|Ardèche|21;08|Ardennes|7;09|Ariège|15;10|Aube|7;11|Aude|12;12|Aveyron|15;13|Bouches-du-Rhône|20;14|Calvados|3;15|Cantal|2;16|Charente|19;17|Charente-Maritime|19;18|Cher|6;19|Corrèze|13;2A|Corse-du-Sud|8;2B|Haute-Corse|8;21|Côte-d'Or|4;22|Côtes-d'Armor|5;23|Creuse|13;24|Dordogne|1;25|Doubs|9;26|Drôme|21;27|Eure|10;28|Eure-et-Loir|6;29|Finistère|5;30|Gard|12;31|Haute-Garonne|15;32|Gers|15;33|Gironde|1;34|Hérault|12;35|Ille-et-Vilaine|5;36|Indre|6;37|Indre-et-Loire|6;38|Isère|21;39|Jura|9;40|Landes|1;41|Loir-et-Cher|6;42|Loire|21;43|Haute-Loire|2;44|Loire-Atlantique|17;45|Loiret|6;46|Lot|15;47|Lot-et-Garonne|1;48|Lozère|12;49|Maine-et-Loire|17;50|Manche|3;51|Marne|7;52|Haute-Marne|7;53|Mayenne|17;54|Meurthe-et-Moselle|14;55|Meuse|14;56|Morbihan|5;57|Moselle|14;58|Nièvre|4;59|Nord|16;60|Oise|18;61|Orne|3;62|Pas-de-Calais|16;63|Puy-de-Dôme|2;64|Pyrénées-Atlantiques|1;65|Hautes-Pyrénées|15;66|Pyrénées-Orientales|12;67|Bas-Rhin|0;68|Haut-Rhin|0;69|Rhône|21;70|Haute-Saône|9;71|Saône-et-Loire|4;72|Sarthe|17;73|Savoie|21;74|Haute-Savoie|21;75|Paris|11;76|Seine-Maritime|10;77|Seine-et-Marne|11;78|Yvelines|11;79|Deux-Sèvres|19;80|Somme|18;81|Tarn|15;82|Tarn-et-Garonne|15;83|Var|20;84|Vaucluse|20;85|Vendée|17;86|Vienne|19;87|Haute-Vienne|13;88|Vosges|14;89|Yonne|4;90|Territoire de Belfort|9;91|Essonne|11;92|Hauts-de-Seine|11;93|Seine-Saint-Denis|11;94|Val-de-Marne|11;95|Val-d'Oise|11`;

/** name|département code|population (thousands) */
const FR_COMMUNES_TEXT = `Paris|75|2150;Marseille|13|850;Lyon|69|470;Toulouse|31|435;Nice|06|345;Nantes|44|280;Strasbourg|67|272;Montpellier|34|250;Bordeaux|33|232;Lille|59|226;Rennes|35|207;Reims|51|184;Le Havre|76|183;Saint-Étienne|42|175;Toulon|83|167;Grenoble|38|156;Dijon|21|151;Angers|49|151;Nîmes|30|144;Villeurbanne|69|140;Le Mans|72|144;Aix-en-Provence|13|142;Clermont-Ferrand|63|139;Brest|29|142;Tours|37|136;Limoges|87|137;Amiens|80|135;Perpignan|66|117;Metz|57|124;Besançon|25|117;Boulogne-Billancourt|92|110;Orléans|45|113;Mulhouse|68|110;Rouen|76|107;Caen|14|110;Nancy|54|105;Saint-Denis|93|97;Argenteuil|95|94;Montreuil|93|101;Roubaix|59|97;Tourcoing|59|92;Nanterre|92|87;Avignon|84|89;Créteil|94|82;Poitiers|86|88;Versailles|78|86;Courbevoie|92|84;Vitry-sur-Seine|94|82;Colombes|92|84;Pau|64|78;Aulnay-sous-Bois|93|81;Asnières-sur-Seine|92|82;Rueil-Malmaison|92|77;La Rochelle|17|76;Saint-Maur-des-Fossés|94|75;Calais|62|74;Champigny-sur-Marne|94|74;Antibes|06|73;Béziers|34|72;Cannes|06|70;Saint-Nazaire|44|68;Colmar|68|66;Bourges|18|70;Drancy|93|66;Mérignac|33|65;Ajaccio|2A|59;Valence|26|64;Quimper|29|63;Villeneuve-d'Ascq|59|62;Levallois-Perret|92|60;Troyes|10|61;Neuilly-sur-Seine|92|60;Noisy-le-Grand|93|60;Antony|92|60;Niort|79|58;Sarcelles|95|58;Pessac|33|57;Chambéry|73|57;Lorient|56|58;Ivry-sur-Seine|94|56;Clichy|92|55;Cergy|95|55;Villejuif|94|52;Montauban|82|54;Beauvais|60|55;Cholet|49|54;Hyères|83|53;Saint-Quentin|02|57;Épinay-sur-Seine|93|52;Bondy|93|53;Vannes|56|53;La Seyne-sur-Mer|83|60;Fréjus|83|52;Arles|13|51;Clamart|92|51;Sartrouville|78|51;Pantin|93|53;Maisons-Alfort|94|53;Laval|53|51;Meaux|77|49;Évry|91|51;Narbonne|11|50;Belfort|90|50;Blois|41|49;Chelles|77|52;Annecy|74|51;Saint-Malo|35|50;Brive-la-Gaillarde|19|49;Albi|81|49;Chalon-sur-Saône|71|46;Carcassonne|11|46;Martigues|13|46;Évreux|27|51;Charleville-Mézières|08|51;Bobigny|93|48;Saint-Brieuc|22|46;Aubervilliers|93|74;Stains|93|35;Bayonne|64|44;Mantes-la-Jolie|78|43;Sète|34|43;Boulogne-sur-Mer|62|44;Châteauroux|36|47;Valenciennes|59|43;Angoulême|16|43;Vienne|38|29;Tarbes|65|46;Castres|81|44;Arras|62|42;Douai|59|43;Compiègne|60|42;Alès|30|40;Gap|05|37;Bourg-en-Bresse|01|40;Thionville|57|41;Saint-Priest|69|40;Vénissieux|69|57;Vaulx-en-Velin|69|41;Agen|47|34;Périgueux|24|30;Mâcon|71|34;Montluçon|03|41;Vichy|03|26;Moulins|03|21;Romans-sur-Isère|26|33;Montélimar|26|34;Nevers|58|38;Auxerre|89|38;Sens|89|26;Épinal|88|35;Saint-Dié-des-Vosges|88|22;Lunéville|54|20;Maxéville|54|9;Vandœuvre-lès-Nancy|54|31;Forbach|57|22;Sarreguemines|57|22;Haguenau|67|35;Schiltigheim|67|31;Saint-Louis|68|20;Dole|39|24;Lons-le-Saunier|39|18;Pontarlier|25|18;Montbéliard|25|27;Vesoul|70|16;Auch|32|22;Rodez|12|24;Millau|12|22;Cahors|46|20;Figeac|46|10;Foix|09|10;Pamiers|09|15;Mende|48|12;Le Puy-en-Velay|43|19;Aurillac|15|28;Issoire|63|14;Riom|63|18;Guéret|23|14;Tulle|19|15;Ussel|19|10;Bergerac|24|27;Sarlat-la-Canéda|24|10;Mont-de-Marsan|40|30;Dax|40|20;Biarritz|64|26;Anglet|64|38;Oloron-Sainte-Marie|64|11;Lourdes|65|15;Saint-Gaudens|31|11;Colomiers|31|33;Blagnac|31|21;Muret|31|23;Béziers|34|72;Lunel|34|24;Agde|34|24;Lodève|34|7;Frontignan|34|22;Bagnols-sur-Cèze|30|18;Beaucaire|30|15;Orange|84|29;Carpentras|84|28;Cavaillon|84|25;Apt|84|11;Digne-les-Bains|04|17;Manosque|04|21;Briançon|05|12;Grasse|06|50;Menton|06|29;Cagnes-sur-Mer|06|47;Draguignan|83|37;Saint-Raphaël|83|33;Brignoles|83|16;La Croix-Valmer|83|3;Aubagne|13|43;La Ciotat|13|34;Salon-de-Provence|13|40;Istres|13|42;Vitrolles|13|37;Marignane|13|34;Gardanne|13|20;Bastia|2B|43;Porto-Vecchio|2A|11;Corte|2B|7;Calvi|2B|5;Annemasse|74|28;Thonon-les-Bains|74|31;Aix-les-Bains|73|26;Albertville|73|18;Échirolles|38|36;Saint-Martin-d'Hères|38|35;Voiron|38|20;Bourgoin-Jallieu|38|24;Villefranche-sur-Saône|69|33;Roanne|42|37;Saint-Chamond|42|36;Firminy|42|17;Rive-de-Gier|42|15;Oyonnax|01|23;Privas|07|8;Annonay|07|17;Aubenas|07|11;Tournon-sur-Rhône|07|10;Cherbourg-Octeville|50|40;Saint-Lô|50|19;Granville|50|13;Alençon|61|27;Argentan|61|15;Lisieux|14|22;Bayeux|14|13;Dieppe|76|33;Fécamp|76|19;Elbeuf|76|17;Caudebec-lès-Elbeuf|76|10;Cléon|76|6;Vernon|27|25;Louviers|27|18;Chartres|28|40;Dreux|28|31;Châteaudun|28|14;Vendôme|41|17;Romorantin-Lanthenay|41|17;Vierzon|18|28;Joué-lès-Tours|37|36;Amboise|37|13;Chinon|37|8;Montargis|45|15;Issoudun|36|13;Saumur|49|28;Laval|53|51;Mayenne|53|13;La Roche-sur-Yon|85|53;Les Sables-d'Olonne|85|15;Rezé|44|37;Saint-Herblain|44|43;Saint-Sébastien-sur-Loire|44|25;Lannion|22|19;Dinan|22|11;Guingamp|22|7;Morlaix|29|15;Concarneau|29|19;Fougères|35|20;Vitré|35|16;Redon|35|10;Pontivy|56|14;Auray|56|12;Châtellerault|86|32;Loudun|86|7;Cognac|16|19;Rochefort|17|26;Saintes|17|26;Royan|17|18;Bressuire|79|19;Parthenay|79|10;Saint-Junien|87|11;Abbeville|80|24;Péronne|80|8;Laon|02|26;Soissons|02|28;Château-Thierry|02|15;Creil|60|32;Senlis|60|16;Noyon|60|14;Lens|62|36;Liévin|62|33;Béthune|62|26;Saint-Omer|62|15;Dunkerque|59|70;Maubeuge|59|32;Cambrai|59|33;Armentières|59|25;Wattrelos|59|42;Hazebrouck|59|21;Grande-Synthe|59|22;Sedan|08|20;Épernay|51|25;Châlons-en-Champagne|51|47;Vitry-le-François|51|14;Chaumont|52|26;Saint-Dizier|52|28;Langres|52|9;Bar-le-Duc|55|16;Verdun|55|19;Toul|54|16;Pont-à-Mousson|54|15;Saint-Avold|57|16;Sarrebourg|57|13;Sélestat|67|19;Saverne|67|12;Guebwiller|68|11;Beaune|21|22;Montceau-les-Mines|71|20;Le Creusot|71|24;Autun|71|16;Cosne-Cours-sur-Loire|58|11;Joigny|89|10;Melun|77|39;Fontainebleau|77|16;Torcy|77|22;Pontault-Combault|77|35;Mantes-la-Ville|78|19;Poissy|78|37;Saint-Germain-en-Laye|78|40;Trappes|78|29;Les Mureaux|78|32;Corbeil-Essonnes|91|40;Massy|91|41;Grigny|91|26;Étampes|91|22;Palaiseau|91|32;Gennevilliers|92|41;Bagneux|92|38;Malakoff|92|30;Nogent-sur-Marne|94|31;Choisy-le-Roi|94|34;Fontenay-sous-Bois|94|52;Ivry-sur-Seine|94|56;Bagnolet|93|34;La Courneuve|93|36;Le Blanc-Mesnil|93|47;Bobigny|93|48;Villepinte|93|35;Saint-Ouen|93|43;Sevran|93|49;Garges-lès-Gonesse|95|39;Pontoise|95|30;Goussainville|95|30;Bezons|95|28;Villiers-le-Bel|95|27;Mulhouse|68|110;Tulle|19|15;Libourne|33|23;Arcachon|33|11;Villenave-d'Ornon|33|28;Bègles|33|25;Talence|33|41;Lormont|33|21;Cenon|33|21;Marmande|47|18;Villeneuve-sur-Lot|47|24;Tarascon|13|14;Miramas|13|25;Port-de-Bouc|13|17`;

export const FR_COMMUNAUTES_URBAINES = [
  ['Communauté urbaine de Lyon', 'Lyon', 69],
  ['Communauté urbaine de Bordeaux', 'Bordeaux', 33],
  ['Lille Métropole Communauté urbaine', 'Lille Métropole', 59],
  ['Communauté urbaine de Strasbourg', 'Strasbourg', 67],
  ['Nantes Métropole', 'Nantes Métropole', 44],
  ['Marseille Provence Métropole', 'Marseille Provence Métropole', 13],
  ['Brest Métropole Océane', 'Brest Métropole', 29],
  ['Communauté urbaine de Cherbourg', 'Cherbourg', 50],
  ['Communauté urbaine de Dunkerque', 'Dunkerque', 59],
  ['Le Mans Métropole', 'Le Mans Métropole', 72],
  ["Communauté urbaine d'Arras", 'Arras', 62],
  ["Communauté urbaine d'Alençon", 'Alençon', 61],
  ['Communauté urbaine Le Creusot-Montceau', 'Le Creusot-Montceau', 71],
  ['Communauté urbaine du Grand Nancy', 'Grand Nancy', 54],
] as const;

export const MA_REGIONS = [
  'Oued Ed-Dahab-Lagouira', 'Laâyoune-Boujdour-Sakia El Hamra', 'Guelmim-Es Semara', 'Souss-Massa-Drâa', 'Gharb-Chrarda-Béni Hssen',
  'Chaouia-Ouardigha', 'Marrakech-Tensift-Al Haouz', 'Oriental', 'Grand Casablanca', 'Rabat-Salé-Zemmour-Zaër', 'Doukkala-Abda',
  'Tadla-Azilal', 'Meknès-Tafilalet', 'Fès-Boulemane', 'Taza-Al Hoceïma-Taounate', 'Tanger-Tétouan',
] as const;

/** name|kind (p province, f préfecture)|region index in MA_REGIONS */
const MA_PROVINCES_TEXT = `Oued Ed-Dahab|p|0;Aousserd|p|0;Laâyoune|p|1;Boujdour|p|1;Es-Semara|p|2;Guelmim|p|2;Tan-Tan|p|2;Assa-Zag|p|2;Tata|p|2;Agadir Ida-Outanane|f|3;Inezgane-Aït Melloul|f|3;Chtouka-Aït Baha|p|3;Taroudannt|p|3;Tiznit|p|3;Ouarzazate|p|3;Zagora|p|3;Kénitra|p|4;Sidi Kacem|p|4;Settat|p|5;Khouribga|p|5;Ben Slimane|p|5;Al Haouz|p|6;Chichaoua|p|6;El Kelaâ des Sraghna|p|6;Essaouira|p|6;Marrakech|f|6;Oujda-Angad|f|7;Berkane|p|7;Nador|p|7;Taourirt|p|7;Jerada|p|7;Figuig|p|7;Casablanca|f|8;Mohammedia|f|8;Nouaceur|p|8;Médiouna|p|8;Rabat|f|9;Salé|f|9;Skhirate-Témara|f|9;Khémisset|p|9;El Jadida|p|10;Safi|p|10;Béni Mellal|p|11;Azilal|p|11;Meknès|f|12;El Hajeb|p|12;Ifrane|p|12;Khénifra|p|12;Errachidia|p|12;Fès|f|13;Sefrou|p|13;Boulemane|p|13;Moulay Yacoub|p|13;Taza|p|14;Taounate|p|14;Al Hoceïma|p|14;Tanger-Assilah|f|15;Fahs-Anjra|p|15;Tétouan|p|15;Chefchaouen|p|15;Larache|p|15`;

/** name|province index in MA_PROVINCES|population (thousands) */
const MA_COMMUNES_TEXT = `Dakhla|0|75;Laâyoune|2|185;Boujdour|3|37;Es-Semara|4|40;Guelmim|5|96;Tan-Tan|6|60;Tata|8|16;Agadir|9|350;Aït Melloul|10|130;Inezgane|10|112;Dcheira El Jihadia|10|90;Biougra|11|32;Aït Baha|11|6;Taroudannt|12|70;Ouled Teïma|12|75;Taliouine|12|6;Tiznit|13|54;Sidi Ifni|13|21;Ouarzazate|14|57;Skoura|14|4;Kelaat M'Gouna|14|14;Boumalne Dadès|14|12;Tinghir|14|36;Zagora|15|35;Agdz|15|9;Kénitra|16|360;Souk El Arbaa|16|50;Sidi Slimane|16|80;Sidi Kacem|17|75;Mechra Bel Ksiri|17|30;Settat|18|120;Berrechid|18|90;Ben Ahmed|18|25;Khouribga|19|166;Oued Zem|19|85;Boujniba|19|15;Ben Slimane|20|47;Bouznika|20|27;Tahannaout|21|8;Amizmiz|21|11;Aït Ourir|21|20;Asni|21|5;Chichaoua|22|15;Imintanoute|22|12;El Kelaâ des Sraghna|23|70;Ben Guerir|23|60;Tamellalt|23|16;Essaouira|24|70;Tamanar|24|6;Marrakech|25|824;Tamesloht|25|6;Loudaya|25|20;Oujda|26|405;Bni Drar|26|10;Berkane|27|80;Ahfir|27|18;Saïdia|27|4;Nador|28|126;Zaïo|28|30;Beni Ansar|28|40;Taourirt|29|80;El Aïoun Sidi Mellouk|29|36;Jerada|30|43;Figuig|31|13;Bouarfa|31|25;Casablanca|32|3000;Aïn Chock|32|250;Ben M'Sick|32|300;Sidi Bernoussi|32|300;Mohammedia|33|190;Aïn Harrouda|33|41;Dar Bouazza|34|90;Bouskoura|34|45;Médiouna|35|20;Rabat|36|650;Salé|37|760;Témara|38|230;Skhirat|38|42;Aïn El Aouda|38|30;Khémisset|39|105;Tiflet|39|70;Rommani|39|12;El Jadida|40|145;Azemmour|40|40;Sidi Bennour|40|44;Oualidia|40|5;Safi|41|285;Youssoufia|41|65;Jemâa Shaïm|41|20;Béni Mellal|42|165;Fquih Ben Salah|42|85;Kasba Tadla|42|40;Souk Sebt Ouled Nemma|42|51;Azilal|43|25;Demnate|43|23;Ouaouizerth|43|10;Meknès|44|530;Moulay Idriss Zerhoun|44|12;El Hajeb|45|27;Aïn Taoujdate|45|25;Ifrane|46|12;Azrou|46|50;Aïn Leuh|46|5;Khénifra|47|73;M'rirt|47|36;Midelt|47|45;Errachidia|48|76;Erfoud|48|24;Rissani|48|20;Goulmima|48|16;Fès|49|960;Sefrou|50|64;Imouzzer Kandar|50|13;El Menzel|50|10;Boulemane|51|6;Missour|51|24;Moulay Yacoub|52|5;Taza|53|140;Guercif|53|58;Tahla|53|27;Taounate|54|32;Tissa|54|15;Al Hoceïma|55|56;Imzouren|55|28;Targuist|55|12;Tanger|56|690;Asilah|56|30;Ksar Sghir|57|5;Tétouan|58|320;Martil|58|40;M'diq|58|40;Fnideq|58|53;Chefchaouen|59|42;Ouezzane|59|60;Larache|60|110;Ksar El Kébir|60|110;Souk El Khemis Dades|14|8`;

export interface Place {
  name: string;
  region: string;
  /** inhabitants */
  population: number;
}

export interface FrCommune extends Place {
  departement: string;
}

export interface Departement extends Place {
  code: string;
}

export interface Province extends Place {
  kind: 'province' | 'prefecture';
}

export interface MaCommune extends Place {
  province: string;
}

const split = (text: string) => text.split(';').map((entry) => entry.split('|'));

export const FR_DEPARTEMENTS: readonly Departement[] = split(FR_DEPARTEMENTS_TEXT).map(([code, name, region]) => ({
  code: code!,
  name: name!,
  region: FR_REGIONS[Number(region)]!,
  population: 0,
}));

const departementByCode = new Map(FR_DEPARTEMENTS.map((d) => [d.code, d]));

const seenCommunes = new Set<string>();
export const FR_COMMUNES: readonly FrCommune[] = split(FR_COMMUNES_TEXT)
  .filter(([name]) => !seenCommunes.has(name!) && Boolean(seenCommunes.add(name!)))
  .map(([name, code, thousands]) => {
    const departement = departementByCode.get(code!)!;
    return { name: name!, departement: departement.name, region: departement.region, population: Number(thousands) * 1000 };
  })
  .sort((a, b) => b.population - a.population);

export const MA_PROVINCES: readonly Province[] = split(MA_PROVINCES_TEXT).map(([name, kind, region]) => ({
  name: name!,
  kind: kind === 'f' ? 'prefecture' : 'province',
  region: MA_REGIONS[Number(region)]!,
  population: 0,
}));

export const MA_COMMUNES: readonly MaCommune[] = split(MA_COMMUNES_TEXT).map(([name, province, thousands]) => {
  const p = MA_PROVINCES[Number(province)]!;
  return { name: name!, province: p.name, region: p.region, population: Number(thousands) * 1000 };
}).sort((a, b) => b.population - a.population);

/** For more communes than the real lists hold: names built the way real ones are. */
export const FR_NAME_PARTS = {
  saints: ['Saint-Martin', 'Saint-Laurent', 'Saint-Jean', 'Saint-Pierre', 'Saint-Georges', 'Saint-Germain', 'Sainte-Marie', 'Saint-Julien', 'Saint-Étienne', 'Saint-Paul', 'Saint-Michel', 'Saint-André', 'Sainte-Croix', 'Saint-Hilaire', 'Saint-Vincent', 'Saint-Denis', 'Saint-Cyr', 'Saint-Amand', 'Saint-Sauveur', 'Saint-Aubin'],
  roots: ['Villeneuve', 'Montagny', 'Beaumont', 'Châteauneuf', 'Fontaine', 'Rochefort', 'Montigny', 'Neuville', 'Bellevue', 'Mont', 'Bois', 'Clairvaux', 'Valbonne', 'Roquebrune', 'Aubigny', 'Marcilly', 'Chaumont', 'Bourg', 'Château', 'Villers', 'Vaux', 'Pont', 'Moulins', 'Verneuil', 'Brézé', 'Montreuil', 'Champagne', 'Lussac', 'Cérons', 'Fleury', 'Vic', 'Aigues', 'Salles', 'Mézières', 'Plessis', 'Ormes', 'Chênes'],
  suffixes: ['sur-Mer', 'sur-Loire', 'sur-Seine', 'sur-Marne', 'les-Bains', 'en-Provence', 'le-Château', 'la-Forêt', 'du-Lac', 'sur-Saône', 'le-Vieux', 'la-Ville', 'en-Bresse', 'sur-Lot', 'de-Guyenne', 'en-Vexin', 'sous-Bois', 'lès-Tours', 'sur-Orne', 'la-Garenne', 'en-Velay', 'sur-Vienne', 'des-Champs', 'aux-Bois'],
};

export const MA_NAME_PARTS = {
  prefixes: ['Sidi', 'Aït', 'Ouled', 'Beni', 'Tizi', 'Aïn', 'Oulad', 'Had', 'Souk El', 'Tnine', 'Sebt', 'Khemis', 'Arbaa', 'Jemâa', 'Dar', 'Ksar', 'Bni', 'Moulay', 'Lalla', 'Oued'],
  roots: ['Ali', 'Bouzid', 'Moussa', 'Hammou', 'Brahim', 'Yahia', 'Daoud', 'Ourir', 'Saïd', 'Abdallah', 'Amar', 'Lahcen', 'Bennour', 'Rahal', 'Mellal', 'Yazza', 'Issaf', 'Boubker', 'Allal', 'Mokhtar', 'Taïbi', 'Smaïl', 'Zouine', 'Chiker', 'Ghiate', 'Frej', 'Tamesna', 'Imlil', 'Ouirgane', 'Tighza', 'Zerhoun', 'Bouskoura', 'Abbou', 'Larbi', 'Haddou', 'Messaoud', 'Hsaine', 'Kacem', 'Ayad', 'Bourja'],
};

/** People's names for executives, by country: first and last names. */
export const PEOPLE: Readonly<Record<string, { first: readonly string[]; last: readonly string[] }>> = {
  FR: {
    first: ['Jean', 'Marie', 'Pierre', 'Anne', 'Michel', 'Catherine', 'Philippe', 'Isabelle', 'Alain', 'Sylvie', 'Bernard', 'Martine', 'François', 'Nathalie', 'Christian', 'Sophie', 'Gérard', 'Françoise', 'Daniel', 'Claire'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Blanc'],
  },
  MA: {
    first: ['Mohamed', 'Fatima', 'Ahmed', 'Khadija', 'Abdellah', 'Aïcha', 'Hassan', 'Naïma', 'Youssef', 'Malika', 'Mustapha', 'Zineb', 'Rachid', 'Samira', 'Abdelaziz', 'Latifa', 'Driss', 'Nadia', 'Omar', 'Hamid'],
    last: ['El Idrissi', 'Benjelloun', 'Alaoui', 'Bennani', 'Tazi', 'El Fassi', 'Berrada', 'Chraibi', 'Lahlou', 'Sqalli', 'El Amrani', 'Ouazzani', 'Benkirane', 'Zniber', 'El Ouafi', 'Chabat', 'Kettani', 'Naciri', 'Bouazza', 'El Khattabi'],
  },
};

/** For a country with no list of its own: given names and surnames found in many countries. */
export const NEUTRAL_PEOPLE = {
  first: ['Maria', 'David', 'Anna', 'Daniel', 'Sara', 'Adam', 'Nina', 'Samuel', 'Eva', 'Joseph', 'Lina', 'Thomas', 'Hana', 'Elias', 'Amina', 'Noah', 'Leila', 'Jonas', 'Sofia', 'Ibrahim'],
  last: ['Diallo', 'Novak', 'Costa', 'Ahmed', 'Silva', 'Keller', 'Traoré', 'Horváth', 'Mensah', 'Petrov', 'Haddad', 'Jensen', 'Ndiaye', 'Rossi', 'Kowalski', 'Sow', 'Fischer', 'Ben Salah', 'Popescu', 'Camara'],
} as const;
