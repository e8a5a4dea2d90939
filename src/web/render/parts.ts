/** Small render pieces the pages share: links, badges, lists, money, sources, pagination. */
import type { Money, Source } from '../../model/schema.js';
import { escapeHtml, html, join, raw, safeUrl, SafeHtml } from '../html.js';
import { DEFAULT_LOCALE, formatPartialDate, formatMoney, label, t as translate, tn, type MessageKey } from '../i18n/index.js';
import { currentLanguage } from '../language.js';
import type { RenderContext } from '../page.js';
import type { CollectivityRef, DomainRef, PaginationView, PartnershipRef, ProjectRef } from '../pages/common.js';

/** Arabic letters: a text holding them (a curated Arabic name) is not the source's French. */
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

/**
 * ` lang="fr" dir="ltr"` on a page in another language (French runs left to right, its
 * punctuation kept at its end on an Arabic page): for the directory's own words (a domain's label, a
 * project's title, a name as printed) in the helpers that are not given the render context (the
 * page's language is the request's, language.ts).
 */
function printedLang(): SafeHtml {
  return currentLanguage() === DEFAULT_LOCALE ? html`` : html` lang="${DEFAULT_LOCALE}" dir="ltr"`;
}

/**
 * A collectivity's name, linked; isolated (`<bdi>`) so that a Latin name reads right in an Arabic
 * sentence, and the reverse. The directory's own name (no curated one in the page's language) is
 * marked French.
 */
export function collectivityLink(ref: CollectivityRef): SafeHtml {
  return html`<a href="${ref.href}"><bdi${ref.originalName === undefined ? printedLang() : ''}>${ref.name}</bdi></a>`;
}

/**
 * The short names of a list of collectivities, for lists where the context already says which
 * country they are in. Where two share a short name, the kind tells them apart — « Agadir
 * (commune urbaine) », « Agadir (préfecture) » — and where the kind is shared too, the full name.
 */
export function distinctNames(refs: readonly CollectivityRef[], c: RenderContext): string[] {
  const short = refs.map((ref) => ref.shortName ?? ref.name);
  const kinded = refs.map((ref, i) => `${short[i]} (${label(c.locale, 'kind', ref.kind).toLocaleLowerCase(c.locale)})`);
  const tally = (names: readonly string[]) => names.reduce((m, name) => m.set(name, (m.get(name) ?? 0) + 1), new Map<string, number>());
  const shortCount = tally(short);
  const kindedCount = tally(kinded);
  return refs.map((ref, i) => {
    if (shortCount.get(short[i]!) === 1) return short[i]!;
    return kindedCount.get(kinded[i]!) === 1 ? kinded[i]! : ref.name;
  });
}

export function collectivityLinks(refs: readonly CollectivityRef[], separator = ', '): SafeHtml {
  return join(refs.map(collectivityLink), separator);
}

/**
 * The directory's own words on a page in another language, marked French; a partnership's title,
 * "home side / partner side", a side at a time, since a side may be a curated name in Arabic script.
 */
export function printedWords(title: string): SafeHtml {
  const lang = printedLang();
  if (lang.value === '') return html`${title}`;
  return join(
    title.split(' / ').map((side) => (ARABIC.test(side) ? html`<bdi>${side}</bdi>` : html`<bdi${lang}>${side}</bdi>`)),
    ' / ',
  );
}

export const partnershipTitle = printedWords;

export function partnershipLink(ref: PartnershipRef): SafeHtml {
  return html`<a href="${ref.href}">${partnershipTitle(ref.title)}</a>`;
}

export function domainLabel(ref: DomainRef): string {
  return ref.parentLabel === undefined ? ref.label : `${ref.parentLabel} › ${ref.label}`;
}

/**
 * A domain's label (a `DomainRef`'s, an option's), in the page's language: the directory's
 * (French) words are marked so on a page in another language only when the catalogue has no
 * translation (`printedLabel` unset).
 */
export function domainText(ref: { label: string; printedLabel?: string }, c: RenderContext): SafeHtml {
  return ref.printedLabel === undefined ? source(ref.label, c) : html`${ref.label}`;
}

/** ` lang="fr"` for an element holding a domain's label as the directory prints it, on a page in another language. */
function printedDomain(printedLabel: string | undefined): SafeHtml {
  return printedLabel === undefined ? printedLang() : html``;
}

