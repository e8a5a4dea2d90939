/** A table's rows as every reader gives them: cells by position, with the row's number in the source. */
export interface TableRow {
  /** the line (CSV, TSV) or row (XLSX) the record starts on, from 1, as the editor's program shows it */
  row: number;
  cells: (string | number | Date | undefined)[];
}

/** The headers and then the data rows, streamed. */
export interface TableSource {
  /** the name in messages */
  name: string;
  /** 'csv' | 'xlsx' */
  kind: 'csv' | 'xlsx';
  rows: AsyncIterable<TableRow>;
}
