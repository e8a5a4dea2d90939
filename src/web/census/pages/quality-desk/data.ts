/**
 * The data-quality desk (issue 17): the findings by kind with their counts, each with the link to
 * fix its record. Its JSON twin keeps the shape `repertoire quality --json` prints, with each
 * finding also in the reader's words (`text`).
 */
import { z } from 'zod';
import { qualityDesk } from '../../../../census/quality/desk.js';
import { FINDING_KINDS, type Finding } from '../../../../census/quality/findings.js';
import { locate } from '../../../../geo/gazetteer.js';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';
import { phrase, type Locale } from '../../../i18n/index.js';
import { wordingText } from '../../../pages/report/render.js';

const FindingKind = z.enum(FINDING_KINDS);

export const QualityDeskView = z.object({
  directory: z.string(),
  findings: z.array(
    z.object({
      kind: FindingKind,
      record: z.object({ type: z.enum(['project', 'partnership', 'collectivity']), id: z.string() }),
      /** in English, as the command line prints it */
      message: z.string(),
      /** in the reader's words where the catalogue has them */
      text: z.string(),
      /** what accepting it stores */
      key: z.string(),
      line: z.number().int().optional(),
      /** the record's edit form */
      href: z.string(),
    }),
  ),
  /** by kind of finding: every kind, 0 when none */
  counts: z.record(z.string(), z.number().int()),
  /** findings hidden because an editor accepted them */
  accepted: z.number().int(),
  /** what the last form did: `accepted` (after `?fait=accepte`), `unknown` (a key the desk does not list) */
  notice: z.enum(['accepted', 'unknown']).optional(),
});
export type QualityDeskView = z.infer<typeof QualityDeskView>;

/** The finding in the reader's words where the catalogue has them, else as the import worded it. */
function findingText(locale: Locale, f: Finding): string {
  // a contradiction of the print in the import report's words, else the desk's own, else as the import worded it
  return (f.wording && wordingText(locale, f.wording)) ?? phrase(locale, 'quality.message', f.kind, f.params) ?? f.message;
}

export async function qualityDeskView({ query, members }: MemberPageInput): Promise<QualityDeskView> {
  const desk = await qualityDesk(members.db, (await members.directory()).id, { locate });
  return {
    directory: desk.directoryId,
    findings: desk.findings.map((f) => ({
      kind: f.kind,
      record: { type: f.record.type, id: f.record.id },
      message: f.message,
      text: findingText(members.locale, f),
      key: f.key,
      ...(f.line !== undefined ? { line: f.line } : {}),
      href: memberPaths.edit(f.record.type, f.record.id),
    })),
    counts: desk.counts,
    accepted: desk.accepted,
    ...(query.fait === 'accepte' ? { notice: 'accepted' as const } : {}),
  };
}
