/**
 * The book (compose.ts) as one HTML page laid out for print: A4, each part on a new page with
 * its name as running header (CSS named pages and `@page` margin boxes, which Chromium prints),
 * entry headings kept with what follows them, small blocks (contacts, funding tables, executive
 * lines) kept whole. Every line of the book is one element holding exactly its text, so that
 * `htmlToText` gives the book's text back (funding lines are table rows: funder | amount; the
 * maps' SVG drawings are left out, their captions are lines).
 */
import { direction, type Locale } from '../../web/i18n/index.js';
import type { Book, BookBlock, BookLine, BookPart } from './compose.js';

/**
 * The book's typeface by language, by family name: Arabic in Amiri (Debian's fonts-hosny-amiri,
 * scripts/install-system-deps.sh), a book face drawn for Arabic, whose Latin letters (the
 * records' French text) match it; French and English in DejaVu Serif.
 */
export function bookFont(locale: Locale): string {
  return locale === 'ar' ? '"Amiri", "DejaVu Serif"' : '"DejaVu Serif", "Liberation Serif"';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A CSS string literal. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

const TAGS: Partial<Record<BookLine['kind'], string>> = {
  'cover-title': 'h1',
  'section-title': 'h1',
  'synthesis-title': 'h1',
  'toc-title': 'h1',
  maps: 'h1',
  'entry-home': 'h2',
  'entry-partner': 'h2',
  status: 'h3',
  theme: 'h4',
  'project-title': 'h5',
  'info-title': 'h3',
  'contacts-title': 'h3',
  'synthesis-domain': 'h2',
  'synthesis-subdomain': 'h3',
};

/**
 * A line's text as printed: a hyphen glued to its word and followed by a blank ("Montereau-
 * Journée") is kept on one line with the next word (a word joiner, then a no-break space). Broken there, the printed line would end with
 * the hyphen as a compound broken at its hyphen does ("Tanger-Tétouan"), and a reader of the PDF
 * could not tell which (ADR 0008).
 */
function printedText(text: string): string {
  // a no-break space alone would not do: a line may break between a hyphen and it (UAX 14, LB12a)
  return escapeHtml(text).replace(/(\p{L}-) (?=\S)/gu, '$1\u2060\u00A0');
}

/**
 * The end of a printed line of the book's text (a paragraph, a heading, a table's cell), marked
 * for machines: a word joiner, which has no width and draws nothing, so readers see no change,
 * but which pdftotext gives back in each of its modes, where the space between paragraphs is
 * lost (`-raw` prints no blank lines). A reader of the PDF (src/import/pdf/, ADR 0008) then knows
 * a paragraph's last line from one broken by the width, whatever the page and the type's size.
 * A copy of the text keeps it at each paragraph's end: invisible, of no bidirectional class
 * (an Arabic book's lines are unchanged), and not a break.
 */
export const END_MARK = '\u2060';

function lineHtml(line: BookLine): string {
  const tag = TAGS[line.kind] ?? 'p';
  return `<${tag} class="l-${line.kind}">${printedText(line.text)}${END_MARK}</${tag}>`;
}

/** "Funder : amount (…)" as a table row, the two cells read back as one line. */
function fundingRow(text: string): string {
  const at = text.indexOf(' : ');
  if (at < 0) return `<tr><td colspan="2">${printedText(text)}${END_MARK}</td></tr>`;
  return `<tr><td>${printedText(text.slice(0, at))}${END_MARK}</td><td>${printedText(text.slice(at + 1))}${END_MARK}</td></tr>`;
}

function linesHtml(lines: readonly BookLine[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line.kind === 'funding' || line.kind === 'total') {
      const rows: string[] = [];
      while (i < lines.length && (lines[i]!.kind === 'funding' || lines[i]!.kind === 'total')) rows.push(fundingRow(lines[i++]!.text));
      out.push(`<table class="funding">${rows.join('')}</table>`);
      continue;
    }
    if (line.kind === 'toc-entry') {
      const m = /^(.*) (p\.\d+)$/.exec(line.text);
      const of = line.pageOf === undefined ? '' : ` data-page-of="${escapeHtml(line.pageOf)}"`;
      out.push(m ? `<p class="l-toc-entry"><span class="toc-name">${escapeHtml(m[1]!)}${END_MARK}</span> <span class="toc-page"${of}>${escapeHtml(m[2]!)}${END_MARK}</span></p>` : lineHtml(line));
      i += 1;
      continue;
    }
    out.push(lineHtml(line));
    i += 1;
  }
  return out.join('\n');
}

