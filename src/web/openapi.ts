/**
 * /openapi.json: every JSON twin, with its response schema generated from the page's own Zod
 * view-model schema (`z.toJSONSchema`), so the description cannot drift from what is served, and
 * the files: the export (`/export`), the records' PDFs, the statistics' CSV files. It keeps to a linter's recommended rules (redocly's `recommended`,
 * checked by openapi-lint.test.ts): a server, a licence, every operation public by an explicit
 * `security: []`, tagged with declared tags, with a summary, a unique id, 2xx and 4xx responses.
 */
import { z } from 'zod';
import { DATA_LICENCE } from '../publish/licence.js';
import { ErrorView } from './errors.js';
import { exportPathItem } from './export/openapi.js';
import type { AnyPage } from './page.js';
import { memberTwinRoute, type AnyMemberPage } from './auth/member-page.js';
import { SESSION_COOKIE_NAME } from '../accounts/service.js';
import { statisticsCsvPathItem } from './pages/statistics/openapi.js';
import { recordPdfPathItems } from './record-pdf/openapi.js';

type JsonSchema = Record<string, unknown>;

/**
 * A view model's JSON Schema. A recursive part (a diff's field changes: z.lazy with a `.meta({ id })`)
 * comes out as a `$defs` entry its `$ref`s point to; `#` in an OpenAPI document is the document, so
 * each such entry is moved to the components (into `shared`) and its references follow it.
 */
function schemaOf(schema: z.ZodType, shared?: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  delete json.$schema;
  const defs = json.$defs as Record<string, JsonSchema> | undefined;
  if (defs === undefined) return json;
  if (shared === undefined) throw new Error('a recursive view model needs the components to put its definitions in');
  delete json.$defs;
  const moved = JSON.parse(JSON.stringify({ json, defs }).replaceAll('"#/$defs/', '"#/components/schemas/')) as { json: JsonSchema; defs: Record<string, JsonSchema> };
  Object.assign(shared, moved.defs);
  return moved.json;
}

/** `/partenariats/:id` → `/partenariats/{id}.json`; `/` → `/index.json` */
export function twinPath(path: string): string {
  if (path === '/') return '/index.json';
  return `${path.replace(/:(\w+)/g, '{$1}')}.json`;
}

export interface OpenApiOptions {
  /** the site's address (no trailing slash): the document's server */
  readonly serverUrl: string;
  /** the members' pages: their JSON twins, described under the session cookie */
  readonly memberPages?: readonly AnyMemberPage[];
}

const TAGS = [
  { name: 'pages', description: 'The JSON twin of each page of the site: its view model.' },
  { name: 'exports', description: 'The directory, or a search’s results, as files.' },
  { name: 'members', description: 'The JSON twin of each members’ page (census, review, quality): for a signed-in member whose role may see it.' },
];

/** The members' session: the cookie the sign-in page sets. */
const SESSION_SCHEME = 'session';

/** The name the search page is defined by: the export takes its parameters. */
const SEARCH_PAGE = 'SearchView';

export function openApiDocument(pages: readonly AnyPage[], options: OpenApiOptions): JsonSchema {
  const schemas: Record<string, JsonSchema> = { ErrorView: schemaOf(ErrorView) };
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorView' } } },
  });
  const pathItems: Record<string, JsonSchema> = {};
  for (const page of pages) {
    schemas[page.name] = schemaOf(page.schema);
    pathItems[twinPath(page.path)] = {
      get: {
        operationId: page.name.replace(/View$/, '').replace(/^./, (c) => c.toLowerCase()),
        summary: page.summary,
        tags: ['pages'],
        security: [],
        description: `The view model of the HTML page ${page.path}: the same URL with .json, or with Accept: application/json.`,
        parameters: (page.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.in === 'path' ? true : (p.required ?? false), description: p.description, schema: p.schema })),
        responses: {
          '200': { description: page.name, content: { 'application/json': { schema: { $ref: `#/components/schemas/${page.name}` } } } },
          '400': errorResponse('bad request'),
          '404': errorResponse('no such record or page'),
          '503': errorResponse('the service (search) is not available'),
        },
      },
    };
  }
  for (const page of options.memberPages ?? []) {
    schemas[page.name] = schemaOf(page.schema, schemas);
    pathItems[memberTwinRoute(page.path).replace(/:(\w+)/g, '{$1}')] = {
      get: {
        operationId: page.name.replace(/View$/, '').replace(/^./, (c) => c.toLowerCase()),
        summary: page.summary,
        tags: ['members'],
        security: [{ [SESSION_SCHEME]: [] }],
        description: `The view model of the members' page ${page.path}. ${page.audience} Signed out, a redirection to the sign-in page.`,
        parameters: (page.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.in === 'path' ? true : (p.required ?? false), description: p.description, schema: p.schema })),
        responses: {
          '200': { description: page.name, content: { 'application/json': { schema: { $ref: `#/components/schemas/${page.name}` } } } },
          '303': { description: 'signed out: to the sign-in page, and back after' },
          '403': errorResponse('the member’s role may not see this page'),
          '404': errorResponse('no such campaign or record'),
        },
      },
    };
  }
  const exported = exportPathItem(pages.find((page) => page.name === SEARCH_PAGE)?.parameters ?? []);
  pathItems[exported.path] = exported.item;
  Object.assign(pathItems, recordPdfPathItems(errorResponse));
  const statistics = statisticsCsvPathItem(errorResponse);
  pathItems[statistics.path] = statistics.item;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Répertoire',
      version: '1',
      description:
        'The census of decentralised-cooperation partnerships between a home country and its partner countries (each directory names its countries, home first). Every page of the site has a JSON twin: its view model. Contacts who are named people come without their coordinates.',
      license: { name: DATA_LICENCE.title, identifier: DATA_LICENCE.id },
    },
    servers: [{ url: options.serverUrl.replace(/\/+$/, ''), description: 'this site' }],
    // every public operation says so with `security: []`; the members' ones name the session cookie
    tags: TAGS,
    paths: pathItems,
    components: {
      schemas,
      securitySchemes: { [SESSION_SCHEME]: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE_NAME, description: 'the session cookie the sign-in page (/connexion) sets' } },
    },
  };
}
