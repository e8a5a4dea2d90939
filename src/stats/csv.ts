/**
 * Each statistics table as CSV, in the exports' dialect (src/text/csv.ts: UTF-8 with BOM, ";",
 * decimal comma, CRLF, formulas guarded), so that French Excel opens them as it opens the exports.
 */
import { csvFile, type CsvValue } from '../text/csv.js';
import type { CensusStats, CountRow, DomainRow } from './model.js';
import type { MapTableRow } from '../maps/render.js';

type Cell = CsvValue;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvFile(header, rows);
}

/** The labels of the codes the statistics carry, given by the web layer (its catalogue). */
export interface StatsLabels {
  decade(code: string): string;
  kind(code: string): string;
  status(code: string): string;
  country(code: string): string;
}

const counts = (rows: readonly CountRow[], labelOf: (code: string) => string) => toCsv(['code', 'libellé', 'nombre'], rows.map((r) => [r.key, labelOf(r.key), r.count]));
const domains = (rows: readonly DomainRow[]) => toCsv(['code', 'libellé', 'domaine parent', 'nombre'], rows.map((r) => [r.code, r.label, r.parent, r.count]));

/** The tables of the statistics page, by file name (without `.csv`). */
export const STATS_TABLES = [
  'partenariats-par-decennie',
  'partenariats-par-type-de-collectivite',
  'partenariats-par-domaine',
  'projets-par-etat',
  'projets-par-domaine',
  'montants',
  'financeurs',
  'projets-pad',
] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

export function statsCsv(stats: CensusStats, table: StatsTable, labels: StatsLabels): string {
  switch (table) {
    case 'partenariats-par-decennie':
      return counts(stats.partnershipsByDecade.rows, labels.decade);
    case 'partenariats-par-type-de-collectivite':
      return toCsv(
        ['pays', 'type', 'libellé', 'partenariats'],
        stats.partnershipsByKind.flatMap((side) => side.rows.map((r) => [side.country, r.key, labels.kind(r.key), r.count])),
      );
    case 'partenariats-par-domaine':
      return domains(stats.partnershipsByDomain);
    case 'projets-par-etat':
      return counts(stats.projectsByStatus, labels.status);
    case 'projets-par-domaine':
      return domains(stats.projectsByDomain);
    case 'montants': {
      const rate = Object.entries(stats.rate.perEur)
        .filter(([c]) => c !== 'EUR')
        .map(([c, r]) => `1 EUR = ${r} ${c}`)
        .join('; ');
      const rows: Cell[][] = [];
      const total = (what: string, side: string, t: CensusStats['budgets']['total']) => {
        for (const c of t.byCurrency) rows.push([what, side, c.currency, c.amount, c.count, c.eur, null, rate]);
        rows.push([what, side, 'total EUR', null, t.count, t.eur, t.approximateEur, rate]);
      };
      total('budgets des partenariats', 'tous', stats.budgets.total);
      for (const side of stats.budgets.bySide) total('budgets des partenariats', labels.country(side.country), side.total);
      total('coûts des projets', 'tous', stats.projectCosts.total);
      total('coûts des projets PAD', 'tous', stats.pad.totalCost);
      total('apports du PAD', 'tous', stats.pad.padTotal);
      return toCsv(['quoi', 'côté', 'devise', 'montant', 'nombre', 'EUR', 'dont EUR approximatifs', 'taux de référence'], rows);
    }
    case 'financeurs':
      return toCsv(
        ['financeur', 'collectivité', 'nature', 'lignes', 'lignes avec montant', 'EUR', 'dont EUR approximatifs', 'montants par devise'],
        stats.funders.map((f) => [
          f.funder,
          f.collectivityId,
          f.kind,
          f.lines,
          f.linesWithAmount,
          f.total.eur,
          f.total.approximateEur,
          f.total.byCurrency.map((c) => `${c.amount} ${c.currency}`).join('; '),
        ]),
      );
    case 'projets-pad':
      return toCsv(
        ['projet', 'partenariat', 'titre', 'état', "maître d'ouvrage", "assistant à maîtrise d'ouvrage", 'coût total', 'devise', 'coût total EUR', 'apport PAD', 'apport PAD EUR'],
        stats.pad.rows.map((r) => [
          r.projectId,
          r.partnershipId,
          r.title,
          labels.status(r.status),
          r.maitreOuvrage.map((x) => x.name).join('; '),
          r.assistant.map((x) => x.name).join('; '),
          r.totalCost?.amount,
          r.totalCost?.currency,
          r.totalCost?.eur,
          r.padAmounts.map((a) => `${a.amount} ${a.currency}`).join('; '),
          r.padEur,
        ]),
      );
  }
}

/** The map's table (`renderMap(...).table`) as CSV. */
export function mapCsv(rows: readonly MapTableRow[]): string {
  return toCsv(['id', 'collectivité', 'pays', 'partenariats', 'latitude', 'longitude', 'x', 'y'], rows.map((r) => [r.id, r.label, r.country, r.weight, r.lat, r.lon, r.x, r.y]));
}
