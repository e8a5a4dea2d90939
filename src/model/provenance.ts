/**
 * Where a stored record came from. The interchange format carries `source` only on
 * partnerships and projects; importers report the rest (collectivities, contacts…) this way.
 */
import { z } from 'zod';

export const RecordType = z.enum(['collectivity', 'partnership', 'project', 'contact', 'funding', 'domain']);

export const SourceRef = z.object({
  recordType: RecordType,
  recordId: z.string(),
  document: z.string(),
  lines: z.tuple([z.number().int(), z.number().int()]),
});

export type RecordType = z.infer<typeof RecordType>;
export type SourceRef = z.infer<typeof SourceRef>;
