/**
 * CSV and TSV, streamed: bytes → text (UTF-8 with or without its mark, else Windows-1252, as
 * spreadsheet programs save "CSV" on Windows) → records, each with the line it starts on. The
 * dialect (separator, quoting) is found in the first lines; quoted cells may hold separators,
 * doubled quotes and line breaks.
 */
import { TextDecoder } from 'node:util';
import { RepertoireError } from '../../errors.js';
import type { TableRow } from './rows.js';

export interface CsvOptions {
  separator: string;
  encoding: 'auto' | 'utf-8' | 'windows-1252';
  /** the name of the file, for messages */
  name: string;
}

/**
 * One record may not be larger than this: a quote never closed would otherwise swallow the rest of
 * a 100 MB file into one cell before anything could be said about it.
 */
export const MAX_RECORD_CHARS = 1 << 20;

const SEPARATORS = [',', ';', '\t', '|'];

/** The separator whose count is the same, and not zero, on most of the sample's first lines (quoted text left out). */
export function detectSeparator(sample: string): string {
  const lines = sample.replace(/"[^"]*"/g, '""').split(/\r\n|\n|\r/).filter((l) => l.length > 0).slice(0, 20);
  if (lines.length > 1 && sample.length === sample.trimEnd().length) lines.pop(); // the last may be cut short
  let best = { separator: ',', score: 0 };
  for (const separator of SEPARATORS) {
    const counts = lines.map((l) => l.split(separator).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const agreeing = counts.filter((c) => c === first).length;
    const score = agreeing * 1000 + first;
    if (score > best.score) best = { separator, score };
  }
  return best.separator;
}

/** Bytes → text, chunk by chunk; the encoding decided on the first chunk (a mark, or valid UTF-8). */
export class TableDecoder {
  private decoder: TextDecoder | undefined;
  private bytesSeen = 0;

  constructor(
    private readonly encoding: CsvOptions['encoding'],
    private readonly name: string,
  ) {}

  write(chunk: Uint8Array): string {
    if (this.decoder === undefined) this.decoder = this.choose(chunk);
    const at = this.bytesSeen;
    this.bytesSeen += chunk.length;
    try {
      return this.decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw new RepertoireError('parse', `${this.name}: not UTF-8 text after byte ${at} (the start of the file was): save the whole table as UTF-8, or say "encoding": "windows-1252" in the mapping's table`, 400, { cause: error });
    }
  }

  end(): string {
    return this.decoder?.decode() ?? '';
  }

  private choose(chunk: Uint8Array): TextDecoder {
    if (this.encoding === 'windows-1252') return new TextDecoder('windows-1252');
    const marked = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
    if (this.encoding === 'utf-8' || marked) return new TextDecoder('utf-8', { fatal: true });
    if (chunk[0] === 0xff && chunk[1] === 0xfe) throw new RepertoireError('parse', `${this.name}: UTF-16 text: save the table as UTF-8 (CSV UTF-8)`, 400);
    // A cut in the middle of a character at the chunk's end is not a fault: look at what is whole.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, wholeUtf8(chunk)));
      return new TextDecoder('utf-8', { fatal: true });
    } catch {
      return new TextDecoder('windows-1252');
    }
  }
}

/** The length of the chunk without a UTF-8 sequence cut at its end. */
function wholeUtf8(chunk: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= chunk.length; back += 1) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? chunk.length - back : chunk.length;
  }
  return chunk.length;
}

/**
 * Text → records. `push` takes text in any pieces and gives back the records complete so far;
 * `end` the last one. A record's `line` is the line it starts on (the first line is 1).
 */
export class CsvRecords {
  private cells: string[] = [];
  private cell = '';
  private quoted = false;
  /** the cell began with a quote and it is not yet closed */
  private inQuotes = false;
  /** a quote just seen inside quotes: the closing one, or the first of a doubled pair */
  private quotePending = false;
  private line = 1;
  private recordLine = 1;
  private recordChars = 0;
  private lastWasCr = false;
  private started = false;

  constructor(private readonly options: Pick<CsvOptions, 'separator' | 'name'>) {}

  push(text: string): TableRow[] {
    const out: TableRow[] = [];
    const sep = this.options.separator;
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i += 1) {
      const c = text[i]!;
      if (this.lastWasCr) {
        this.lastWasCr = false;
        if (c === '\n') continue;
      }
      this.recordChars += 1;
      if (this.recordChars > MAX_RECORD_CHARS) {
        const column = this.cells.length + 1;
        const why = this.inQuotes ? 'a quote opened there is never closed' : 'no line break';
        throw new RepertoireError('parse', `${this.options.name}: line ${this.recordLine}, column ${column}: a row longer than ${MAX_RECORD_CHARS / (1 << 20)} MB (${why}): is this a table?`, 400);
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.cell += '"';
            continue;
          }
          this.inQuotes = false; // the quote closed the cell: read c as outside quotes
        } else if (c === '"') {
          this.quotePending = true;
          continue;
        } else {
          if (c === '\n' || c === '\r') this.line += 1;
          if (c === '\r' && text[i + 1] === '\n') {
            this.cell += '\r\n';
            i += 1;
            continue;
          }
          this.cell += c;
          continue;
        }
      }
      if (c === sep) {
        this.endCell();
      } else if (c === '\n' || c === '\r') {
        this.lastWasCr = c === '\r';
        this.line += 1;
        const row = this.endRecord();
        if (row) out.push(row);
      } else if (c === '"' && this.cell.length === 0 && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
      } else {
        this.cell += c;
      }
    }
    return out;
  }

  end(): TableRow[] {
    if (this.inQuotes && !this.quotePending) {
      throw new RepertoireError('parse', `${this.options.name}: line ${this.recordLine}, column ${this.cells.length + 1}: a quote opened there is never closed`, 400);
    }
    this.inQuotes = false;
    const row = this.endRecord();
    return row ? [row] : [];
  }

  private endCell(): void {
    this.cells.push(this.cell);
    this.cell = '';
    this.quoted = false;
  }

  private endRecord(): TableRow | undefined {
    this.endCell();
    const cells = this.cells;
    const line = this.recordLine;
    this.cells = [];
    this.recordLine = this.line;
    this.recordChars = 0;
    // A blank line is no record.
    if (cells.length === 1 && cells[0] === '') return undefined;
    return { row: line, cells };
  }
}
