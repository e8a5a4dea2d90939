/**
 * Partner-search notices' view models: the list (`/recherches-de-partenaires`: approved, not past,
 * of a domain and words of the description when asked), one notice, and the small section of a
 * collectivity's page (`notices`: its own, and those looking for a collectivity like it). Nothing
 * here names who wrote a notice: the public and the JSON twins never see an author or an address;
 * answers go through the members' form (web/notices/routes.ts), by mail.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { systemClock, type Clock } from '../../../accounts/clock.js';
import { shownNotice, shownNotices } from '../../../census/partner-notice-service.js';
import { dayOf, matches, partnerChoices, type PartnerNotice } from '../../../census/partner-notices.js';
import { RepertoireError } from '../../../errors.js';
import { defaultProfiles } from '../../../profiles/profiles.js';
import type { Database } from '../../../store/tables.js';
import type { Directory } from '../../data/directory.js';
import { paths } from '../../paths.js';
import { CollectivityRef, DomainOption, DomainRef, collectivityRef, domainOptions, domainRef, first, strip } from '../common.js';

export const NoticeView = z.object({
  id: z.string(),
  href: z.string(),
  /** who seeks */
  collectivity: CollectivityRef,
  seeks: z.object({
    /** the domains sought (none: any) */
    domains: z.array(DomainRef),
    country: z.string(),
    /** a kind of collectivity of that country (absent: any) */
    kind: z.string().optional(),
    /** a top-level division of that country, by its name (absent: anywhere) */
    region: z.string().optional(),
  }),
  description: z.string(),
  /** the last day it is shown, YYYY-MM-DD */
  until: z.string(),
  /** when an editor approved it */
  publishedAt: z.string().optional(),
});
export type NoticeView = z.infer<typeof NoticeView>;

export const NoticesView = z.object({
  /** the notices shown today, the latest approved first */
  notices: z.array(NoticeView),
  domain: DomainRef.optional(),
  /** the words asked for, searched in the descriptions */
  q: z.string().optional(),
  /** the choices of the filter form: every domain of the directory */
  domains: z.array(DomainOption),
});
export type NoticesView = z.infer<typeof NoticesView>;

export const NoticePageView = z.object({ notice: NoticeView });
export type NoticePageView = z.infer<typeof NoticePageView>;

/** A collectivity page's section: its own notices, and those of others looking for a collectivity like it. */
export const CollectivityNotices = z.object({
  own: z.array(NoticeView),
  /** "cherche un partenaire dans votre domaine" */
  matching: z.array(NoticeView),
});
export type CollectivityNotices = z.infer<typeof CollectivityNotices>;

const todayOf = (clock: Clock | undefined) => dayOf((clock ?? systemClock)());

export function noticeView(dir: Directory, n: PartnerNotice): NoticeView {
  const region = n.partnerRegion === undefined ? undefined : (partnerChoices(defaultProfiles(), n.partnerCountry).regions.find((r) => r.code === n.partnerRegion)?.name ?? n.partnerRegion);
  return strip({
    id: n.id,
    href: paths.notice(n.id),
    collectivity: collectivityRef(dir, n.collectivityId),
    seeks: strip({ domains: n.domains.filter((d) => dir.domain.has(d)).map((d) => domainRef(dir, d)), country: n.partnerCountry, kind: n.partnerKind, region }),
    description: n.description,
    until: n.until,
    publishedAt: n.decidedAt,
  });
}

export async function noticesView(dir: Directory, db: Kysely<Database>, query: Record<string, string | string[] | undefined>, clock?: Clock): Promise<NoticesView> {
  const asked = first(query.domain)?.slice(0, 100) || undefined;
  const domain = asked !== undefined && dir.domain.has(asked) ? asked : undefined;
  const q = first(query.q)?.trim().slice(0, 200) || undefined;
  const notices = await shownNotices(db, dir.id, todayOf(clock), { domain, q });
  return NoticesView.parse(
    strip({
      notices: notices.map((n) => noticeView(dir, n)),
      domain: domain === undefined ? undefined : domainRef(dir, domain),
      q,
      domains: domainOptions(dir, domain),
    }),
  );
}

export async function noticePageView(dir: Directory, db: Kysely<Database>, id: string, clock?: Clock): Promise<NoticePageView> {
  const notice = await shownNotice(db, dir.id, id, todayOf(clock));
  if (notice === undefined) throw new RepertoireError('not-found', `no partner-search notice "${id}"`, 404);
  return NoticePageView.parse({ notice: noticeView(dir, notice) });
}

/** Notices shown on a collectivity's page, at most this many of each. */
export const NOTICES_SHOWN = 5;

/** `domains`: the domains the collectivity works in (its partnerships' and their projects'). */
export async function collectivityNotices(dir: Directory, db: Kysely<Database>, collectivityId: string, domains: ReadonlySet<string>, clock?: Clock): Promise<CollectivityNotices> {
  const c = dir.collectivity.get(collectivityId);
  // a directory's notices shown today are few (an editor approved each): read them all once
  const all = await shownNotices(db, dir.id, todayOf(clock));
  const profiles = defaultProfiles();
  const own = all.filter((n) => n.collectivityId === collectivityId);
  const matching = c === undefined ? [] : all.filter((n) => matches(n, { id: c.id, country: c.country, kind: c.kind, region: c.region }, domains, profiles));
  return { own: own.slice(0, NOTICES_SHOWN).map((n) => noticeView(dir, n)), matching: matching.slice(0, NOTICES_SHOWN).map((n) => noticeView(dir, n)) };
}