function blockHtml(block: BookBlock): string {
  const id = block.entry ? ` id="entry-${escapeHtml(block.entry.partnershipId)}"` : '';
  if (block.kind === 'project') {
    // The project's title, its first label and status/theme headings stay together.
    const title = block.lines.findIndex((l) => l.kind === 'project-title');
    const head = block.lines.slice(0, title + 2);
    const rest = block.lines.slice(title + 2);
    return `<div class="b-project"><div class="b-project-head">${linesHtml(head)}</div>${linesHtml(rest)}</div>`;
  }
  if (block.map) return `<figure class="b-map b-map-${block.map.country}">${block.map.svg}<figcaption>${linesHtml(block.lines)}</figcaption></figure>`;
  return `<div class="b-${block.kind}"${id}>${linesHtml(block.lines)}</div>`;
}

function partHtml(part: BookPart, index: number): string {
  return `<section class="part part-${part.kind}" data-part="${escapeHtml(part.id)}" style="page: part${index}">\n${part.blocks.map(blockHtml).join('\n')}\n</section>`;
}

const CSS = `
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
html { font-size: 9.5pt; line-height: 1.35; color: #111; }
/* A line's end mark (END_MARK) must not stand on the text's right edge, where Chromium drops a
   glyph of no width: the text stops half a millimetre short of it. And no kerning: a period
   kerned under a "P" ("B.P. 18") is drawn before the letter ends, which pdftotext's -raw takes
   for a new line. */
body { margin: 0; padding-inline-end: 0.5mm; font-kerning: none; }
p, h1, h2, h3, h4, h5, td { margin: 0; hyphens: manual; }
.part { break-before: page; }
.part:first-child { break-before: auto; }
.part-front { text-align: center; padding-top: 70mm; }
.l-cover-title { font-size: 24pt; line-height: 1.25; margin: 0 10mm 12mm; }
.l-cover-edition { font-size: 14pt; margin-bottom: 40mm; }
.l-cover-publishers { font-size: 11pt; }
.l-toc-title, .l-section-title, .l-synthesis-title, .l-maps { font-size: 18pt; margin: 0 0 8mm; break-after: avoid; }
.l-toc-section { font-weight: bold; margin-top: 4mm; break-after: avoid; }
.l-toc-entry { position: relative; padding-inline-end: 14mm; }
/* The page number stands at the end of the entry's last line, where a wrapped name ends. */
/* (not quite at the edge: Chromium drops a glyph of no width, the line's end mark, standing on
   the text's right edge) */
.l-toc-entry .toc-page { position: absolute; inset-inline-end: 0.5mm; bottom: 0; white-space: nowrap; }
.part-maps .l-para { margin: 0 0 4mm; }
.b-map { margin: 0 0 6mm; break-inside: avoid; }
.b-map + .b-map { break-before: page; }
.b-map svg { display: block; width: 100%; height: auto; max-height: 205mm; }
.l-map-caption { font-style: italic; margin-top: 2mm; }
.b-entry-head { break-inside: avoid; break-after: avoid; margin: 10mm 0 3mm; padding-top: 2mm; border-top: 2px solid #1b4f72; }
.b-entry-head:first-of-type { margin-top: 0; }
.l-entry-home, .l-entry-partner { font-size: 13pt; color: #1b4f72; }
/* the two parties' names, each a paragraph: set a little apart, as paragraphs are (see .l-para) */
:is(.l-entry-home, .l-entry-partner) + .l-entry-partner { padding-top: 1.2mm; }
.l-entry-unit { font-style: italic; }
.l-executive { font-style: italic; margin-top: 1mm; }
.b-plain { margin: 2mm 0; }
.l-field, .l-note { margin: 1mm 0; }
.l-status, .l-info-title, .l-contacts-title { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; letter-spacing: 0.03em; color: #1b4f72; }
.l-theme { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
.l-subtheme { font-style: italic; break-after: avoid; }
.b-project { margin: 2mm 0 4mm; }
.b-project-head { break-inside: avoid; break-after: avoid; }
.l-project-title { font-size: 10pt; margin: 2mm 0 1mm; }
.l-part-label, .l-info-label { font-weight: bold; margin: 1.5mm 0 0.5mm; break-after: avoid; }
.l-item { padding-inline-start: 4mm; }
/* A little space between paragraphs, so that a paragraph that ends on a full line can be told,
   in the PDF, from one broken by the width: a reader of the printed book (src/import/pdf/) takes
   a gap wider than a quarter of a line for a paragraph's end (ADR 0008). Padding, not margin:
   a page's top keeps it, so a paragraph that begins a page is seen to begin there too. */
:is(.l-para, .l-item) + :is(.l-para, .l-item) { padding-top: 1.2mm; }
table.funding { border-collapse: collapse; margin: 1mm 0 2mm; break-inside: avoid; width: 100%; }
table.funding td { border-bottom: 0.5px solid #bbb; padding: 0.6mm 1.5mm; vertical-align: top; }
table.funding td:first-child { width: 45%; }
.b-contacts { break-after: avoid; }
.b-contact { break-inside: avoid; margin: 2mm 0; }
.l-contact-label, .l-institution-name { font-weight: bold; }
.l-brief-pair { font-weight: bold; margin-top: 5mm; break-after: avoid; }
.b-plain:has(.l-brief-pair) { break-inside: avoid; }
.l-synthesis-domain { font-size: 12pt; margin: 5mm 0 1mm; break-after: avoid; color: #1b4f72; }
.l-synthesis-subdomain { font-size: 10pt; margin-block: 2mm 1mm; margin-inline-start: 3mm; break-after: avoid; }
.l-synthesis-pair { padding-inline-start: 8mm; }
.b-synthesis-domain { break-inside: auto; }
`;

