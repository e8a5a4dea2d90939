/** `/catalogue.jsonld`: the DCAT-AP catalogue of the site's datasets (data.ts), from the store's directories. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { listDirectoryIds, readDirectory } from '../../store/records/directory.js';
import type { Database } from '../../store/tables.js';
import { countryLabel } from '../i18n/codes.js';
import { DEFAULT_LOCALE, t } from '../i18n/index.js';
import { CATALOGUE_PATH, catalogueOf, JSON_LD, type CatalogueDirectory } from './data.js';

export { CATALOGUE_PATH, JSON_LD } from './data.js';

export function registerCatalogue(app: FastifyInstance, db: Kysely<Database>): void {
  app.get(CATALOGUE_PATH, async (request, reply) => {
    const directories: CatalogueDirectory[] = [];
    for (const id of await listDirectoryIds(db)) {
      const record = await readDirectory(db, id);
      if (record !== undefined) directories.push({ id, record });
    }
    const body = catalogueOf(`${request.protocol}://${request.host}`, directories, (key, params) => t(DEFAULT_LOCALE, key, params), (code) => countryLabel(DEFAULT_LOCALE, code));
    return reply.type(`${JSON_LD}; charset=utf-8`).header('cache-control', 'public, max-age=300').send(JSON.stringify(body));
  });
}
