/**
 * `/statistiques/<table>.csv`: each table of the statistics page as CSV (`statsCsv`), for the same
 * selection as the page (the search in the query string applies).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RepertoireError } from '../../../errors.js';
import { STATS_TABLES, statsCsv, type StatsTable } from '../../../stats/csv.js';
import type { PageInput } from '../../page.js';
import { STATISTICS_PATH, statisticsView } from './data.js';

export function isStatsTable(name: string): name is StatsTable {
  return (STATS_TABLES as readonly string[]).includes(name);
}

export function registerStatisticsCsv(app: FastifyInstance, inputOf: (request: FastifyRequest) => PageInput): void {
  app.get(`${STATISTICS_PATH}/:file`, async (request, reply) => {
    const file = (request.params as { file?: string }).file ?? '';
    const table = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : '';
    if (!isStatsTable(table)) throw new RepertoireError('not-found', `no statistics table ${file.slice(0, 100)}`, 404);
    const stats = await statisticsView(inputOf(request));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${table}.csv"`)
      .send(statsCsv(stats, table));
  });
}
