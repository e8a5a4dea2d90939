/**
 * View-model pieces several pages share, as Zod schemas (the OpenAPI document is generated from
 * them), and the functions that build them from the directory snapshot.
 */
import { bySide, type Side } from '../../model/sides.js';
import { z } from 'zod';
import { Money, Source } from '../../model/schema.js';
import type { Directory } from '../data/directory.js';
import { domainWords } from '../i18n/domain-labels.js';
import { currentLanguage } from '../language.js';
import { namesIn } from '../names.js';
import type { PlacedProject, PublicPartnership } from '../data/records.js';
import { paths, withQuery } from '../paths.js';

export { Money, Source };
export { namesIn };

/** A link; `printed`: its label is the directory's own words (a title, a domain's label), marked French on a page in another language. */
export const Link = z.object({ href: z.string(), label: z.string(), printed: z.boolean().optional() });
export type Link = z.infer<typeof Link>;

export const CollectivityRef = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().optional(),
  /** the directory's own name, when `name` is the page language's (an Arabic page's «الجماعة الحضرية لمراكش») */
  originalName: z.string().optional(),
  country: z.string(),
  kind: z.string(),
  region: z.string().optional(),
  href: z.string(),
});
export type CollectivityRef = z.infer<typeof CollectivityRef>;

export const PartnershipRef = z.object({
  id: z.string(),
  /** "home side / partner side", as the book's synthesis prints it */
  title: z.string(),
  tier: z.enum(['full', 'brief']),
  href: z.string(),
});
export type PartnershipRef = z.infer<typeof PartnershipRef>;

export const DomainRef = z.object({
  code: z.string(),
  /** in the page's language where the catalogue translates it (i18n/domain-labels.ts), else as the directory prints it */
  label: z.string(),
  /** the directory's own (French) label, when `label` is its translation */
  printedLabel: z.string().optional(),
  parentLabel: z.string().optional(),
  /** the parent's own label, when `parentLabel` is its translation */
  printedParentLabel: z.string().optional(),
  href: z.string(),
});
export type DomainRef = z.infer<typeof DomainRef>;

/** A domain among a filter's choices, its label in the page's language (as `DomainRef`'s). */
export const DomainOption = z.object({ code: z.string(), label: z.string(), printedLabel: z.string().optional(), depth: z.number().int(), selected: z.boolean() });
export type DomainOption = z.infer<typeof DomainOption>;

export const ProjectRef = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['ongoing', 'completed', 'planned', 'other']),
  padCofinanced: z.boolean(),
  /** as printed ("débuté en janvier 2001"), else the dates read */
  period: z.string().optional(),
  /** the dates read from it (YYYY, YYYY-MM, YYYY-MM-DD): a page in another language than the source's writes them in its own */
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  href: z.string(),
});
export type ProjectRef = z.infer<typeof ProjectRef>;

export const PaginationView = z.object({
  page: z.number().int(),
  pages: z.number().int(),
  total: z.number().int(),
  perPage: z.number().int(),
  /** the page asked for, when it did not exist and another is shown */
  asked: z.string().optional(),
  links: z.array(z.object({ page: z.number().int(), href: z.string(), current: z.boolean() })),
  previous: z.string().optional(),
  next: z.string().optional(),
});
export type PaginationView = z.infer<typeof PaginationView>;

export function collectivityRef(dir: Directory, id: string): CollectivityRef {
  const c = dir.collectivity.get(id);
  if (c === undefined) return { id, name: id, country: '', kind: '', href: paths.collectivity(id) };
  return strip({ id, ...namesIn(id, c.name, c.shortName), country: c.country, kind: c.kind, region: c.region, href: paths.collectivity(id) });
}


/** A partnership's parties by side of the directory: its home country's, then its partner countries'. */
export function sides(dir: Directory, partnership: Pick<PublicPartnership, 'parties'>): Record<Side, CollectivityRef[]> {
  const split = bySide(partnership.parties, (party) => party.country, dir.record);
  return { home: split.home.map((party) => collectivityRef(dir, party.collectivityId)), partner: split.partner.map((party) => collectivityRef(dir, party.collectivityId)) };
}

export function partnershipTitle(dir: Directory, partnership: Pick<PublicPartnership, 'parties'>): string {
  const { home, partner } = sides(dir, partnership);
  return `${home.map((c) => c.name).join(' – ')} / ${partner.map((c) => c.name).join(', ')}`;
}

