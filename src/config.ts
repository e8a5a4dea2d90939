/**
 * Start-up configuration, read once from the environment, validated and frozen. Nothing else
 * reads `process.env`: callers pass the result down.
 */
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RepertoireError } from './errors.js';

export const DEFAULT_DATABASE_URL = 'data/repertoire.db';
export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
/** Pages in progress at once before the server answers 503 (MAX_PAGES_IN_FLIGHT): see web/admission.ts. Under 200 clients on 2 cores, 24 held record pages' p99 at 0.8–0.9 s where 48 and 96 let it reach 1.9–2.4 s, for a fifth fewer answers a second (npm run bench -- load). */
export const DEFAULT_PAGES_IN_FLIGHT = 24;
export const DEFAULT_PAGE_CACHE_MB = 4;

/** ARABIC_DIGITS: `western` (1 2 3, the default) or `arabic` (١ ٢ ٣). */
export type ArabicDigits = 'western' | 'arabic';

export type DatabaseLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

export interface ServerAddress {
  readonly port: number;
  readonly host: string;
}

/** What the members' pages need: the site's public address, and how to set the session cookie. */
export interface SiteOptions {
  /** the site's public address, for invitation links (default: the address of the request) */
  readonly baseUrl?: string;
  /** mark session cookies Secure on every request, also those that reached the app over plain HTTP (behind a TLS proxy) */
  readonly secureCookies: boolean;
  /**
   * the reverse proxies whose X-Forwarded-For (and -Proto, -Host) the site believes: addresses and
   * CIDR ranges. Unset: none, and the client is the connection's address
   */
  readonly trustProxy?: readonly string[];
}

/** Where outgoing mail goes (SMTP_URL, MAIL_FROM); absent: the console transport writes it to the log. */
export interface MailOptions {
  /** smtp://host:port or smtps://host:port, with user:password@ when the server wants them */
  readonly smtpUrl: string;
  /** the From header */
  readonly from: string;
}

export interface Config {
  readonly database: DatabaseLocation;
  readonly mail?: MailOptions;
  /** where `repertoire serve` listens */
  readonly server: ServerAddress;
  /** threads answering searches beside the one serving pages (SQLite); 0 searches on the serving thread */
  readonly searchWorkers?: number;
  readonly site?: SiteOptions;
  /** pages (HTML or JSON) in progress at once; past it, 503 with Retry-After at once. 0: no limit */
  readonly pagesInFlight?: number;
  /** megabytes of drawn public pages kept, by entity tag, to answer the same page again without drawing it; 0: none */
  readonly pageCacheMb?: number;
  /** the digits Arabic pages, mail and exports write numbers and dates with: Western (1 2 3, as Morocco's administration writes them) or Arabic-Indic (١ ٢ ٣) */
  readonly arabicDigits?: ArabicDigits;
  /**
   * REPERTOIRE_READ_ONLY=1 (or `serve --read-only`): an instance on a read replica. It never writes
   * to the store: no migration, no search index rebuilt (it serves the index as replicated), no
   * cache kept, no sign-in nor form (503), no housekeeping. See docs/replica.md
   */
  readonly readOnly?: boolean;
  /** tests only (REPERTOIRE_TEST_PAUSE, honoured under NODE_ENV=test): where a command stops for a while, announcing it on stderr */
  readonly testPause?: TestPause;
}

/**
 * A named step where a command stops: so that a test can kill it there, or act beside it, at a
 * point it knows rather than at a random time. `ms` absent: until the process is killed.
 */
export interface TestPause {
  readonly at: string;
  readonly ms?: number;
}

// A scheme is two letters or more, so a Windows drive ("C:\…") still reads as a path.
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

const DatabaseUrl = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .transform((value, ctx): DatabaseLocation => {
    const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
    if (scheme === undefined) return { kind: 'sqlite', path: value };
    if (scheme === 'postgres' || scheme === 'postgresql') {
      if (!URL.canParse(value)) ctx.addIssue({ code: 'custom', message: `not a valid URL: ${value}` });
      return { kind: 'postgres', url: value };
    }
    if (scheme === 'sqlite' || scheme === 'file') {
      const path = sqlitePath(value, scheme);
      if (path === '') ctx.addIssue({ code: 'custom', message: `no file path in ${value}` });
      return { kind: 'sqlite', path };
    }
    ctx.addIssue({
      code: 'custom',
      message: `unsupported scheme "${scheme}:" in ${value} (expected a file path, sqlite:PATH, file:PATH or postgres://…)`,
    });
    return z.NEVER;
  });

/** sqlite:data/x.db, sqlite://data/x.db, sqlite:///abs/x.db, file:data/x.db, file:///abs/x.db */
function sqlitePath(value: string, scheme: string): string {
  if (scheme === 'file' && value.startsWith('file://')) return fileURLToPath(value);
  const rest = value.slice(scheme.length + 1);
  return rest.startsWith('//') ? rest.slice(2) : rest;
}

/** A whole number from 0 to `max`, written in decimal digits; `message` says what is expected. */
function wholeNumber(max: number, message: string) {
  return z
    .string()
    .trim()
    .regex(/^[0-9]+$/, message)
    .transform(Number)
    .refine((n) => n <= max, message);
}

const Port = wholeNumber(65535, 'must be a whole number from 0 to 65535');
const Workers = wholeNumber(16, 'must be a whole number from 0 to 16').optional();


// A host name or an IP address (IPv6 without brackets): no spaces, no scheme, no port.
const Host = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[A-Za-z0-9.:_-]+$/, 'must be a host name or an IP address, such as 127.0.0.1 or 0.0.0.0');

const BaseUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an http(s) URL, such as https://repertoire.example.org')
  .optional();

const Flag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(1|0|true|false|yes|no|on|off)?$/, 'must be 1 or 0 (true or false)')
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a CIDR range (10.0.0.0/8, fd00::/8), or one of proxy-addr's names for ranges. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^[0-9]{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

// Never "true" (every hop) nor a number of hops: a client talking to the site directly, or adding
// its own X-Forwarded-For, could then choose its address. Only the proxies named are believed.
const TrustProxy = z
  .string()
  .trim()
  .transform((value, ctx): string[] | undefined => {
    if (value === '') return undefined;
    const entries = value.split(',').map((entry) => entry.trim());
    for (const entry of entries) {
      if (!isProxyEntry(entry)) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address, a CIDR range (10.0.0.0/8), loopback, linklocal or uniquelocal (a list separated by commas)` });
      }
    }
    return entries;
  })
  .optional();

const SmtpUrl = z
  .string()
  .trim()
  .refine(
    (value) => value === '' || (/^smtps?:\/\/[^/?#]+/i.test(value) && URL.canParse(value) && new URL(value).hostname !== ''),
    'must be smtp://HOST:PORT or smtps://HOST:PORT (user:password@ before the host when the server wants them)',
  )
  .optional();

// An address, or a name and an address in angle brackets: "Répertoire <repertoire@example.org>".
const MailFrom = z
  .string()
  .trim()
  .refine((value) => value === '' || /^([^<>\r\n]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)$/.test(value), 'must be an e-mail address, such as repertoire@example.org or "Répertoire <repertoire@example.org>"')
  .optional();

// STEP or STEP:MS; only under NODE_ENV=test, so that a stray variable never stalls a real import.
const TestPauseSpec = z
  .string()
  .trim()
  .regex(/^([a-z][a-z-]*(:[0-9]{1,7})?)?$/, 'must be STEP or STEP:MILLISECONDS, such as saved or read:1500')
  .transform((value): TestPause | undefined => {
    if (value === '') return undefined;
    const [at = '', ms] = value.split(':');
    return ms === undefined ? { at } : { at, ms: Number(ms) };
  })
  .optional();

const PageCacheMb = wholeNumber(1024, 'must be a whole number of megabytes from 0 (none) to 1024');

const PagesInFlight = wholeNumber(10_000, 'must be a whole number from 0 (no limit) to 10000');

const ArabicDigitsSetting = z.enum(['western', 'arabic'], { message: 'must be western (1 2 3) or arabic (١ ٢ ٣)' });

const Env = z.object({
  DATABASE_URL: DatabaseUrl.prefault(DEFAULT_DATABASE_URL),
  PORT: Port.prefault(String(DEFAULT_PORT)),
  HOST: Host.prefault(DEFAULT_HOST),
  SITE_URL: BaseUrl,
  SECURE_COOKIES: Flag.prefault(''),
  REPERTOIRE_READ_ONLY: Flag.prefault(''),
  SEARCH_WORKERS: Workers,
  TRUST_PROXY: TrustProxy,
  NODE_ENV: z.string().optional(),
  REPERTOIRE_TEST_PAUSE: TestPauseSpec,
  MAX_PAGES_IN_FLIGHT: PagesInFlight.prefault(String(DEFAULT_PAGES_IN_FLIGHT)),
  PAGE_CACHE_MB: PageCacheMb.prefault(String(DEFAULT_PAGE_CACHE_MB)),
  SMTP_URL: SmtpUrl,
  MAIL_FROM: MailFrom,
  ARABIC_DIGITS: z.preprocess((value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value), ArabicDigitsSetting.optional()),
}).refine((env) => env.REPERTOIRE_TEST_PAUSE === undefined || env.NODE_ENV === 'test', {
  path: ['REPERTOIRE_TEST_PAUSE'],
  message: 'is for tests only (NODE_ENV=test)',
}).refine((env) => !env.SMTP_URL || Boolean(env.MAIL_FROM), {
  path: ['MAIL_FROM'],
  message: 'is needed with SMTP_URL: the sender of the mail, such as "Répertoire <repertoire@example.org>"',
});

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new RepertoireError('config', `Invalid configuration: ${problems.join('; ')}`);
  }
  return Object.freeze({
    database: Object.freeze(parsed.data.DATABASE_URL),
    ...(parsed.data.SMTP_URL ? { mail: Object.freeze({ smtpUrl: parsed.data.SMTP_URL, from: parsed.data.MAIL_FROM! }) } : {}),
    server: Object.freeze({ port: parsed.data.PORT, host: parsed.data.HOST }),
    ...(parsed.data.SEARCH_WORKERS !== undefined ? { searchWorkers: parsed.data.SEARCH_WORKERS } : {}),
    pagesInFlight: parsed.data.MAX_PAGES_IN_FLIGHT,
    pageCacheMb: parsed.data.PAGE_CACHE_MB,
    arabicDigits: parsed.data.ARABIC_DIGITS ?? 'western',
    site: Object.freeze({
      ...(parsed.data.SITE_URL ? { baseUrl: parsed.data.SITE_URL } : {}),
      secureCookies: parsed.data.SECURE_COOKIES,
      ...(parsed.data.TRUST_PROXY !== undefined ? { trustProxy: Object.freeze(parsed.data.TRUST_PROXY) } : {}),
    }),
    ...(parsed.data.REPERTOIRE_READ_ONLY ? { readOnly: true } : {}),
    ...(parsed.data.REPERTOIRE_TEST_PAUSE !== undefined ? { testPause: Object.freeze(parsed.data.REPERTOIRE_TEST_PAUSE) } : {}),
  });
}
