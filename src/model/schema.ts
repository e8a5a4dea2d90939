/**
 * The interchange format, version 1: the ONE definition of Répertoire's record types.
 *
 * Each schema mirrors a `$defs` entry of `schema/repertoire.schema.json` (same names, same
 * property order, same constraints); `schema.test.ts` validates documents with both to prove
 * they agree. Property order matters: exports write keys in this order.
 *
 * JSON-schema `default`s (Money.approximate, Directory.language) are annotations only and are
 * deliberately not applied here, so that a document reads back exactly as it was written.
 */
import { z } from 'zod';

const DATE_PATTERN = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;

export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(200);
export const Country = z.string().regex(/^[A-Z]{2}$/);
export const Text = z.string().min(1);
/** A date with year, month or day precision: 2007, 2007-07, 2007-07-09. */
export const PartialDate = z.string().regex(DATE_PATTERN);
const Strings = z.array(z.string());

/**
 * Beyond 2^53 − 1 a JSON number is no longer read exactly (9007199254740993 reads as …992): such
 * an amount is refused rather than stored rounded. Zod's integers already stop there.
 */
export const LARGEST_EXACT_NUMBER = Number.MAX_SAFE_INTEGER;

export const Money = z.strictObject({
  amount: z.number().min(0).max(LARGEST_EXACT_NUMBER),
  currency: z.string().regex(/^[A-Z]{3}$/),
  approximate: z.boolean().optional(),
  text: z.string().optional(),
});

export const Source = z.strictObject({
  document: z.string(),
  lines: z.tuple([z.number().int().min(1), z.number().int().min(1)]).optional(),
  page: z.number().int().min(1).optional(),
});

export const Directory = z.strictObject({
  id: Id.optional(),
  title: Text,
  countries: z.array(Country).min(2),
  edition: z.string().optional(),
  publishers: Strings.optional(),
  language: z.string().optional(),
  source: Source.optional(),
});

export const Domain = z.strictObject({
  code: Id,
  label: Text,
  parent: Id.optional(),
  /** codes this domain was known by before another of the same label was merged into it: references to them resolve here */
  aliases: z.array(Id).optional(),
});

/** "Mme", "M.", "Mlle": a person's title as the source printed it (never inferred). */
export const Civility = z.string().min(1).max(20);

export const Executive = z.strictObject({
  name: Text,
  civility: Civility.optional(),
  title: z.string().optional(),
});

export const Location = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const Collectivity = z.strictObject({
  id: Id,
  name: Text,
  shortName: z.string().optional(),
  country: Country,
  kind: z.string(),
  population: z.number().int().min(0).optional(),
  populationYear: z.number().int().optional(),
  executive: Executive.optional(),
  address: z.string().optional(),
  phones: Strings.optional(),
  faxes: Strings.optional(),
  emails: Strings.optional(),
  websites: Strings.optional(),
  location: Location.optional(),
  region: z.string().optional(),
  aliases: Strings.optional(),
});

export const ContactKind = z.enum(['elected', 'staff', 'other']);

export const Contact = z.strictObject({
  name: Text,
  civility: Civility.optional(),
  role: z.string().optional(),
  kind: ContactKind.optional(),
  collectivityId: Id.optional(),
  organization: z.string().optional(),
  phones: Strings.optional(),
  faxes: Strings.optional(),
  emails: Strings.optional(),
  address: z.string().optional(),
});

export const Contribution = z.enum(['financial', 'in-kind', 'mixed', 'unknown']);

export const Funding = z.strictObject({
  funder: Text,
  funderCollectivityId: Id.optional(),
  /** the funder registry's entity (data/funders.json, a profile's funders) the printed name resolves to */
  funderId: Id.optional(),
  amount: Money.optional(),
  share: z.number().min(0).max(1).optional(),
  contribution: Contribution.optional(),
  text: z.string().optional(),
});

export const PartnerRole = z.enum(['maitre-ouvrage', 'assistant-maitre-ouvrage', 'operator', 'funder', 'partner']);

