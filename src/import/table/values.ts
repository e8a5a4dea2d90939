/**
 * Reading one cell as a field's type. Each reader returns the value, or why it could not (a
 * sentence for the row's message), and the notes worth flagging (an Excel serial read as a date).
 * Pure functions: the rules (rules.ts) decide what a failure does to the row.
 */
export type Cell = string | number | Date | undefined;

export type Read<T> = { value: T; note?: string } | { fault: string } | { unknown: true };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Excel serial numbers of 1900-01-01 … 2099-12-31: a "year" of five digits in this range is a date. */
const SERIAL_RANGE: readonly [number, number] = [367, 73050];

/** A cell's text, trimmed; undefined when empty. */
export function cellText(cell: Cell): string | undefined {
  if (cell === undefined) return undefined;
  if (cell instanceof Date) return isoDay(cell);
  const text = String(cell).replace(/\s+/g, ' ').trim();
  return text.length === 0 ? undefined : text;
}

/** A number, with a decimal comma when the mapping says so ("1 234,50"); spaces between thousands allowed. */
export function readNumber(cell: Cell, decimalComma: boolean): Read<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : { fault: 'not a finite number' };
  const text = cellText(cell);
  if (text === undefined) return { unknown: true };
  let normal = text.replace(/[\s\u00a0\u202f']/g, '');
  if (decimalComma) normal = normal.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(normal)) normal = normal.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return { fault: `"${text}" is not a number${decimalComma ? '' : ' (a decimal comma? say "decimalComma": true in the mapping)'}` };
  return { value: Number(normal) };
}

export function readCoordinate(cell: Cell, axis: 'lat' | 'lon', decimalComma: boolean): Read<number> {
  const read = readNumber(cell, decimalComma);
  if (!('value' in read)) return read;
  const limit = axis === 'lat' ? 90 : 180;
  if (Math.abs(read.value) > limit) return { fault: `${read.value} is not a ${axis === 'lat' ? 'latitude' : 'longitude'} (−${limit} to ${limit})` };
  return { value: Math.round(read.value * 1e6) / 1e6 };
}

/**
 * A date of year, month or day precision (2007, 2007-07, 2007-07-09) from a year, a date as
 * text (ISO, 9/7/2007 and 9.7.2007 read day first, as in Europe) or an Excel serial number (days
 * since 1899-12-30), flagged when the column was said to hold years.
 */
export function readDate(cell: Cell, as: 'auto' | 'year' | 'text' | 'excel-serial'): Read<string> {
  if (cell instanceof Date) return { value: isoDay(cell) };
  const text = cellText(cell);
  if (text === undefined) return { unknown: true };
  if (/^\d+(\.0+)?$/.test(text)) {
    const n = Number(text);
    if (as !== 'excel-serial' && n >= 1 && n <= 9999 && text.length <= 4) return { value: String(n).padStart(4, '0') };
    if (as !== 'text' && n >= SERIAL_RANGE[0] && n <= SERIAL_RANGE[1]) {
      const day = isoDay(new Date(EXCEL_EPOCH + n * 86_400_000));
      return as === 'excel-serial' ? { value: day } : { value: day, note: `${text} read as an Excel serial date: ${day}` };
    }
    return { fault: `"${text}" is neither a year nor a date` };
  }
  if (as === 'year' || as === 'excel-serial') return { fault: `"${text}" is not a ${as === 'year' ? 'year' : 'number of days'}` };
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (m) return checked(m[1]!, m[2], m[3], text);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (m) return checked(m[3]!, m[2], m[1], text);
  m = /^(\d{1,2})[./-](\d{4})$/.exec(text);
  if (m) return checked(m[2]!, m[1], undefined, text);
  return { fault: `"${text}" is not a date (2007, 2007-07-09, 9/7/2007 or 9.7.2007)` };
}

function checked(year: string, month: string | undefined, day: string | undefined, text: string): Read<string> {
  if (month === undefined) return { value: year };
  const mm = Number(month);
  if (mm < 1 || mm > 12) return { fault: `"${text}": no month ${mm}` };
  const ym = `${year}-${String(mm).padStart(2, '0')}`;
  if (day === undefined) return { value: ym };
  const dd = Number(day);
  const date = new Date(Date.UTC(Number(year), mm - 1, dd));
  if (date.getUTCMonth() !== mm - 1 || dd < 1) return { fault: `"${text}": no such day` };
  return { value: `${ym}-${String(dd).padStart(2, '0')}` };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The year of a partial date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
