/**
 * What synthetic projects are made of: the 2008 directory's domain taxonomy (same codes as its
 * synthesis, `src/import/directory/synthesis.ts`), and per domain the French words of project
 * titles, objectives and descriptions. `{in-home}` and `{in-partner}` stand for "en France", "au Maroc":
 * the directory's countries (`inCountry`); `{douars}`, `{medina}`…: words of a partner country's
 * own (`SynthSide.words`: Morocco's douars and médinas), neutral ones for any other country.
 */

export interface DomainDef {
  code: string;
  label: string;
  parent?: string;
}

/** The 33 domains of the 2008 directory, in its order (read from an imported store: one label, one domain, model/domain-labels.ts). */
export const DOMAINS: readonly DomainDef[] = [
  ['developpement-urbain', 'Développement urbain'],
  ['developpement-urbain-amenagement', 'Aménagement', 'developpement-urbain'],
  ['developpement-urbain-transports', 'Transports', 'developpement-urbain'],
  ['developpement-urbain-eau-assainissement', 'Eau & assainissement', 'developpement-urbain'],
  ['developpement-urbain-proprete', 'Propreté', 'developpement-urbain'],
  ['developpement-rural', 'Développement rural'],
  ['developpement-economique', 'Développement économique'],
  ['developpement-economique-tourisme', 'Tourisme', 'developpement-economique'],
  ['developpement-economique-artisanat', 'Artisanat', 'developpement-economique'],
  ['developpement-economique-commerce-equitable', 'Commerce équitable', 'developpement-economique'],
  ['developpement-economique-autres', 'Autres (Développement économique)', 'developpement-economique'],
  ['environnement', 'Environnement'],
  ['environnement-maitrise-de-l-energie', "Maîtrise de l'énergie", 'environnement'],
  ['environnement-circulations-douces', 'Circulations douces', 'environnement'],
  ['environnement-autres', 'Autres (Environnement)', 'environnement'],
  ['developpement-social', 'Développement social'],
  ['developpement-social-renforcement-de-la-societe-civile', 'Renforcement de la société civile', 'developpement-social'],
  ['developpement-social-sante', 'Santé', 'developpement-social'],
  ['developpement-social-insertion-des-jeunes-par-l-economie', "Insertion des jeunes par l'économie", 'developpement-social'],
  ['developpement-social-insertion-des-femmes', 'Insertion des femmes', 'developpement-social'],
  ['developpement-social-autres', 'Autres (Développement social)', 'developpement-social'],
  ['education-et-jeunesse', 'Éducation et jeunesse'],
  ['education-et-jeunesse-chantiers-et-echanges-de-jeunes', 'Chantiers et échanges de jeunes', 'education-et-jeunesse'],
  ['education-et-jeunesse-cooperation-universitaire', 'Coopération universitaire', 'education-et-jeunesse'],
  ['education-et-jeunesse-education', 'Éducation', 'education-et-jeunesse'],
  ['education-et-jeunesse-autres-types-d-actions-en-matiere-de-jeunesse', "Autres types d'actions en matière de jeunesse", 'education-et-jeunesse'],
  ['culture', 'Culture'],
  ['culture-lecture', 'Lecture', 'culture'],
  ['culture-echanges-culturels', 'Échanges culturels', 'culture'],
  ['culture-soutien-aux-lieux-et-evenements-culturels', 'Soutien aux lieux et événements culturels', 'culture'],
  ['culture-autres', 'Autres (Culture)', 'culture'],
  ['patrimoine', 'Patrimoine'],
  ['sport', 'Sport'],
].map(([code, label, parent]) => (parent === undefined ? { code: code!, label: label! } : { code: code!, label: label!, parent }));

/** A theme of projects: the domains it files under, and words to build titles and texts. */
export interface Theme {
  heading: string;
  /** "Projet …": d'eau et d'assainissement, culturel */
  subject: string;
  domains: readonly string[];
  actions: readonly string[];
  objects: readonly string[];
  places: readonly string[];
  results: readonly string[];
}

