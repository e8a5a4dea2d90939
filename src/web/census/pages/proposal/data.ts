/** One proposal as the editors review it: what it changes, what changed since it was made, and the decision (to take, or taken). */
import { z } from 'zod';
import type { MemberPageInput } from '../../../auth/member-page.js';
import { memberPaths } from '../../../auth/paths.js';
import { publicPath, recordLabel } from '../../render.js';
import { changesView, FieldChangeView } from '../changes.js';

export const ProposalView = z.object({
  id: z.string(),
  href: z.string(),
  recordType: z.enum(['domain', 'collectivity', 'partnership', 'project']),
  recordId: z.string(),
  /** the record's name: a collectivity's, a partnership's sides, a project's title */
  label: z.string(),
  action: z.enum(['create', 'update', 'remove']),
  status: z.enum(['draft', 'submitted', 'approved', 'rejected', 'withdrawn']),
  origin: z.enum(['campaign', 'import']),
  /** who proposed it: none for an import */
  authorName: z.string().optional(),
  /** the collectivity it was made for, or the import's batch */
  from: z.string(),
  /** when it was submitted (or last changed) */
  date: z.string(),
  /** the record's public page, when the record is published */
  publicHref: z.string().optional(),
  /** the record changed since the proposal was made: approving it as is will conflict */
  stale: z.boolean(),
  /** what the proposal changes in the record as it is now */
  changes: z.array(FieldChangeView),
  /** when stale: what changed in the record since the proposal was made */
  changedSince: z.array(FieldChangeView),
  /** a submitted proposal's decisions: where each form posts, and the page correcting it before approval (not for a removal) */
  decide: z.object({ approveAction: z.string(), rejectAction: z.string(), editHref: z.string().optional() }).optional(),
  /** a decided one's decision */
  decision: z.object({ byName: z.string().optional(), at: z.string().optional(), comment: z.string().optional() }).optional(),
  /** a rejection sent back: the comment typed, what was wrong with it */
  rejection: z.object({ comment: z.string(), error: z.string() }).optional(),
});
export type ProposalView = z.infer<typeof ProposalView>;

export async function proposalView({ actor, params, members }: MemberPageInput): Promise<ProposalView> {
  const review = await members.census.review.review(actor, { proposalId: params.proposal ?? '' });
  const { proposal } = review;
  const dir = await members.directory().catch(() => undefined);
  const link = review.current === undefined ? undefined : publicPath(proposal.recordType, proposal.recordId);
  const submitted = proposal.status === 'submitted';
  return {
    id: proposal.id,
    href: memberPaths.proposal(proposal.id),
    recordType: proposal.recordType,
    recordId: proposal.recordId,
    label: recordLabel(dir, proposal.recordType, proposal.recordId, proposal.data ?? proposal.baseData),
    action: proposal.action,
    status: proposal.status,
    origin: proposal.originKind,
    ...(proposal.authorName === undefined ? {} : { authorName: proposal.authorName }),
    from: proposal.collectivityId ? recordLabel(dir, 'collectivity', proposal.collectivityId) : (proposal.batch ?? ''),
    date: proposal.submittedAt ?? proposal.updatedAt,
    ...(link === undefined ? {} : { publicHref: link }),
    stale: review.stale,
    changes: changesView(review.changes),
    changedSince: review.stale ? changesView(review.changedSince) : [],
    ...(submitted
      ? {
          decide: {
            approveAction: memberPaths.proposalAction(proposal.id, 'accepter'),
            rejectAction: memberPaths.proposalAction(proposal.id, 'refuser'),
            ...(proposal.action === 'remove' ? {} : { editHref: memberPaths.proposalAction(proposal.id, 'modifier') }),
          },
        }
      : {
          decision: {
            ...(proposal.decidedByName === undefined ? {} : { byName: proposal.decidedByName }),
            ...(proposal.decidedAt === undefined ? {} : { at: proposal.decidedAt }),
            ...(proposal.comment === undefined ? {} : { comment: proposal.comment }),
          },
        }),
  };
}
