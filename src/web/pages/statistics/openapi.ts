/** The statistics' CSV files in the OpenAPI document (openapi.ts): `/statistiques/{table}.csv` (csv.ts). */
import { STATS_TABLES } from '../../../stats/csv.js';
import { MAP_TABLE } from './csv.js';

type JsonObject = Record<string, unknown>;

export function statisticsCsvPathItem(errorResponse: (description: string) => JsonObject): { path: string; item: JsonObject } {
  return {
    path: '/statistiques/{table}.csv',
    item: {
      get: {
        operationId: 'statisticsCsv',
        summary: 'A table of the statistics page as CSV, for the census or a search’s results (q, and the search’s filters)',
        description: 'In the exports’ CSV dialect: UTF-8 with a byte-order mark, ";" between fields, decimal comma, CRLF.',
        tags: ['exports'],
        security: [],
        parameters: [
          { name: 'table', in: 'path', required: true, description: 'the table', schema: { type: 'string', enum: [...STATS_TABLES, MAP_TABLE] } },
          { name: 'q', in: 'query', required: false, description: 'the search whose results are counted (absent: the whole census)', schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'the table', content: { 'text/csv': { schema: { type: 'string' } } } },
          '404': errorResponse('no such table'),
          '503': errorResponse('the service (search) is not available'),
        },
      },
    },
  };
}
