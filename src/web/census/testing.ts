/**
 * For the members' tests: the site over the 2008 directory (see ../testing.ts) with accounts
 * created through the account service and their invitations accepted (an administrator, two
 * editors, a contributor for Oujda and one for Agadir), and helpers to sign in over HTTP and to
 * post forms with their CSRF token, as a browser would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createAccountService } from '../../accounts/service.js';
import { CLI_ACTOR, type Role } from '../../accounts/roles.js';
import { DIRECTORY_ID, openTestSite, type TestSite } from '../testing.js';

export const OUJDA = 'ma-commune-oujda';
export const AGADIR = 'ma-commune-agadir';
export const AIX_OUJDA = 'aix-en-provence-oujda';
/** a project of Aix-en-Provence ⇄ Oujda */
export const AIX_OUJDA_PROJECT = 'aix-en-provence-oujda-environnement-et-espaces-verts';
/** a partnership of Agadir's, and its project: not Oujda's */
export const AGADIR_PARTNERSHIP = 'montreuil-agadir';
export const AGADIR_PROJECT = 'montreuil-agadir-echanges-universitaires';
export const PASSWORD = 'correct horse battery staple';

export interface Person {
  email: string;
  name: string;
  role: Role;
  collectivityId?: string;
}

export const PEOPLE = {
  admin: { email: 'admin@repertoire.test', name: 'Alice Admin', role: 'admin' },
  editor: { email: 'editor@repertoire.test', name: 'Éric Éditeur', role: 'editor' },
  editor2: { email: 'editrice@repertoire.test', name: 'Inès Éditrice', role: 'editor' },
  oujda: { email: 'staff@oujda.ma', name: 'Karim Oujda', role: 'contributor', collectivityId: OUJDA },
  agadir: { email: 'staff@agadir.ma', name: 'Samira Agadir', role: 'contributor', collectivityId: AGADIR },
} as const satisfies Record<string, Person>;

export type PersonName = keyof typeof PEOPLE;

export interface MembersSite extends TestSite {
  /** signs in over HTTP: the Cookie header to send afterwards */
  signIn(who: PersonName): Promise<Browser>;
  anonymous(): Browser;
}

/** A cookie jar and the requests a browser makes: GET, and POST of a form with its page's CSRF token. */
export interface Browser {
  cookies: Map<string, string>;
  get(url: string): Promise<LightMyRequestResponse>;
  /** posts `fields`, adding the `_csrf` of the session (or of the page `csrfFrom`, when given) */
  post(url: string, fields: Record<string, string | string[]>, options?: { csrf?: string | null; csrfFrom?: string }): Promise<LightMyRequestResponse>;
  /** the CSRF token of a page's form (the one posting to `action`, when given; else the first) */
  csrfOf(url: string, action?: string): Promise<string>;
}

export function browser(app: FastifyInstance): Browser {
  const cookies = new Map<string, string>();
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now())) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
    return response;
  };
  const self: Browser = {
    cookies,
    async get(url) {
      return remember(await app.inject({ method: 'GET', url, headers: { cookie: header(), accept: 'text/html' } }));
    },
    async csrfOf(url, action) {
      const page = await self.get(url);
      const forms = [...page.body.matchAll(/<form[^>]*action="([^"]*)"[^>]*>[\s\S]*?name="_csrf" value="([^"]+)"/g)];
      const own = forms.find((form) => action !== undefined && form[1]!.replace(/&amp;/g, '&') === action);
      if (own !== undefined) return own[2]!;
      const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
      if (match === null) throw new Error(`no CSRF token on ${url} (${page.statusCode})`);
      return match[1]!;
    },
    async post(url, fields, options = {}) {
      const params = new URLSearchParams();
      const csrf = options.csrf === undefined ? await self.csrfOf(options.csrfFrom ?? '/compte', url.split('?')[0]) : options.csrf;
      if (csrf !== null) params.append('_csrf', csrf);
      for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
      return remember(
        await app.inject({ method: 'POST', url, payload: params.toString(), headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } }),
      );
    },
  };
  return self;
}

export async function openMembersSite(options: { search?: boolean; env?: Record<string, string> } = {}): Promise<MembersSite> {
  const site = await openTestSite({ search: options.search ?? false, ...(options.env ? { env: options.env } : {}) });
  const accounts = createAccountService({ db: site.store.db, baseUrl: 'http://localhost', defaultDirectory: async () => DIRECTORY_ID });
  for (const person of Object.values<Person>(PEOPLE)) {
    const { link } = await accounts.createUser(person, CLI_ACTOR);
    const token = link.split('/invitation/')[1]!;
    await accounts.acceptInvitation({ token, password: PASSWORD, confirmation: PASSWORD });
  }
  return {
    ...site,
    anonymous: () => browser(site.app),
    async signIn(who) {
      const b = browser(site.app);
      const person = PEOPLE[who];
      const response = await b.post('/connexion', { email: person.email, password: PASSWORD }, { csrfFrom: '/connexion' });
      if (response.statusCode !== 303) throw new Error(`sign-in of ${who} failed: ${response.statusCode} ${response.body.slice(0, 500)}`);
      return b;
    },
  };
}

/** Opens a census campaign as `editor` (signed in as an editor); its id. */
export async function openCampaign(editor: Browser, title: string): Promise<string> {
  const opened = await editor.post('/recensement', { title });
  if (opened.statusCode !== 303) throw new Error(`opening the campaign "${title}" failed: ${opened.statusCode} ${opened.body.slice(0, 500)}`);
  return opened.headers.location!.split('/').pop()!;
}

/** The text of an HTML page, tags removed and entities decoded: what a reader sees. */
export function text(body: string): string {
  return body
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
