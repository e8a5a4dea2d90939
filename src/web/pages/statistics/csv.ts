/**
 * `/statistiques/<table>.csv`: each table of the statistics page as CSV (`statsCsv`), for the same
 * selection as the page (the search in the query string applies).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RepertoireError } from '../../../errors.js';
import { parseSearchParams } from '../../../search/params.js';
import { mapCsv, STATS_TABLES, statsCsv, type StatsTable } from '../../../stats/csv.js';
import { renderMap } from '../../../maps/render.js';
import { loadMapView } from '../../maps/map.js';
import { currentLanguage } from '../../language.js';
import type { PageInput } from '../../page.js';
import { statsLabels } from './parts.js';
import { matchingPartnershipIds, searchOf, STATISTICS_PATH, statisticsView } from './data.js';

/** The map's table (every placed collectivity, its partnerships, position) as CSV. */
export const MAP_TABLE = 'carte';

/** The map of the census, or of a search's results, as CSV (`mapCsv`). */
export async function mapTableCsv(input: PageInput): Promise<string> {
  const dir = await input.directory();
  const search = searchOf(input.query);
  let view;
  if (search === undefined) view = await loadMapView(input.db, dir.id, { kind: 'directory' });
  else {
    if (input.searcher === undefined) throw new RepertoireError('not-supported', 'search is not available', 503);
    await input.beforeSearch?.();
    view = await loadMapView(input.db, dir.id, { kind: 'partnerships', ids: await matchingPartnershipIds(input.searcher, parseSearchParams(search).query, dir.id) });
  }
  const rendered = renderMap({ country: 'both', points: view.points, links: view.links, title: 'carte', description: '' });
  return mapCsv(rendered.table);
}

export function isStatsTable(name: string): name is StatsTable {
  return (STATS_TABLES as readonly string[]).includes(name);
}

/** `prefixes`: where the directories' pages are (the root for the default directory, `/r/:directory` for any) */
export function registerStatisticsCsv(app: FastifyInstance, inputOf: (request: FastifyRequest) => PageInput, prefixes: readonly string[] = ['']): void {
  for (const prefix of prefixes) app.get(`${prefix}${STATISTICS_PATH}/:file`, async (request, reply) => {
    const file = (request.params as { file?: string }).file ?? '';
    const table = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : '';
    if (table === MAP_TABLE) {
      const csv = await mapTableCsv(inputOf(request));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${MAP_TABLE}.csv"`).send(csv);
    }
    if (!isStatsTable(table)) throw new RepertoireError('not-found', `no statistics table ${file.slice(0, 100)}`, 404);
    const stats = await statisticsView(inputOf(request));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${table}.csv"`)
      .send(statsCsv(stats, table, statsLabels(currentLanguage())));
  });
}
