/**
 * The exports' tables as rows of cells: the shapes the table reader (`tables.ts`), the privacy
 * filter and the writers share, apart from all of them so that none imports another in a circle.
 */

/** A cell: text, number, boolean or nothing. Lists are joined with " | " (LIST_SEPARATOR). */
export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

/**
 * text: free text; integer/number: numbers; amount: a sum of money, in the currency of the row's
 * `currencyColumn`; currency: an ISO 4217 code; boolean; date: a date at its precision
 * (2007, 2007-07, 2007-07-09), kept as text; list: several values.
 */
export type CellKind = 'text' | 'integer' | 'number' | 'amount' | 'currency' | 'boolean' | 'date' | 'list';

/**
 * The family of codes a column holds (each value, or each item of a list): what an export for
 * people shows as its label (labels.ts), by the web layer's catalogue.
 */
export type CodeFamily = 'status' | 'kind' | 'country' | 'tier' | 'framework' | 'role' | 'contribution' | 'contactKind' | 'domain';

export interface Column {
  readonly name: string;
  readonly kind: CellKind;
  /** for amounts: the column of the same row that holds the currency */
  readonly currencyColumn?: string;
  /** for amounts always in one currency (euros converted at the reference rate): that currency */
  readonly currency?: string;
  /** the codes it holds, labelled in an export for people */
  readonly code?: CodeFamily;
}

export const LIST_SEPARATOR = ' | ';

export type TableName =
  | 'collectivities'
  | 'partnerships'
  | 'partnership_parties'
  | 'projects'
  | 'funding'
  | 'project_partners'
  | 'budgets'
  | 'contacts'
  | 'domains'
  | 'project_summary';

export interface Table {
  readonly name: TableName;
  readonly columns: readonly Column[];
}
