/**
 * The exports' words for people (src/publish/labels.ts): tables, columns and codes labelled from
 * the catalogue, in one locale, for one directory (its domains' labels; its countries name the
 * parties' columns: "Collectivités (France)", "Collectivités partenaires (Maroc)").
 */
import type { CodeFamily } from '../../publish/cells.js';
import type { ExportLabels } from '../../publish/labels.js';
import { countryLabel, kindLabel, statusLabel } from '../i18n/codes.js';
import { label, phrase, t, type Locale } from '../i18n/index.js';

export interface LabelledDirectory {
  /** home first */
  readonly countries: readonly string[];
  readonly domainLabel: (code: string) => string | undefined;
}

export function exportLabels(locale: Locale, directory: LabelledDirectory): ExportLabels {
  const [home = '', ...partners] = directory.countries;
  const params = { home: countryLabel(locale, home), partner: partners.map((c) => countryLabel(locale, c)).join(t(locale, 'common.listSeparator')) };
  const codes: Record<CodeFamily, (code: string) => string | undefined> = {
    status: (code) => statusLabel(locale, code),
    kind: (code) => kindLabel(locale, code),
    country: (code) => (code === '' ? undefined : countryLabel(locale, code)),
    tier: (code) => phrase(locale, 'tier', code),
    framework: (code) => phrase(locale, 'framework', code),
    role: (code) => phrase(locale, 'role', code),
    contribution: (code) => phrase(locale, 'contribution', code),
    contactKind: (code) => phrase(locale, 'contactKind', code),
    domain: directory.domainLabel,
  };
  return {
    table: (table) => label(locale, 'exportTable', table),
    column: (table, column) => phrase(locale, 'exportColumn', `${table}.${column}`, params) ?? phrase(locale, 'exportColumn', column, params) ?? column,
    code: (family, code) => codes[family](code),
  };
}
