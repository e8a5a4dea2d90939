/**
 * Partner-search notices (issue 22, item 4), the pure part: what a notice is, the checks of a
 * notice being published against its directory and the country profiles, whether a notice is
 * still shown on a day, and whether a collectivity is one the notice looks for. The store and the
 * rights are in partner-notice-service.ts.
 *
 * What a notice seeks: a partner in one country of the directory, of a kind of that country's
 * profile and in one of its top-level divisions (both optional: any), working in some of the
 * directory's domains (none: any).
 */
import { z } from 'zod';
import { parseInput } from '../accounts/validation.js';
import { ValidationError, type FieldErrors } from '../errors.js';
import type { Profiles } from '../profiles/profiles.js';
import { placeKey } from '../profiles/profiles.js';

export const NOTICE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export interface PartnerNotice {
  id: string;
  directoryId: string;
  collectivityId: string;
  authorId?: string;
  domains: string[];
  partnerCountry: string;
  partnerKind?: string;
  /** a top-level division's code in the partner country's profile */
  partnerRegion?: string;
  description: string;
  /** the last day it is shown, YYYY-MM-DD */
  until: string;
  status: NoticeStatus;
  decidedBy?: string;
  decidedAt?: string;
  reviewComment?: string;
  createdAt: string;
}

/** The longest a notice may run: a year, so that the public never reads a search long over. */
export const MAX_NOTICE_DAYS = 366;
export const MAX_NOTICE_DOMAINS = 8;
export const DESCRIPTION_LENGTH = { min: 20, max: 4000 } as const;
export const ANSWER_LENGTH = { min: 20, max: 4000 } as const;

/**
 * Why a field was refused, in French (the services' language); the site shows its own words for
 * each reason (`notices.error.<reason>`), found back from the message by `noticeErrorReason`.
 */
export const NOTICE_ERRORS = {
  required: 'Ce champ est obligatoire.',
  unknownDomain: 'Domaine inconnu de ce répertoire.',
  tooManyDomains: `Au plus ${MAX_NOTICE_DOMAINS} domaines.`,
  unknownCountry: 'Pays qui n’est pas l’un de ceux du répertoire.',
  unknownKind: 'Type de collectivité inconnu pour ce pays.',
  unknownRegion: 'Région inconnue pour ce pays.',
  shortDescription: `Au moins ${DESCRIPTION_LENGTH.min} caractères.`,
  longDescription: `Au plus ${DESCRIPTION_LENGTH.max} caractères.`,
  badDate: 'Date attendue (AAAA-MM-JJ).',
  pastDate: 'La date est passée.',
  farDate: `Au plus ${MAX_NOTICE_DAYS} jours à partir d’aujourd’hui.`,
  unknownCollectivity: 'Collectivité inconnue de ce répertoire.',
} as const;
export type NoticeErrorReason = keyof typeof NOTICE_ERRORS;

export function noticeErrorReason(message: string): NoticeErrorReason | undefined {
  return (Object.keys(NOTICE_ERRORS) as NoticeErrorReason[]).find((reason) => NOTICE_ERRORS[reason] === message);
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A notice as a form sends it: domains as one or several values. */
export const NoticeInput = z.object({
  collectivityId: optionalText,
  domains: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((d) => d.trim()).filter((d) => d !== ''))]),
  partnerCountry: z.string().trim().max(10).default(''),
  partnerKind: optionalText,
  partnerRegion: optionalText,
  description: z.string().trim().max(20_000).default(''),
  until: z.string().trim().max(40).default(''),
});
export type NoticeInput = z.input<typeof NoticeInput>;

/** What the notice's directory offers to choose from. */
export interface NoticeChoices {
  domains: ReadonlySet<string>;
  countries: readonly string[];
}

export interface CheckedNotice {
  domains: string[];
  partnerCountry: string;
  partnerKind?: string;
  partnerRegion?: string;
  description: string;
  until: string;
}