/** Running headers: each part is a named page whose top margin box prints its name. */
function pageCss(book: Book): string {
  // the running header at the page's outer end: right in a left-to-right book, left in a right-to-left one
  const corner = direction(book.words.locale) === 'rtl' ? 'top-left' : 'top-right';
  return book.parts
    .map((part, i) => `@page part${i} { @${corner} { content: ${cssString(part.header)}; font: italic 8pt ${bookFont(book.words.locale)}, serif; color: #444; } }`)
    .join('\n');
}

export function renderBookHtml(book: Book): string {
  return `<!DOCTYPE html>
<html lang="${book.words.locale}" dir="${direction(book.words.locale)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(book.title)}</title>
<style>${CSS}
html { font-family: ${bookFont(book.words.locale)}, serif; }${book.words.locale === 'fr' ? '' : `
/* the records' own words are French: set left to right where they stand alone */
.l-para, .l-item, .l-note, table.funding td { unicode-bidi: plaintext; }`}${book.words.locale === 'ar' ? `
/* spaced letters would break Arabic's joined script */
.l-status, .l-info-title, .l-contacts-title { letter-spacing: normal; }` : ''}
${pageCss(book)}
</style>
</head>
<body>
${book.parts.map(partHtml).join('\n')}
</body>
</html>
`;
}

/**
 * The text of the book's HTML: one line per element, table cells of a row joined by a blank —
 * the text html.ts printed, which is the book's text (compose.ts `bookText`).
 */
export function htmlToText(html: string): string {
  const body = html
    .replace(/^[\s\S]*?<body[^>]*>/i, '')
    .replace(/<\/body>[\s\S]*$/i, '')
    .replace(/<svg[\s\S]*?<\/svg>/gi, ''); // the maps' drawings: not text of the book
  const text = body
    .replace(/<\/td>\s*<td[^>]*>/gi, ' ')
    .replace(/<\/(p|h[1-6]|tr|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    // the blank `printedText` glues to a hyphen is a blank of the text; a line's end mark is nothing
    .replace(/\u2060\u00A0/g, ' ')
    .replace(/[\u2060\u200B]/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
  return `${text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')}\n`;
}
