/**
 * `/export` in the OpenAPI document (openapi.ts): its parameters (params.ts says what each does;
 * the search's own are the search page's) and what it answers — a file in the format asked, or an
 * HTML page naming the parameter refused (400) or saying the search has too many results (422).
 */
import { PUBLISHERS } from '../../publish/formats.js';
import type { ParameterDoc } from '../page.js';
import { EXPORT_CONTENTS, EXPORT_FORMATS, EXPORT_LABELS, EXPORT_PATH } from './params.js';

type JsonObject = Record<string, unknown>;

const htmlPage = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });

/** The path item of `/export`; `searchParameters`: the search page's (the export takes the same). */
export function exportPathItem(searchParameters: readonly ParameterDoc[]): { path: string; item: JsonObject } {
  const media = [...new Set(EXPORT_FORMATS.map((format) => PUBLISHERS[format]!.mediaType))];
  return {
    path: EXPORT_PATH,
    item: {
      get: {
        operationId: 'export',
        summary: 'The directory, or exactly a search’s results, as a file: CSV (zip), XLSX, JSON (interchange) or IATI XML',
        description:
          'Streams an attachment. CSV and XLSX hold a one-sheet table of projects and the relational tables, in French words by default (labels=codes for the tables’ own names and codes); the CSV zip describes itself in datapackage.json (Frictionless Data Package). Named people’s coordinates are left out unless they consented.',
        tags: ['exports'],
        security: [],
        parameters: [
          { name: 'format', in: 'query', required: true, description: 'the file format', schema: { type: 'string', enum: [...EXPORT_FORMATS] } },
          { name: 'scope', in: 'query', required: false, description: 'search (default): the results of the search the other parameters describe; all: the whole directory', schema: { type: 'string', enum: ['search', 'all'], default: 'search' } },
          { name: 'labels', in: 'query', required: false, description: 'csv, xlsx: fr (default) for sheet names, headers and values in words; codes for the tables’ names and stored codes', schema: { type: 'string', enum: [...EXPORT_LABELS], default: 'fr' } },
          { name: 'content', in: 'query', required: false, description: 'csv, xlsx: all (default) every table; summary the one-sheet table of projects alone', schema: { type: 'string', enum: [...EXPORT_CONTENTS], default: 'all' } },
          {
            name: 'columns',
            in: 'query',
            required: false,
            description: 'csv, xlsx: TABLE:COLUMN (or TABLE:COL,COL), repeatable: only these columns, and only the tables named',
            style: 'form',
            explode: true,
            schema: { type: 'array', items: { type: 'string' } },
          },
          ...searchParameters
            .filter((p) => p.in === 'query' && !['sort', 'page', 'perPage'].includes(p.name))
            .map((p) => ({ name: p.name, in: p.in, required: false, description: `the search: ${p.description}`, schema: p.schema })),
        ],
        responses: {
          '200': {
            description: 'the file, as an attachment',
            headers: { 'Content-Disposition': { description: 'attachment; filename="<directory>[-recherche][-projets].<extension>"', schema: { type: 'string' } } },
            content: Object.fromEntries(media.map((type) => [type, { schema: { type: 'string', ...(type.startsWith('application/json') ? {} : { format: 'binary' }) } }])),
          },
          '400': htmlPage('a parameter refused: the page names it and says why'),
          '422': htmlPage('a search with more results than an export holds: the page links to the whole directory’s export'),
        },
      },
    },
  };
}
