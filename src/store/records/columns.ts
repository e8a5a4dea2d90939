/** Column groups several tables share: sums of money and source references. */
import type { Executive, Money, Source } from '../../model/schema.js';
import { decodeFlag, encodeFlag, orNull, orUndefined, present } from '../codec.js';
import type { MoneyColumns, SourceColumns } from '../tables.js';

export function moneyColumns(money: Money | undefined): MoneyColumns {
  return {
    amount: orNull(money?.amount),
    currency: orNull(money?.currency),
    approximate: encodeFlag(money?.approximate),
    amount_text: orNull(money?.text),
  };
}

export function moneyFrom(columns: MoneyColumns): Money | undefined {
  const { amount, currency } = columns;
  if (amount === null || currency === null) return undefined;
  return present({ amount, currency, approximate: decodeFlag(columns.approximate), text: orUndefined(columns.amount_text) });
}

export function executiveFrom(name: string | null, title: string | null, civility: string | null = null): Executive | undefined {
  return name === null ? undefined : present({ name, civility: orUndefined(civility), title: orUndefined(title) });
}

export function sourceColumns(source: Source | undefined): SourceColumns {
  return {
    source_document: orNull(source?.document),
    source_first_line: orNull(source?.lines?.[0]),
    source_last_line: orNull(source?.lines?.[1]),
    source_page: orNull(source?.page),
  };
}

export function sourceFrom(row: SourceColumns): Source | undefined {
  if (row.source_document === null) return undefined;
  const lines: [number, number] | undefined =
    row.source_first_line !== null && row.source_last_line !== null ? [row.source_first_line, row.source_last_line] : undefined;
  return present({ document: row.source_document, lines, page: orUndefined(row.source_page) });
}

/** Rows turned into values and grouped by a key, each group in the rows' order (rows come ordered by position). */
export function groupBy<R, V>(rows: readonly R[], keyOf: (row: R) => string, valueOf: (row: R) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group === undefined) groups.set(keyOf(row), [valueOf(row)]);
    else group.push(valueOf(row));
  }
  return groups;
}
