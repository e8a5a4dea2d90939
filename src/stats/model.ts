/**
 * The statistics of the census as plain data: Zod-validated view models, so that each page has
 * a `.json` twin and each table a CSV (`csv.ts`). Kinds, statuses, decades and countries are
 * codes: the web layer labels them from its catalogue (`web/i18n/codes.ts`), one label per code
 * for the statistics and the search alike. Domains and funders keep the names the data gives them.
 */
import { z } from 'zod';

/** A count by code: a decade (`1990`, `unknown`), a kind of collectivity, a project status. */
export const CountRow = z.object({ key: z.string(), count: z.number().int().min(0) });

export const DomainRow = z.object({
  code: z.string(),
  label: z.string(),
  /** the parent domain's code, for a sub-domain */
  parent: z.string().nullable(),
  /** records with this domain; for a domain, with it or any of its sub-domains (each record once) */
  count: z.number().int().min(0),
});

export const MoneyTotal = z.object({
  eur: z.number(),
  approximateEur: z.number(),
  convertedEur: z.number(),
  count: z.number().int(),
  approximateCount: z.number().int(),
  byCurrency: z.array(z.object({ currency: z.string(), amount: z.number(), count: z.number().int(), eur: z.number().nullable() })),
});

export const Rate = z.object({
  base: z.literal('EUR'),
  perEur: z.record(z.string(), z.number()),
  year: z.number().int(),
  source: z.string(),
});

export const FunderRow = z.object({
  key: z.string(),
  funder: z.string(),
  collectivityId: z.string().nullable(),
  /** ministry, agency, programme, international, state, public-body, collectivity, association, company; unresolved */
  kind: z.string(),
  /** funding lines that name this funder */
  lines: z.number().int(),
  /** of which with an amount */
  linesWithAmount: z.number().int(),
  total: MoneyTotal,
});

export const PartyRef = z.object({ name: z.string(), collectivityId: z.string().nullable() });
export const Amount = z.object({ amount: z.number(), currency: z.string(), approximate: z.boolean(), eur: z.number().nullable() });

export const PadRow = z.object({
  projectId: z.string(),
  partnershipId: z.string(),
  title: z.string(),
  status: z.string(),
  /** the Moroccan maître d'ouvrage and the French assistant, as the project's partners name them */
  maitreOuvrage: z.array(PartyRef),
  assistant: z.array(PartyRef),
  totalCost: Amount.nullable(),
  /** what the PAD's funding lines give, by currency */
  padAmounts: z.array(Amount),
  padEur: z.number().nullable(),
});

export const Statement = z.object({ line: z.number().int().nullable(), stated: z.number().int().nullable(), message: z.string() });

export const CensusStats = z.object({
  scope: z.object({
    directoryId: z.string().nullable(),
    /** true when the statistics are of a selection (search results), not the whole census */
    filtered: z.boolean(),
    partnerships: z.number().int(),
    projects: z.number().int(),
  }),
  rate: Rate,
  partnershipsByDecade: z.object({
    rows: z.array(CountRow),
    /** the editorial's claim, and whether the numbers bear it out; null where the text made none, and for a selection */
    claim: z
      .object({
        text: z.string(),
        firstDecade: z.string().nullable(),
        agrees: z.boolean(),
        /** what the verdict cites: the partnerships of the decades the claim names, and those without a date */
        counts: z.array(CountRow),
        undated: z.number().int(),
      })
      .nullable(),
  }),
  /** each country's collectivities by kind: partnerships with at least one party of that kind in that country */
  partnershipsByKind: z.array(z.object({ country: z.string(), rows: z.array(CountRow) })),
  partnershipsByDomain: z.array(DomainRow),
  projectsByStatus: z.array(CountRow),
  projectsByDomain: z.array(DomainRow),
  budgets: z.object({
    total: MoneyTotal,
    /** by the country of the collectivity the budget is of ('' when the entry does not say) */
    bySide: z.array(z.object({ country: z.string(), total: MoneyTotal })),
  }),
  projectCosts: z.object({ total: MoneyTotal, withCost: z.number().int(), withoutCost: z.number().int() }),
  funders: z.array(FunderRow),
  /** the funders' totals by kind */
  funderKinds: z.array(z.object({ kind: z.string(), funders: z.number().int(), lines: z.number().int(), total: MoneyTotal })),
  pad: z.object({
    count: z.number().int(),
    rows: z.array(PadRow),
    /** rows were cut to the limit asked for; `count` and the totals are of all */
    truncated: z.boolean(),
    totalCost: MoneyTotal,
    padTotal: MoneyTotal,
    /** what the import report says the editorials state, where it differs from the entries */
    statements: z.array(Statement),
  }),
});

export type CountRow = z.infer<typeof CountRow>;
export type DomainRow = z.infer<typeof DomainRow>;
export type FunderRow = z.infer<typeof FunderRow>;
export type PadRow = z.infer<typeof PadRow>;
export type CensusStats = z.infer<typeof CensusStats>;

// The statuses in the search facet's order: one order for both.
export { STATUSES as STATUS_ORDER } from '../search/facets.js';