export const ProjectPartner = z.strictObject({
  name: Text,
  role: PartnerRole.optional(),
  country: Country.optional(),
  collectivityId: Id.optional(),
  contact: z.string().optional(),
});

export const ProjectStatus = z.enum(['ongoing', 'completed', 'planned', 'other']);

export const Project = z.strictObject({
  id: Id,
  title: Text,
  status: ProjectStatus,
  themes: Strings.optional(),
  domains: z.array(Id).optional(),
  /** the rule that derived `domains` when the print did not give them with the project */
  domainRule: z.enum(['theme-heading', 'partnership']).optional(),
  periodText: z.string().optional(),
  startDate: PartialDate.optional(),
  endDate: PartialDate.optional(),
  durationMonths: z.number().int().min(0).optional(),
  padCofinanced: z.boolean().optional(),
  objectives: Strings.optional(),
  description: z.string().optional(),
  partners: z.array(ProjectPartner).optional(),
  totalCost: Money.optional(),
  funding: z.array(Funding).optional(),
  fundingText: z.string().optional(),
  expectedResults: Strings.optional(),
  obtainedResults: Strings.optional(),
  beneficiaries: Strings.optional(),
  observations: z.string().optional(),
  source: Source.optional(),
});

export const PartyBudget = z.strictObject({
  collectivityId: Id.optional(),
  amount: Money,
  period: z.string().optional(),
  text: z.string().optional(),
});

/** One side of a partnership: a collectivity, with its executive as named in this entry. */
export const Party = z.strictObject({
  collectivityId: Id,
  country: Country,
  executive: Executive.optional(),
});

export const PartnershipTier = z.enum(['full', 'brief']);
export const FrameworkKind = z.enum(['convention', 'jumelage', 'accord', 'protocole', 'declaration', 'none', 'other']);

export const Partnership = z.strictObject({
  id: Id,
  tier: PartnershipTier,
  section: z.string().optional(),
  parties: z.array(Party).min(2),
  legalFramework: z.string().optional(),
  frameworkKind: FrameworkKind.optional(),
  dateText: z.string().optional(),
  signedDate: PartialDate.optional(),
  history: z.string().optional(),
  domainsText: z.string().optional(),
  domains: z.array(Id).optional(),
  projects: z.array(Project).optional(),
  budgets: z.array(PartyBudget).optional(),
  humanResources: Strings.optional(),
  otherPartnerships: Strings.optional(),
  contacts: z.array(Contact).optional(),
  notes: Strings.optional(),
  source: Source.optional(),
});

export const RepertoireDocument = z.strictObject({
  format: z.literal('repertoire'),
  version: z.literal(1),
  directory: Directory,
  domains: z.array(Domain),
  collectivities: z.array(Collectivity),
  partnerships: z.array(Partnership),
});

export type Money = z.infer<typeof Money>;
export type Source = z.infer<typeof Source>;
export type Directory = z.infer<typeof Directory>;
export type Domain = z.infer<typeof Domain>;
export type Executive = z.infer<typeof Executive>;
export type Location = z.infer<typeof Location>;
export type Collectivity = z.infer<typeof Collectivity>;
export type ContactKind = z.infer<typeof ContactKind>;
export type Contact = z.infer<typeof Contact>;
export type Contribution = z.infer<typeof Contribution>;
export type Funding = z.infer<typeof Funding>;
export type PartnerRole = z.infer<typeof PartnerRole>;
export type ProjectPartner = z.infer<typeof ProjectPartner>;
export type ProjectStatus = z.infer<typeof ProjectStatus>;
export type Project = z.infer<typeof Project>;
export type PartyBudget = z.infer<typeof PartyBudget>;
export type Party = z.infer<typeof Party>;
export type PartnershipTier = z.infer<typeof PartnershipTier>;
export type FrameworkKind = z.infer<typeof FrameworkKind>;
export type Partnership = z.infer<typeof Partnership>;
export type RepertoireDocument = z.infer<typeof RepertoireDocument>;