export function partnershipRef(dir: Directory, partnership: Pick<PublicPartnership, 'id' | 'tier' | 'parties'>): PartnershipRef {
  return { id: partnership.id, title: partnershipTitle(dir, partnership), tier: partnership.tier, href: paths.partnership(partnership.id) };
}

/** A domain's reference, its labels in the language of the page being drawn (language.ts), as `collectivityRef` names a collectivity. */
export function domainRef(dir: Pick<Directory, 'domain'>, code: string): DomainRef {
  const domain = dir.domain.get(code);
  const parent = domain?.parent === undefined ? undefined : dir.domain.get(domain.parent);
  const own = domainLabelIn(domain?.label ?? code);
  const up = parent === undefined ? undefined : domainLabelIn(parent.label);
  return strip({ code, label: own.label, printedLabel: own.printedLabel, parentLabel: up?.label, printedParentLabel: up?.printedLabel, href: paths.domain(code) });
}

/** A domain's label in the page's language, and the directory's own when the label is its translation. */
export function domainLabelIn(frenchLabel: string): { label: string; printedLabel?: string } {
  const words = domainWords(currentLanguage(), frenchLabel);
  return words.printed ? { label: words.label } : { label: words.label, printedLabel: frenchLabel };
}

/** Every domain of the directory as a filter's choices, sub-domains under their parent (`depth` 1). */
export function domainOptions(dir: Directory, selected: string | undefined): DomainOption[] {
  return dir.domains.map((d) => strip({ code: d.code, ...domainLabelIn(d.label), depth: d.parent === undefined ? 0 : 1, selected: d.code === selected }));
}

export function projectPeriod(project: Pick<PlacedProject, 'periodText' | 'startDate' | 'endDate'>): string | undefined {
  if (project.periodText !== undefined) return project.periodText;
  if (project.startDate !== undefined && project.endDate !== undefined) return `${project.startDate} – ${project.endDate}`;
  return project.startDate ?? project.endDate;
}

export function projectRef(project: Pick<PlacedProject, 'id' | 'title' | 'status' | 'padCofinanced' | 'periodText' | 'startDate' | 'endDate'>): ProjectRef {
  return strip({
    id: project.id,
    title: project.title,
    status: project.status,
    padCofinanced: project.padCofinanced === true,
    period: projectPeriod(project),
    startDate: project.startDate,
    endDate: project.endDate,
    href: paths.project(project.id),
  });
}

/** A 1-based page number from the query string; anything else is page 1 (and said so). */
export function readPage(raw: string | string[] | undefined): { page: number; asked?: string } {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || text === '') return { page: 1 };
  const n = /^\s*\d{1,15}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1) return { page: 1, asked: text.slice(0, 40) };
  return { page: n };
}

/** One page of a list, and the links to the others; a page past the end shows the last one. */
export function paginate<T>(
  items: readonly T[],
  raw: string | string[] | undefined,
  perPage: number,
  hrefOf: (page: number) => string,
): { items: T[]; pagination: PaginationView } {
  const { offset, pagination } = pageWindow(items.length, raw, perPage, hrefOf);
  return { items: items.slice(offset, offset + perPage), pagination };
}

/** Which slice of a list of `total` items the page asked for shows (for lists read a page at a time). */
export function pageWindow(
  total: number,
  raw: string | string[] | undefined,
  perPage: number,
  hrefOf: (page: number) => string,
): { offset: number; limit: number; pagination: PaginationView } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const read = readPage(raw);
  let { page } = read;
  let asked = read.asked;
  if (page > pages) {
    asked = String(page);
    page = pages;
  }
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages));
  return {
    offset: (page - 1) * perPage,
    limit: perPage,
    pagination: strip({
      page,
      pages,
      total,
      perPage,
      asked,
      links: [...shown].sort((a, b) => a - b).map((n) => ({ page: n, href: hrefOf(n), current: n === page })),
      previous: page > 1 ? hrefOf(page - 1) : undefined,
      next: page < pages ? hrefOf(page + 1) : undefined,
    }),
  };
}

/** href of page n of a list with filters: page 1 has no `page` parameter. */
export function listHref(path: string, filters: Record<string, string | undefined>) {
  return (page: number) => withQuery(path, { ...filters, page: page === 1 ? undefined : page });
}

/** The object without its undefined fields, so that the JSON twin and the schema agree. */
export function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function first(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}
