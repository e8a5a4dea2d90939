/** What an import found besides the records themselves: what it could not place, what contradicts itself. */
import { z } from 'zod';

/**
 * What an issue says, for a reader's own language: a phrase's key (the site's catalogue has it
 * under `report.note.<key>`) and its values: numbers as numbers (a list of them: the populations
 * printed), for the page to write in its language. `message` says the same in English (the CLI,
 * logs, and reports stored before wordings existed).
 */
export const IssueWording = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.number())])).optional(),
});

/**
 * Where a reader of the printed book finds an issue: the book's part, its section and page. The
 * transcription's `line` is for whoever checks the reading; people holding the book need this.
 */
export const IssuePlace = z.object({
  part: z.enum(['front', 'entries', 'synthesis', 'annex']),
  /** the section as printed ("Villes") */
  section: z.string().optional(),
  /** the page of the entry the line belongs to, from the Sommaire */
  page: z.number().int().positive().optional(),
});

export const ImportIssue = z.object({
  kind: z.string(),
  message: z.string(),
  wording: IssueWording.optional(),
  line: z.number().int().positive().optional(),
  lines: z.tuple([z.number().int(), z.number().int()]).optional(),
  place: IssuePlace.optional(),
  text: z.string().optional(),
  /** a table's row (its line in a CSV, its row number in a sheet) and column header */
  row: z.number().int().positive().optional(),
  column: z.string().optional(),
});

/**
 * What an editorial says of the census that its figures can check: today, that the partnerships
 * began in one decade and multiplied in the next ones ("Conclus pour les premiers dans les années
 * 1980, … multipliés dans les années 1990 et 2000"). Read from the document's own text, so that a
 * directory without such a sentence claims nothing.
 */
export const EditorialClaim = z.object({
  kind: z.literal('decades'),
  /** the sentence, as printed */
  text: z.string(),
  line: z.number().int().positive().optional(),
  /** the decades named, the first one first ('1980', '1990', '2000') */
  decades: z.array(z.string().regex(/^\d{4}$/)).min(2),
});

export const ImportFormat = z.enum(['directory-text', 'json', 'table']);

export const ImportReport = z.object({
  document: z.string(),
  format: ImportFormat,
  importedAt: z.string(),
  counts: z.record(z.string(), z.number()),
  unplaced: z.array(ImportIssue),
  inconsistencies: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
  /** the editorials' claims the statistics check (directory texts only) */
  claims: z.array(EditorialClaim).optional(),
});

export type ImportIssue = z.infer<typeof ImportIssue>;
export type IssueWording = z.infer<typeof IssueWording>;
export type IssuePlace = z.infer<typeof IssuePlace>;
export type ImportFormat = z.infer<typeof ImportFormat>;
export type ImportReport = z.infer<typeof ImportReport>;
export type EditorialClaim = z.infer<typeof EditorialClaim>;
