/**
 * The first pass: the document's text becomes numbered, normalised lines.
 * The transcription carries print markup (`**bold**`, `*italics*`, `^{er}`, `€€`, `✓` bullets) and
 * a few artefacts (two paragraphs glued by `**`, lines printed twice); this is the one place that
 * knows about them, so every rule after it reads plain text.
 */
import type { ReaderNote, SourceLine } from './types.js';

export interface Lines {
  readonly lines: readonly SourceLine[];
  readonly notes: readonly ReaderNote[];
}

export function toLines(text: string): Lines {
  const notes: ReaderNote[] = [];
  const lines: SourceLine[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  raw.forEach((rawLine, index) => {
    const n = index + 1;
    for (const part of splitGluedHeading(rawLine)) {
      const clean = normaliseLine(part);
      if (!clean) continue;
      const previous = lines.at(-1);
      if (previous && previous.text === clean && n - previous.n <= 3) {
        notes.push({ kind: 'duplicate-line', message: `line ${n} repeats line ${previous.n}; read once`, wording: { key: 'duplicate-line', params: { line: String(n), previous: String(previous.n) } }, line: n, text: clean });
        continue;
      }
      lines.push({ n, text: clean });
    }
  });
  return { lines, notes };
}

/**
 * "INFORMATIONS RELATIVES AU PARTENARIAT**Contacts à Fès**": a heading glued to the next
 * paragraph by the transcription. Split where an upper-case heading runs into `**`.
 */
function splitGluedHeading(line: string): string[] {
  // most lines have no `**`: the pattern below cannot match them
  if (!line.includes('**')) return [line];
  const m = /^([^*a-z]{3,}?)\*\*(.+?)\*{0,2}\s*$/u.exec(line);
  if (!m || /\p{Ll}/u.test(m[1]!)) return [line];
  return [m[1]!, m[2]!];
}

/** Any character one of the markup replacements below looks for: a line without one only has its blanks collapsed. */
const MARKUP = /[\u00A0\u202F\u2007\t^*€✓<`]/;

export function normaliseLine(line: string): string {
  // most lines carry no markup: nine passes over each of them were a tenth of the reading
  if (!MARKUP.test(line)) return line.replace(/\s+/g, ' ').trim();
  return line
    .replace(/[\u00A0\u202F\u2007\t]/g, ' ')
    .replace(/\^\{([^}]*)\}/g, '$1')
    .replace(/\*/g, '')
    .replace(/€€/g, '€')
    .replace(/✓\s*/g, '')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/`+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
