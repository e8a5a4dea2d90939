/** The editors' review queue: the proposals of one state, newest work first, each with where it came from. */
import { z } from 'zod';
import { memberPaths } from '../../../auth/paths.js';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { recordLabel } from '../../render.js';

export const REVIEW_STATES = ['submitted', 'approved', 'rejected'] as const;

export const ReviewQueueView = z.object({
  /** the state shown (`?etat=`): submitted by default */
  state: z.enum(REVIEW_STATES),
  /** what the last decision did (`?fait=acceptee&version=`, `?fait=refusee`) */
  notice: z.discriminatedUnion('kind', [z.object({ kind: z.literal('approved'), version: z.string() }), z.object({ kind: z.literal('rejected') })]).optional(),
  items: z.array(
    z.object({
      id: z.string(),
      href: z.string(),
      recordType: z.enum(['domain', 'collectivity', 'partnership', 'project']),
      recordId: z.string(),
      label: z.string(),
      action: z.enum(['create', 'update', 'remove']),
      /** the record changed since the proposal was made: approving it as is will conflict */
      stale: z.boolean(),
      origin: z.enum(['campaign', 'import']),
      batch: z.string().optional(),
      collectivityName: z.string().optional(),
      authorName: z.string().optional(),
      submittedAt: z.string().optional(),
    }),
  ),
});
export type ReviewQueueView = z.infer<typeof ReviewQueueView>;

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export async function reviewQueueView({ actor, query, members }: MemberPageInput): Promise<ReviewQueueView> {
  const state = REVIEW_STATES.find((s) => s === one(query.etat)) ?? 'submitted';
  const items = await members.census.review.queue(actor, { status: state });
  const dir = await members.directory().catch(() => undefined);
  const said = one(query.fait);
  const notice: ReviewQueueView['notice'] = said === 'acceptee' ? { kind: 'approved', version: one(query.version) ?? '' } : said === 'refusee' ? { kind: 'rejected' } : undefined;
  return {
    state,
    ...(notice ? { notice } : {}),
    items: items.map((item) => ({
      id: item.id,
      href: memberPaths.proposal(item.id),
      recordType: item.recordType,
      recordId: item.recordId,
      label: recordLabel(dir, item.recordType, item.recordId, item.data ?? item.baseData),
      action: item.action,
      stale: item.stale && item.status === 'submitted',
      origin: item.originKind,
      ...(item.batch ? { batch: item.batch } : {}),
      ...(item.collectivityName ? { collectivityName: item.collectivityName } : {}),
      ...(item.authorName ? { authorName: item.authorName } : {}),
      ...(item.submittedAt ? { submittedAt: item.submittedAt } : {}),
    })),
  };
}
