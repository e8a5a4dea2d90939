/**
 * A diff (census/diff.ts) in a members' page's view model: the Zod schema of its recursive shape
 * (a list's changed items hold their own field changes, hence z.lazy), shared by the review and
 * history pages.
 */
import { z } from 'zod';
import type { FieldChange } from '../../../census/diff.js';

export interface FieldChangeView {
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  list?: { added: unknown[]; removed: unknown[]; changed: { key: string; before?: unknown; after?: unknown; fields: FieldChangeView[] }[]; reordered: boolean };
}

export const FieldChangeView: z.ZodType<FieldChangeView> = z.lazy(() =>
  z.object({
    /** the field's path in the record: `executive.name`, `contacts` (its name in each language: the page's catalogue) */
    field: z.string(),
    kind: z.enum(['added', 'removed', 'changed']),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    list: z
      .object({
        added: z.array(z.unknown()),
        removed: z.array(z.unknown()),
        changed: z.array(z.object({ key: z.string(), before: z.unknown().optional(), after: z.unknown().optional(), fields: z.array(FieldChangeView) })),
        /** the same items in another order */
        reordered: z.boolean(),
      })
      .optional(),
  }),
).meta({ id: 'FieldChangeView' });

/** A diff as the view model carries it: the provenance (`source`) left out, but in a record's history. */
export function changesView(changes: readonly FieldChange[], options: { withSource?: boolean } = {}): FieldChangeView[] {
  return changes.filter((change) => options.withSource === true || change.field !== 'source').map(changeView);
}

function changeView(change: FieldChange): FieldChangeView {
  return {
    field: change.field,
    kind: change.kind,
    ...(change.before === undefined ? {} : { before: change.before }),
    ...(change.after === undefined ? {} : { after: change.after }),
    ...(change.list === undefined
      ? {}
      : {
          list: {
            added: change.list.added,
            removed: change.list.removed,
            changed: change.list.changed.map((item) => ({ key: item.key, before: item.before, after: item.after, fields: item.fields.map(changeView) })),
            reordered: change.list.reordered,
          },
        }),
  };
}
