/** The members' URLs (sign-in, account, administration, census, review, history), in one place, in the language of the page being drawn (language.ts). */
import { languagePrefix } from '../language.js';
import { withQuery } from '../paths.js';

const e = encodeURIComponent;

/** Record types as the URLs name them. */
export const TYPE_SLUGS = { collectivity: 'collectivite', partnership: 'partenariat', project: 'projet', domain: 'domaine' } as const;
export type SluggedType = keyof typeof TYPE_SLUGS;

/** The record type of a URL's slug, or undefined. */
export function typeOfSlug(slug: string): SluggedType | undefined {
  return SLUGGED_TYPES.find((type) => TYPE_SLUGS[type] === slug);
}

const SLUGGED_TYPES: readonly SluggedType[] = ['collectivity', 'partnership', 'project', 'domain'];

const slug = (type: string) => {
  const slugged = SLUGGED_TYPES.find((t) => t === type);
  return slugged === undefined ? type : TYPE_SLUGS[slugged];
};

export const memberPaths = {
  signIn: (next?: string) => withQuery(`${languagePrefix()}/connexion`, { suite: next }),
  signOut: () => `${languagePrefix()}/deconnexion`,
  account: () => `${languagePrefix()}/compte`,
  signOutEverywhere: () => `${languagePrefix()}/compte/deconnexion-partout`,
  accountLanguage: () => `${languagePrefix()}/compte/langue`,
  invitation: (token: string) => `${languagePrefix()}/invitation/${e(token)}`,
  forgotPassword: () => `${languagePrefix()}/mot-de-passe-oublie`,
  passwordReset: (token: string) => `${languagePrefix()}/mot-de-passe/${e(token)}`,
  users: () => `${languagePrefix()}/admin/utilisateurs`,
  userAction: (action: 'desactiver' | 'reactiver' | 'inviter' | 'role') => `${languagePrefix()}/admin/utilisateurs/${action}`,
  personalData: () => `${languagePrefix()}/admin/donnees-personnelles`,
  tables: () => `${languagePrefix()}/admin/tableaux`,
  personExport: () => `${languagePrefix()}/admin/donnees-personnelles/export`,
  personErase: () => `${languagePrefix()}/admin/donnees-personnelles/effacer`,
  personConsent: () => `${languagePrefix()}/admin/donnees-personnelles/consentement`,
  census: () => `${languagePrefix()}/recensement`,
  /** a collectivity's records in a campaign (an editor names the collectivity; `query`: what was just done, a picker's search) */
  campaign: (id: string, collectivityId?: string, query: Record<string, string | number | undefined> = {}) => withQuery(`${languagePrefix()}/recensement/${e(id)}`, { collectivite: collectivityId, ...query }),
  campaignClose: (id: string) => `${languagePrefix()}/recensement/${e(id)}/clore`,
  campaignRecord: (id: string, type: string, recordId: string, collectivityId?: string) =>
    withQuery(`${languagePrefix()}/recensement/${e(id)}/fiche/${slug(type)}/${e(recordId)}`, { collectivite: collectivityId }),
  campaignNew: (id: string, type: 'projet' | 'partenariat', query: Record<string, string | undefined> = {}) => withQuery(`${languagePrefix()}/recensement/${e(id)}/nouveau/${type}`, query),
  campaignDraft: (id: string, proposalId: string, collectivityId?: string) => withQuery(`${languagePrefix()}/recensement/${e(id)}/proposition/${e(proposalId)}`, { collectivite: collectivityId }),
  campaignCloseProject: (id: string) => `${languagePrefix()}/recensement/${e(id)}/clore-projet`,
  campaignWithdraw: (id: string) => `${languagePrefix()}/recensement/${e(id)}/retirer`,
  campaignSubmit: (id: string) => `${languagePrefix()}/recensement/${e(id)}/envoyer`,
  dashboard: (id: string) => `${languagePrefix()}/recensement/${e(id)}/tableau-de-bord`,
  answersCsv: (id: string) => `${languagePrefix()}/recensement/${e(id)}/reponses.csv`,
  inviteAll: (id: string) => `${languagePrefix()}/recensement/${e(id)}/inviter-tous`,
  queue: () => `${languagePrefix()}/relecture`,
  proposal: (id: string) => `${languagePrefix()}/relecture/${e(id)}`,
  proposalAction: (id: string, action: 'accepter' | 'refuser' | 'modifier') => `${languagePrefix()}/relecture/${e(id)}/${action}`,
  history: (type: string, id: string) => `${languagePrefix()}/historique/${slug(type)}/${e(id)}`,
  revert: (type: string, id: string) => `${languagePrefix()}/historique/${slug(type)}/${e(id)}/retablir`,
  edit: (type: string, id: string) => `${languagePrefix()}/modifier/${slug(type)}/${e(id)}`,
  quality: () => `${languagePrefix()}/qualite`,
  qualityJson: () => `${languagePrefix()}/qualite.json`,
  qualityAccept: () => `${languagePrefix()}/qualite/accepter`,
  noticePublish: () => `${languagePrefix()}/recherches-de-partenaires/publier`,
  noticeQueue: () => `${languagePrefix()}/recherches-de-partenaires/relecture`,
  noticeDecision: (id: string, action: 'accepter' | 'refuser' | 'retirer') => `${languagePrefix()}/recherches-de-partenaires/${e(id)}/${action}`,
  noticeAnswer: (id: string) => `${languagePrefix()}/recherches-de-partenaires/${e(id)}/repondre`,
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