/** A domain's label with its parent's, each marked French where it is the directory's words untranslated. */
export function domainName(ref: DomainRef): SafeHtml {
  const own = printedDomain(ref.printedLabel);
  const marked = (text: string, lang: SafeHtml) => (lang.value === '' ? html`${text}` : html`<span${lang}>${text}</span>`);
  if (ref.parentLabel === undefined) return marked(ref.label, own);
  const parent = printedDomain(ref.printedParentLabel);
  if (own.value === parent.value) return marked(domainLabel(ref), own);
  return html`${marked(ref.parentLabel, parent)} › ${marked(ref.label, own)}`;
}

export function domainLink(ref: DomainRef): SafeHtml {
  return html`<a href="${ref.href}">${domainName(ref)}</a>`;
}

export function domainList(refs: readonly DomainRef[]): SafeHtml {
  return html`<ul class="tags">${refs.map((ref) => html`<li>${domainLink(ref)}</li>`)}</ul>`;
}

export function statusBadge(status: string, c: RenderContext): SafeHtml {
  return html`<span class="badge status-${status}">${label(c.locale, 'status', status)}</span>`;
}

export function padBadge(c: RenderContext): SafeHtml {
  return html`<abbr class="badge pad" title="${c.t('common.pad.title')}">${c.t('common.pad')}</abbr>`;
}

export function projectItem(ref: ProjectRef, c: RenderContext): SafeHtml {
  const period = when(ref.period, [ref.startDate, ref.endDate], c);
  return html`<li><a href="${ref.href}"${printedLang()}>${ref.title}</a> ${statusBadge(ref.status, c)}${ref.padCofinanced ? html` ${padBadge(c)}` : ''}${
    period === undefined ? '' : html` <span class="muted">${period}</span>`
  }</li>`;
}

export function projectList(refs: readonly ProjectRef[], c: RenderContext): SafeHtml {
  return html`<ul class="projects">${refs.map((ref) => projectItem(ref, c))}</ul>`;
}

export function money(value: Money, c: RenderContext): SafeHtml {
  const text = formatMoney(c.locale, value);
  return value.approximate ? html`<span class="approximate" title="${c.t('common.approximate')}">${text}</span>` : html`${text}`;
}

export function partialDate(date: string, c: RenderContext): string {
  return formatPartialDate(c.locale, date);
}

/**
 * When something happened, for a reader. The words the source printed ("Votée le 26 mars 1998,
 * signée le 29 avril 1998") say more than the dates read from them, but they are in the source's
 * language, French: a page in French shows them, a page in another language the dates read from
 * them in its own words ("March 26, 1998"), and the printed words only when no date could be read
 * (marked as French, for screen readers and the choice of font).
 */
export function when(printed: string | undefined, dates: readonly (string | undefined)[], c: RenderContext): SafeHtml | undefined {
  if (printed !== undefined && c.locale === DEFAULT_LOCALE) return html`${printed}`;
  const known = dates.filter((d): d is string => d !== undefined && d !== '');
  if (known.length > 0) return html`${known.map((d) => partialDate(d, c)).join(' – ')}`;
  return printed === undefined ? undefined : source(printed, c);
}

/**
 * When, on a record's own page: as `when`, and on a page in another language where dates were read,
 * the printed words too ("Votée le 26 mars 1998, signée le 29 avril 1998 à Oujda" says more than
 * the date: what happened, where), quoted in French beneath. Lists keep `when` alone.
 */
export function whenInFull(printed: string | undefined, dates: readonly (string | undefined)[], c: RenderContext): SafeHtml | undefined {
  const read = when(printed, dates, c);
  const dated = dates.some((d) => d !== undefined && d !== '');
  if (read === undefined || printed === undefined || c.locale === DEFAULT_LOCALE || !dated) return read;
  return html`${read} <q class="printed muted" lang="${DEFAULT_LOCALE}" dir="ltr" title="${c.t('common.printed')}">${printed}</q>`;
}

/** Words quoted from the source (a legal framework's title, a period as printed): marked as French on a page in another language. */
export function source(text: string, c: RenderContext): SafeHtml {
  return c.locale === DEFAULT_LOCALE || ARABIC.test(text) ? html`${text}` : html`<span lang="${DEFAULT_LOCALE}" dir="ltr">${text}</span>`;
}

