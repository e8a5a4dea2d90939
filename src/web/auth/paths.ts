/** The members' URLs (sign-in, account, administration, census, review, history), in one place. */
const e = encodeURIComponent;

/** Record types as the URLs name them. */
export const TYPE_SLUGS = { collectivity: 'collectivite', partnership: 'partenariat', project: 'projet', domain: 'domaine' } as const;
export type SluggedType = keyof typeof TYPE_SLUGS;

/** The record type of a URL's slug, or undefined. */
export function typeOfSlug(slug: string): SluggedType | undefined {
  return (Object.keys(TYPE_SLUGS) as SluggedType[]).find((type) => TYPE_SLUGS[type] === slug);
}

const slug = (type: string) => TYPE_SLUGS[type as SluggedType] ?? type;

export const memberPaths = {
  signIn: (next?: string) => (next === undefined ? '/connexion' : `/connexion?suite=${e(next)}`),
  signOut: () => '/deconnexion',
  account: () => '/compte',
  signOutEverywhere: () => '/compte/deconnexion-partout',
  invitation: (token: string) => `/invitation/${e(token)}`,
  users: () => '/admin/utilisateurs',
  userAction: (action: 'desactiver' | 'reactiver' | 'inviter') => `/admin/utilisateurs/${action}`,
  personalData: () => '/admin/donnees-personnelles',
  personExport: () => '/admin/donnees-personnelles/export',
  personErase: () => '/admin/donnees-personnelles/effacer',
  personConsent: () => '/admin/donnees-personnelles/consentement',
  census: () => '/recensement',
  campaign: (id: string, collectivityId?: string) => `/recensement/${e(id)}${collectivityId === undefined ? '' : `?collectivite=${e(collectivityId)}`}`,
  campaignClose: (id: string) => `/recensement/${e(id)}/clore`,
  campaignRecord: (id: string, type: string, recordId: string, collectivityId?: string) =>
    `/recensement/${e(id)}/fiche/${slug(type)}/${e(recordId)}${collectivityId === undefined ? '' : `?collectivite=${e(collectivityId)}`}`,
  campaignNew: (id: string, type: 'projet' | 'partenariat', query: Record<string, string | undefined> = {}) => {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
    return `/recensement/${e(id)}/nouveau/${type}${params === '' ? '' : `?${params}`}`;
  },
  campaignDraft: (id: string, proposalId: string, collectivityId?: string) =>
    `/recensement/${e(id)}/proposition/${e(proposalId)}${collectivityId === undefined ? '' : `?collectivite=${e(collectivityId)}`}`,
  campaignCloseProject: (id: string) => `/recensement/${e(id)}/clore-projet`,
  campaignWithdraw: (id: string) => `/recensement/${e(id)}/retirer`,
  campaignSubmit: (id: string) => `/recensement/${e(id)}/envoyer`,
  dashboard: (id: string) => `/recensement/${e(id)}/tableau-de-bord`,
  queue: () => '/relecture',
  proposal: (id: string) => `/relecture/${e(id)}`,
  proposalAction: (id: string, action: 'accepter' | 'refuser' | 'modifier') => `/relecture/${e(id)}/${action}`,
  history: (type: string, id: string) => `/historique/${slug(type)}/${e(id)}`,
  revert: (type: string, id: string) => `/historique/${slug(type)}/${e(id)}/retablir`,
  edit: (type: string, id: string) => `/modifier/${slug(type)}/${e(id)}`,
  quality: () => '/qualite',
  qualityJson: () => '/qualite.json',
  qualityAccept: () => '/qualite/accepter',
};

const LOCAL = 'http://repertoire.invalid';

/**
 * A local path to go back to after signing in, written as a Location header may carry it: the
 * path, query and fragment percent-encoded by the URL parser (`é` as `%C3%A9`, so never a byte a
 * header refuses). Never another site (`//host`, `/\host`), and nothing the parser would drop
 * or reinterpret (control characters, spaces, backslashes): those give undefined, and the
 * caller goes to its default page.
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000 || !value.startsWith('/') || value.startsWith('//')) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(value)) return undefined;
  const url = new URL(value, LOCAL);
  if (url.origin !== LOCAL) return undefined;
  const local = `${url.pathname}${url.search}${url.hash}`;
  return local.length <= 2000 ? local : undefined;
}