export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** The kinds and the top-level divisions a notice may seek in a country, from its profile. */
export function partnerChoices(profiles: Profiles, country: string): { kinds: string[]; regions: { code: string; name: string }[] } {
  const profile = profiles.find(country);
  if (profile === undefined) return { kinds: [], regions: [] };
  const top = profile.divisions.levels[0]?.code;
  return {
    kinds: profile.kinds.map((k) => k.code),
    regions: profile.divisions.units.filter((u) => u.level === top).map((u) => ({ code: u.code, name: u.name })),
  };
}

/** The notice checked against its directory and the profiles, or every field's reason at once. */
export function checkNotice(raw: unknown, choices: NoticeChoices, profiles: Profiles, today: string): CheckedNotice & { collectivityId?: string } {
  const input = parseInput(NoticeInput, raw);
  const errors: FieldErrors = {};
  const refuse = (field: string, reason: NoticeErrorReason) => (errors[field] ??= NOTICE_ERRORS[reason]);
  if (input.domains.length > MAX_NOTICE_DOMAINS) refuse('domains', 'tooManyDomains');
  if (input.domains.some((d) => !choices.domains.has(d))) refuse('domains', 'unknownDomain');
  const country = input.partnerCountry;
  if (country === '') refuse('partnerCountry', 'required');
  else if (!choices.countries.includes(country)) refuse('partnerCountry', 'unknownCountry');
  const offered = partnerChoices(profiles, country);
  if (input.partnerKind !== undefined && !offered.kinds.includes(input.partnerKind)) refuse('partnerKind', 'unknownKind');
  if (input.partnerRegion !== undefined && !offered.regions.some((r) => r.code === input.partnerRegion)) refuse('partnerRegion', 'unknownRegion');
  if (input.description === '') refuse('description', 'required');
  else if (input.description.length < DESCRIPTION_LENGTH.min) refuse('description', 'shortDescription');
  else if (input.description.length > DESCRIPTION_LENGTH.max) refuse('description', 'longDescription');
  const until = input.until;
  if (until === '') refuse('until', 'required');
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || dayOf(new Date(Date.parse(`${until}T00:00:00Z`) || 0)) !== until) refuse('until', 'badDate');
  else if (until < today) refuse('until', 'pastDate');
  else if (until > addDays(today, MAX_NOTICE_DAYS)) refuse('until', 'farDate');
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, raw);
  return {
    ...(input.collectivityId !== undefined ? { collectivityId: input.collectivityId } : {}),
    domains: input.domains,
    partnerCountry: country,
    ...(input.partnerKind !== undefined ? { partnerKind: input.partnerKind } : {}),
    ...(input.partnerRegion !== undefined ? { partnerRegion: input.partnerRegion } : {}),
    description: input.description,
    until,
  };
}

/** Whether the public sees the notice on `today`: approved, and its last day not past. */
export function isShown(notice: Pick<PartnerNotice, 'status' | 'until'>, today: string): boolean {
  return notice.status === 'approved' && notice.until >= today;
}

/** A collectivity as matching needs it. */
export interface Candidate {
  id: string;
  country: string;
  kind: string;
  region?: string | undefined;
}

/**
 * Whether a collectivity is one the notice looks for: of the country, of the kind and in the region
 * sought (when sought: the region by its name in the profile), not the one publishing, and working
 * in one of the domains sought — a collectivity with no domain on record yet is taken on its kind
 * and region alone, since "no domain known" is not "another domain".
 */
export function matches(notice: Pick<PartnerNotice, 'collectivityId' | 'partnerCountry' | 'partnerKind' | 'partnerRegion' | 'domains'>, c: Candidate, domainsOf: ReadonlySet<string>, profiles: Profiles): boolean {
  if (c.id === notice.collectivityId || c.country !== notice.partnerCountry) return false;
  if (notice.partnerKind !== undefined && c.kind !== notice.partnerKind) return false;
  if (notice.partnerRegion !== undefined) {
    const region = partnerChoices(profiles, c.country).regions.find((r) => r.code === notice.partnerRegion);
    if (region === undefined || c.region === undefined || placeKey(region.name) !== placeKey(c.region)) return false;
  }
  if (notice.domains.length > 0 && domainsOf.size > 0 && !notice.domains.some((d) => domainsOf.has(d))) return false;
  return true;
}