/** ` lang="fr"` for an element that holds only the source's words (a search hit's excerpt), on a page in another language. */
export function printed(c: RenderContext): SafeHtml {
  return c.locale === DEFAULT_LOCALE ? html`` : html` lang="${DEFAULT_LOCALE}" dir="ltr"`;
}

/**
 * A sentence of the catalogue with markup in its placeholders (a quotation marked French): each
 * marked value stands as a token (private-use characters) while the sentence is translated and escaped, then takes its place.
 */
export function sentence(c: RenderContext, key: MessageKey, params: Readonly<Record<string, string | number | SafeHtml>>): SafeHtml {
  return withMarkup(params, (plain) => translate(c.locale, key, plain));
}

/** "Label : value" as the page's language writes it (French: a space before the colon; English and Arabic: none). */
export function labelled(c: RenderContext, label: string | SafeHtml, text: string | number | SafeHtml): SafeHtml {
  return sentence(c, 'common.labelled', { label, text });
}

/** "3 partenariats, 5 projets": a domain's or a place's counts, joined as the page's language joins a list. */
export function partnershipAndProjectCounts(d: { partnershipCount: number; projectCount: number }, c: RenderContext): string {
  return [tn(c.locale, 'common.partnerships', d.partnershipCount), tn(c.locale, 'common.projects', d.projectCount)].join(c.t('common.listSeparator'));
}

/** As `sentence`, for any wording of the catalogue (a plural's: `(plain) => tn(locale, base, n, plain)`). */
export function withMarkup(params: Readonly<Record<string, string | number | SafeHtml>>, words: (plain: Record<string, string | number>) => string): SafeHtml {
  const marked: SafeHtml[] = [];
  const plain = Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (!(value instanceof SafeHtml)) return [name, value];
      marked.push(value);
      return [name, `\ue000${marked.length - 1}\ue001`];
    }),
  );
  const text = escapeHtml(words(plain));
  return raw(text.replace(/\ue000(\d+)\ue001/g, (_, i: string) => marked[Number(i)]!.value));
}

/**
 * Where a record was printed, as a reader finds it in the book: its page and section (the book's
 * words, quoted). The transcription's file and lines stay in the JSON twin, for whoever checks the reading.
 */
export function sourceLine(printed: Source | undefined, c: RenderContext, section?: string): SafeHtml {
  if (printed === undefined) return html``;
  const parts = [html`${printed.page === undefined ? c.t('common.source.book') : c.t('common.source.page', { page: String(printed.page) })}`];
  if (section !== undefined && section !== '') parts.push(sentence(c, 'common.source.section', { section: source(section, c) }));
  return html`<p class="source"><span class="label">${c.t('common.label', { label: c.t('common.source') })}</span> ${join(parts, ', ')}</p>`;
}

/** A printed bullet at the start of a line: "- ", "• ", "* ", "– ". */
const BULLET = /^\s*[-•*–]\s+/;

/** A text's lines as paragraphs, and its runs of bulleted lines ("- eau", "- assainissement") as lists. */
/** The source's own words (a history, a description, notes): in a block marked French on a page in another language. */
function quoted(body: SafeHtml, c: RenderContext | undefined): SafeHtml {
  return c === undefined || c.locale === DEFAULT_LOCALE || body.value === '' ? body : html`<div lang="${DEFAULT_LOCALE}" dir="ltr">${body}</div>`;
}

