/** A record's history: its versions, newest first, and the changes between two of them (the last two by default, `?de=&a=`). */
import { z } from 'zod';
import { isEditor } from '../../../../accounts/roles.js';
import { ORIGIN_KINDS, type VersionOrigin } from '../../../../store/versions.js';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { memberPaths, typeOfSlug } from '../../../auth/paths.js';
import { notFound } from '../../../auth/members.js';
import { label, phrase, t, type Locale } from '../../../i18n/index.js';
import { currentLanguage } from '../../../language.js';
import { publicPath, recordIsPublished, recordLabel } from '../../render.js';
import { EDITABLE } from '../../route-kit.js';
import { changesView, FieldChangeView } from '../changes.js';

export const HistoryView = z.object({
  recordType: z.enum(['collectivity', 'partnership', 'project']),
  recordId: z.string(),
  label: z.string(),
  href: z.string(),
  /** the record's public page, when the site shows the record */
  publicHref: z.string().optional(),
  /** what the last revert did (`?fait=retabli&depuis=&version=`) */
  reverted: z.object({ from: z.string(), version: z.string() }).optional(),
  /** a revert refused (a conflict, a version that is not one), sent back with the page */
  alert: z.string().optional(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      current: z.boolean(),
      createdAt: z.string(),
      by: z.string().optional(),
      /** where it came from, as a code: an import, an edit, a census, a revert, a copy */
      originKind: z.enum(ORIGIN_KINDS),
      /** where it came from, in the page's language: "import of repertoire-2008.txt", "back to version 3"… */
      origin: z.string(),
      /** a campaign's version: the campaign's title (never its id) */
      campaign: z.string().optional(),
      removed: z.boolean(),
    }),
  ),
  /** for an editor, where a revert posts and the version it is based on: the current one */
  revert: z.object({ action: z.string(), baseVersion: z.number().int() }).optional(),
  /** the two versions compared, and what changed from one to the other */
  diff: z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(FieldChangeView) }).optional(),
});
export type HistoryView = z.infer<typeof HistoryView>;

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export async function historyView({ actor, params, query, members }: MemberPageInput): Promise<HistoryView> {
  const { census } = members;
  const recordType = typeOfSlug(params.type ?? '');
  if (recordType === undefined || !EDITABLE.includes(recordType) || recordType === 'domain') throw notFound(`type de fiche inconnu : ${params.type ?? ''}`, { key: 'failure.recordType.unknown', params: { type: params.type ?? '' } });
  const recordId = params.id ?? '';
  const versions = await census.history.versions(actor, { recordType, recordId });
  const dir = await members.directory().catch(() => undefined);
  const last = versions[versions.length - 1];
  // a campaign is named by its title, never its id
  const campaignTitles = versions.some((v) => v.origin.kind === 'campaign' && v.origin.ref !== undefined)
    ? new Map((await census.campaigns.list(actor)).map((campaign) => [campaign.id, campaign.title]))
    : new Map<string, string>();
  const numbers = versions.map((v) => v.version);
  const askedFrom = Number(one(query.de));
  const askedTo = Number(one(query.a));
  const to = numbers.includes(askedTo) ? askedTo : last?.version;
  const from = numbers.includes(askedFrom) ? askedFrom : numbers[numbers.length - 2];
  const diff = from !== undefined && to !== undefined && from !== to ? await census.history.diff(actor, { recordType, recordId, from, to }) : undefined;
  const link = publicPath(recordType, recordId);
  const said = one(query.fait);
  return {
    recordType,
    recordId,
    label: recordLabel(dir, recordType, recordId, last?.data ?? versions.findLast((v) => v.data !== undefined)?.data),
    href: memberPaths.history(recordType, recordId),
    ...(link !== undefined && (await recordIsPublished(dir, recordType, recordId)) ? { publicHref: link } : {}),
    ...(said === 'retabli' ? { reverted: { from: one(query.depuis) ?? '', version: one(query.version) ?? '' } } : {}),
    versions: [...versions].reverse().map((v) => {
      const title = v.origin.kind === 'campaign' && v.origin.ref !== undefined ? campaignTitles.get(v.origin.ref) : undefined;
      return {
        version: v.version,
        current: v.version === last?.version,
        createdAt: v.createdAt,
        ...(v.by === undefined ? {} : { by: v.by }),
        originKind: v.origin.kind,
        origin: originWords(currentLanguage(), v.origin, title),
        ...(title === undefined ? {} : { campaign: title }),
        removed: v.removed,
      };
    }),
    ...(isEditor(actor) && last !== undefined ? { revert: { action: memberPaths.revert(recordType, recordId), baseVersion: last.version } } : {}),
    ...(diff === undefined ? {} : { diff: { from: diff.from.version, to: diff.to.version, changes: changesView(diff.changes, { withSource: true }) } }),
  };
}

/** A version's origin in words: its kind, with what it names (the document imported, the version gone back to, the census by its title). */
export function originWords(locale: Locale, origin: VersionOrigin, campaignTitle?: string): string {
  if (origin.kind === 'campaign' && campaignTitle !== undefined) return t(locale, 'history.origin.campaign', { title: campaignTitle });
  const ref = origin.ref;
  // a revert's ref is "version N", as the census layer stores it
  const version = origin.kind === 'revert' && ref !== undefined ? /^version (\d+)$/.exec(ref)?.[1] : undefined;
  if (version !== undefined) return t(locale, 'history.origin.revertTo', { version: Number(version) });
  // a campaign's ref is its id: never shown
  const named = ref === undefined || origin.kind === 'campaign' ? undefined : phrase(locale, 'history.origin.of', origin.kind, { ref });
  return named ?? label(locale, 'history.origin.kind', origin.kind);
}