export const THEMES: readonly Theme[] = [
  {
    heading: 'EAU ET ASSAINISSEMENT',
    subject: "d'eau et d'assainissement",
    domains: ['developpement-urbain-eau-assainissement'],
    actions: ['Réhabilitation', 'Extension', 'Étude de faisabilité', 'Construction', 'Renforcement', 'Gestion'],
    objects: ["du réseau d'eau potable", "du réseau d'assainissement", "d'une station d'épuration", 'des bornes-fontaines', 'des puits collectifs', "de l'adduction d'eau", 'des eaux usées', 'des eaux pluviales'],
    places: ['{medina}', '{douars}', 'du quartier périphérique', 'de la commune rurale', 'du centre-ville', 'des quartiers sous-équipés'],
    results: ["accès à l'eau potable pour les ménages", 'baisse des maladies hydriques', "création d'une régie communale de l'eau", 'formation des techniciens municipaux'],
  },
  {
    heading: 'DEVELOPPEMENT URBAIN',
    subject: 'de développement urbain',
    domains: ['developpement-urbain', 'developpement-urbain-amenagement'],
    actions: ['Élaboration', 'Appui à la mise en œuvre', 'Assistance à maîtrise d’ouvrage pour', 'Diagnostic', 'Requalification', 'Aménagement'],
    objects: ["du plan d'aménagement", "du schéma directeur d'urbanisme", 'des espaces publics', 'des places et jardins', "du système d'information géographique", 'du cadastre'],
    places: ['de la ville nouvelle', 'du centre historique', 'des quartiers périphériques', 'de la commune urbaine', "de l'agglomération"],
    results: ['un plan adopté par le conseil communal', 'des agents formés à la planification urbaine', 'des espaces publics réaménagés'],
  },
  {
    heading: 'TRANSPORTS',
    subject: 'de transports urbains',
    domains: ['developpement-urbain-transports', 'environnement-circulations-douces'],
    actions: ['Élaboration', 'Étude', 'Organisation', 'Modernisation', 'Mise en place'],
    objects: ['du plan de déplacements urbains', 'des transports en commun', 'de la circulation et du stationnement', 'des pistes cyclables', 'de la signalisation routière', 'de la gare routière'],
    places: ['de la ville', "de l'agglomération", 'du centre-ville', 'des axes principaux'],
    results: ['un plan de circulation adopté', 'une régie des transports créée', 'des carrefours sécurisés'],
  },
  {
    heading: 'PROPRETE ET DECHETS',
    subject: 'de propreté et de gestion des déchets',
    domains: ['developpement-urbain-proprete', 'environnement-autres'],
    actions: ['Organisation', 'Amélioration', 'Étude', 'Mise en place', 'Réhabilitation'],
    objects: ['de la collecte des déchets ménagers', 'du tri sélectif', 'de la décharge contrôlée', 'du service de propreté', 'du compostage des déchets verts'],
    places: ['de la commune', 'des marchés municipaux', '{medina}', 'des quartiers'],
    results: ['une collecte régulière dans tous les quartiers', 'une décharge sauvage résorbée', 'des agents de propreté équipés'],
  },
  {
    heading: 'DEVELOPPEMENT RURAL',
    subject: 'de développement rural',
    domains: ['developpement-rural'],
    actions: ['Appui', 'Soutien', 'Développement', 'Structuration', 'Électrification', 'Désenclavement'],
    objects: ['aux coopératives agricoles', "{irrigation}", "de l'élevage caprin", '{filieres}', 'des pistes rurales', '{douars} isolés', 'de la production apicole'],
    places: ['de la vallée', '{cercle}', 'de la province', 'des communes rurales', '{montagne}'],
    results: ['des revenus accrus pour les agriculteurs', 'une coopérative créée', 'des pistes praticables toute l’année'],
  },
  {
    heading: 'DEVELOPPEMENT ECONOMIQUE',
    subject: 'de développement économique',
    domains: ['developpement-economique', 'developpement-economique-autres', 'developpement-economique-commerce-equitable'],
    actions: ['Création', 'Appui', 'Promotion', 'Accompagnement', 'Mise en réseau'],
    objects: ["d'une pépinière d'entreprises", 'des petites et moyennes entreprises', "d'une zone d'activités", 'du commerce équitable', 'des chambres de commerce', 'du microcrédit'],
    places: ['de la région', 'de la ville', 'de la province', 'des deux territoires'],
    results: ['des entreprises créées', 'des échanges commerciaux entre les deux territoires', 'des emplois pour les jeunes diplômés'],
  },
  {
    heading: 'TOURISME',
    subject: 'de tourisme',
    domains: ['developpement-economique-tourisme'],
    actions: ['Promotion', 'Valorisation', 'Développement', 'Formation', 'Création'],
    objects: ['du tourisme rural', "des gîtes d'étape", 'des circuits touristiques', 'des guides de montagne', "d'un office de tourisme", "de l'écotourisme"],
    places: ['de la vallée', 'du littoral', "{oasis}", '{medina}', 'du massif'],
    results: ['des guides formés et agréés', 'un circuit balisé', 'des nuitées supplémentaires'],
  },
  {
    heading: 'ARTISANAT',
    subject: "d'artisanat",
    domains: ['developpement-economique-artisanat'],
    actions: ['Soutien', 'Valorisation', 'Formation', 'Commercialisation'],
    objects: ['aux artisans potiers', '{tapis}', 'de la dinanderie', 'des artisans du cuir', 'de la broderie', '{bois}'],
    places: ['{medina}', 'de la coopérative', '{souk}', 'de la ville'],
    results: ['une boutique de vente ouverte', 'des artisanes formées', 'une participation à des salons {in-home}'],
  },
  {
    heading: 'ENERGIE',
    subject: "de maîtrise de l'énergie",
    domains: ['environnement-maitrise-de-l-energie'],
    actions: ['Maîtrise', 'Audit', 'Installation', 'Promotion', 'Utilisation rationnelle'],
    objects: ["de l'énergie", "de l'éclairage public", 'de chauffe-eau solaires', 'des énergies renouvelables', "de l'énergie électrique", 'des bâtiments communaux'],
    places: ['de la commune', 'des écoles', '{hammam}', 'des bâtiments publics'],
    results: ["des économies d'énergie mesurées", 'des panneaux solaires installés', 'une facture énergétique réduite'],
  },
  {
    heading: 'ENVIRONNEMENT',
    subject: "d'environnement",
    domains: ['environnement', 'environnement-autres'],
    actions: ['Protection', 'Sensibilisation', 'Reboisement', 'Gestion', 'Création'],
    objects: ['des espaces verts', "de l'environnement", '{palmeraie}', 'des zones humides', "d'un jardin botanique", 'de la biodiversité'],
    places: ['de la ville', 'du littoral', 'de la province', 'des écoles'],
    results: ['des hectares reboisés', 'des élèves sensibilisés', 'un parc urbain ouvert au public'],
  },
  {
    heading: 'SOCIETE CIVILE',
    subject: 'de renforcement de la société civile',
    domains: ['developpement-social-renforcement-de-la-societe-civile', 'developpement-social', 'developpement-social-autres'],
    actions: ['Renforcement', 'Appui', 'Échanges', 'Formation', 'Accompagnement'],
    objects: ['des associations de quartier', 'de la société civile', 'des élus et cadres municipaux', "de l'administration communale", 'des ONG locales', 'de la démocratie locale'],
    places: ['des deux villes', 'de la commune', 'de la région', 'des deux collectivités'],
    results: ['des associations structurées', 'des agents communaux formés', 'un conseil consultatif créé'],
  },
  {
    heading: 'SANTE',
    subject: 'de santé',
    domains: ['developpement-social-sante'],
    actions: ['Équipement', 'Construction', 'Appui', 'Formation', 'Campagne'],
    objects: ['du dispensaire', 'du centre de santé', "de l'hôpital provincial", 'des sages-femmes', 'de prévention', "d'une ambulance"],
    places: ['de la commune rurale', 'du quartier', 'de la province', '{douars}'],
    results: ['des consultations plus nombreuses', 'du matériel médical livré', 'des personnels soignants formés'],
  },
  {
    heading: 'INSERTION',
    subject: "d'insertion",
    domains: ['developpement-social-insertion-des-jeunes-par-l-economie', 'developpement-social-insertion-des-femmes'],
    actions: ['Insertion', 'Formation professionnelle', 'Alphabétisation', 'Appui', 'Création'],
    objects: ['des jeunes', 'des femmes', 'des jeunes diplômés', "d'une maison des femmes", 'des femmes rurales', "d'un centre de formation"],
    places: ['du quartier', 'de la commune', 'de la ville', '{douars}'],
    results: ['des jeunes insérés dans l’emploi', 'des femmes alphabétisées', 'des activités génératrices de revenus'],
  },
  {
    heading: 'JEUNESSE',
    subject: 'de jeunesse',
    domains: ['education-et-jeunesse-chantiers-et-echanges-de-jeunes', 'education-et-jeunesse-autres-types-d-actions-en-matiere-de-jeunesse', 'education-et-jeunesse'],
    actions: ['Échanges', 'Chantier', 'Accueil', 'Séjour', 'Rencontres'],
    objects: ['de jeunes', 'international de jeunes', 'des maisons de jeunes', 'de jeunes animateurs', 'des conseils municipaux de jeunes'],
    places: ['entre les deux villes', '{in-home}', '{in-partner}', 'de la commune'],
    results: ['des jeunes accueillis de part et d’autre', 'une maison des jeunes rénovée', 'des animateurs formés'],
  },
  {
    heading: 'EDUCATION',
    subject: "d'éducation",
    domains: ['education-et-jeunesse-education', 'education-et-jeunesse-cooperation-universitaire'],
    actions: ['Équipement', 'Jumelage', 'Coopération', 'Construction', 'Soutien'],
    objects: ['des écoles', 'scolaire', 'universitaire', "d'une école préscolaire", 'des bibliothèques scolaires', 'des échanges d’étudiants'],
    places: ['de la commune', '{douars}', 'entre les universités', 'de la ville'],
    results: ['des classes équipées', 'des étudiants accueillis', 'des enseignants formés'],
  },
  {
    heading: 'CULTURE',
    subject: 'culturel',
    domains: ['culture', 'culture-echanges-culturels', 'culture-soutien-aux-lieux-et-evenements-culturels', 'culture-autres', 'culture-lecture'],
    actions: ['Festival', 'Échanges culturels', 'Création', 'Soutien', 'Semaine culturelle', 'Résidence'],
    objects: ['de musique', "d'artistes", "d'une médiathèque", 'au théâtre', 'du livre', 'de la lecture publique', 'du cinéma'],
    places: ['de la ville', 'entre les deux villes', '{medina}', 'de la région'],
    results: ['un festival annuel', 'une médiathèque ouverte', 'des artistes accueillis'],
  },
  {
    heading: 'PATRIMOINE',
    subject: 'de patrimoine',
    domains: ['patrimoine'],
    actions: ['Restauration', 'Sauvegarde', 'Valorisation', 'Inventaire', 'Réhabilitation'],
    objects: ['{kasbah}', 'des remparts', '{medina}', '{fondouks}', '{ksour}', 'du patrimoine bâti', 'des greniers collectifs'],
    places: ['de la ville', 'de la vallée', 'du centre historique', 'de la province'],
    results: ['un monument restauré', 'un inventaire publié', 'des artisans formés aux techniques traditionnelles'],
  },
  {
    heading: 'SPORT',
    subject: 'sportif',
    domains: ['sport'],
    actions: ['Construction', 'Échanges sportifs', 'Équipement', 'Tournoi', 'Formation'],
    objects: ["d'un terrain de sport", 'de football', 'des éducateurs sportifs', "d'une salle omnisports", 'de handball'],
    places: ['de la commune', 'entre les clubs', 'du quartier', 'des deux villes'],
    results: ['un terrain ouvert aux jeunes', 'un tournoi annuel', 'des éducateurs diplômés'],
  },
];

export const FRAMEWORKS = [
  ['Convention de coopération décentralisée', 'convention'],
  ['Convention cadre de coopération', 'convention'],
  ['Accord de jumelage', 'jumelage'],
  ['Charte de jumelage', 'jumelage'],
  ['Accord de coopération', 'accord'],
  ['Accord cadre de partenariat', 'accord'],
  ["Protocole d'accord", 'protocole'],
  ["Protocole d'amitié et de coopération", 'protocole'],
  ["Déclaration d'intention", 'declaration'],
  ['Échanges informels', 'none'],
] as const;

export const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export const OTHER_FUNDERS = ['MAE', 'Cofinancement MAE', 'AFD', 'Union européenne', "Agence de l'eau", '{national-programme}', 'PNUD', 'Caisse des Dépôts', 'Fondation de France', 'ADEME'];