export function paragraphs(text: string, c?: RenderContext): SafeHtml {
  const blocks: SafeHtml[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length > 0) blocks.push(html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`);
    items = [];
  };
  for (const line of text.split(/\n+/)) {
    if (line.trim() === '') continue;
    if (BULLET.test(line)) items.push(line.replace(BULLET, ''));
    else {
      flush();
      blocks.push(html`<p>${line}</p>`);
    }
  }
  flush();
  return quoted(join(blocks), c);
}

export function bulletList(items: readonly string[] | undefined, c?: RenderContext): SafeHtml {
  if (items === undefined || items.length === 0) return html``;
  return items.length === 1 ? paragraphs(items[0]!, c) : quoted(html`<ul>${items.map((item) => html`<li>${item.replace(BULLET, '')}</li>`)}</ul>`, c);
}

/** A section with a heading, left out when it has nothing to say. */
/** What a results page tells its reader (a value clamped, a filter ignored), announced as a status; nothing when there is nothing to say. */
export function notices(list: readonly string[]): SafeHtml | '' {
  return list.length === 0 ? '' : html`<ul class="notices" role="status">${list.map((n) => html`<li>${n}</li>`)}</ul>`;
}

export function section(title: string, body: SafeHtml | undefined | false, id?: string): SafeHtml {
  if (body === undefined || body === false || body.value.trim() === '') return html``;
  // with an id, the section is a region named by its heading (a landmark to jump to)
  if (id === undefined) return html`<section><h2>${title}</h2>${body}</section>`;
  return html`<section id="${id}" aria-labelledby="${id}-titre"><h2 id="${id}-titre">${title}</h2>${body}</section>`;
}

/** A definition list of the rows that have a value. */
export function facts(rows: readonly [string, SafeHtml | string | undefined][]): SafeHtml {
  const shown = rows.filter((row): row is [string, SafeHtml | string] => row[1] !== undefined && String(row[1]) !== '');
  if (shown.length === 0) return html``;
  return html`<dl class="facts">${shown.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
}

/**
 * A table in a container of its own that scrolls sideways when the table is wider than the screen,
 * so that the page itself never does. The container is a named region reachable by the keyboard
 * (Tab, then the arrows scroll it).
 */
export function scrollTable(name: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" role="region" tabindex="0" aria-label="${name}">${table}</div>`;
}

export interface Column {
  readonly label: string;
  /** figures: aligned to the end */
  readonly num?: boolean;
}

/**
 * A data table that stays readable at any width: in its own scrolling region on wide screens, and
 * on narrow ones (site.css, ≤ 40rem) one block per row, each cell preceded by its column's name.
 * Explicit ARIA roles keep it a table for assistive technologies whatever the CSS display.
 */
export function dataTable(name: string, columns: readonly Column[], rows: readonly (readonly (SafeHtml | string)[])[], className?: string): SafeHtml {
  const numeric = (i: number) => columns[i]?.num === true;
  return scrollTable(
    name,
    html`<table class="stack${className ? ` ${className}` : ''}" role="table"><thead role="rowgroup"><tr role="row">${columns.map(
      (column) => html`<th scope="col" role="columnheader"${column.num ? html` class="num"` : ''}>${column.label}</th>`,
    )}</tr></thead><tbody role="rowgroup">${rows.map(
      (cells) =>
        html`<tr role="row">${cells.map((cell, i) => {
          const empty = String(cell).trim() === '';
          return html`<td role="cell" data-label="${columns[i]?.label ?? ''}"${numeric(i) || empty ? html` class="${[numeric(i) ? 'num' : '', empty ? 'empty' : ''].filter(Boolean).join(' ')}"` : ''}>${cell}</td>`;
        })}</tr>`,
    )}</tbody></table>`,
  );
}

export function urlLink(url: string): SafeHtml {
  const href = safeUrl(url);
  return href === undefined ? html`${url}` : html`<a href="${href}" rel="nofollow noopener">${url}</a>`;
}

export function pagination(view: PaginationView, c: RenderContext): SafeHtml {
  const notice =
    view.asked === undefined ? html`` : html`<p class="notice" role="status">${c.t('common.page.clamped', { asked: view.asked, page: String(view.page) })}</p>`;
  if (view.pages <= 1) return notice;
  return html`${notice}<nav class="pagination" aria-label="${c.t('common.pagination')}"><p>${c.t('common.page.of', {
    page: String(view.page),
    pages: String(view.pages),
  })}</p><ul>${view.previous === undefined ? '' : html`<li><a href="${view.previous}" rel="prev">${c.t('common.previous')}</a></li>`}${view.links.map((link) =>
    link.current
      ? html`<li><span aria-current="page">${link.page}</span></li>`
      : html`<li><a href="${link.href}" aria-label="${c.t('common.page', { page: String(link.page) })}">${link.page}</a></li>`,
  )}${view.next === undefined ? '' : html`<li><a href="${view.next}" rel="next">${c.t('common.next')}</a></li>`}</ul></nav>`;
}

export function count(c: RenderContext, base: 'common.projects' | 'common.partnerships' | 'common.collectivities', n: number): string {
  return tn(c.locale, base, n);
}
