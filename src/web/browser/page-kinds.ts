/**
 * One page of each kind the site serves, for the tests and the screenshots that look at them all
 * (layout.test.ts, scripts/screenshots.ts): [name, url]. The members' pages need an editor signed in.
 */
export const PUBLIC_PAGE_KINDS: readonly (readonly [name: string, url: string])[] = [
  ['home', '/'],
  ['partnerships', '/partenariats'],
  ['projects', '/projets'],
  ['collectivities', '/collectivites'],
  ['domains', '/domaines'],
  ['search', '/recherche?q=eau'],
  ['partnership', '/partenariats/tours-marrakech'],
  ['partnership-many-parties', '/partenariats/herault-souss-massa-draa'],
  ['project', '/projets/tours-marrakech-ingenierie-formation'],
  ['collectivity', '/collectivites/ma-commune-oujda'],
  ['domain', '/domaines/environnement'],
  ['statistics', '/statistiques'],
  ['statistics-of-a-search', '/statistiques?q=eau'],
  ['synthesis', '/synthese'],
  ['report', '/rapport'],
  ['pad', '/pad'],
  ['partner-searches', '/recherches-de-partenaires'],
  ['directories', '/repertoires'],
  ['search-all-directories', '/repertoires/recherche?q=eau'],
  ['sign-in', '/connexion'],
];

export const MEMBERS_PAGE_KINDS: readonly (readonly [name: string, url: string])[] = [
  ['account', '/compte'],
  ['census', '/recensement'],
  ['review-queue', '/relecture'],
  ['notice-form', '/recherches-de-partenaires/publier'],
  ['notice-queue', '/recherches-de-partenaires/relecture'],
];
