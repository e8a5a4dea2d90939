/** Collectivities (local authorities), the parties of partnerships. */
import type { Kysely, Selectable } from 'kysely';
import type { Collectivity } from '../../model/schema.js';
import { decodeJson, encodeJson, orNull, orUndefined, present } from '../codec.js';
import type { CollectivityTable, Database } from '../tables.js';
import { executiveFrom } from './columns.js';
import type { RecordKind } from './kind.js';
import { chunks, CHUNK } from './writer.js';

export const collectivityKind: RecordKind<Collectivity> = {
  table: 'collectivities',
  key: 'id',
  children: [],
  keyOf: (collectivity) => collectivity.id,
  rows: (directoryId, { record: c, position }) => ({
    collectivities: [
      {
        directory_id: directoryId,
        id: c.id,
        position,
        name: c.name,
        short_name: orNull(c.shortName),
        country: c.country,
        kind: c.kind,
        population: orNull(c.population),
        population_year: orNull(c.populationYear),
        executive_name: orNull(c.executive?.name),
        executive_title: orNull(c.executive?.title),
        executive_civility: orNull(c.executive?.civility),
        address: orNull(c.address),
        phones: encodeJson(c.phones),
        faxes: encodeJson(c.faxes),
        emails: encodeJson(c.emails),
        websites: encodeJson(c.websites),
        lat: orNull(c.location?.lat),
        lon: orNull(c.location?.lon),
        region: orNull(c.region),
        aliases: encodeJson(c.aliases),
      },
    ],
  }),
};

function collectivityFrom(row: Selectable<CollectivityTable>): Collectivity {
  return present({
    id: row.id,
    name: row.name,
    shortName: orUndefined(row.short_name),
    country: row.country,
    kind: row.kind,
    population: orUndefined(row.population),
    populationYear: orUndefined(row.population_year),
    executive: executiveFrom(row.executive_name, row.executive_title, row.executive_civility),
    address: orUndefined(row.address),
    phones: decodeJson<string[]>(row.phones),
    faxes: decodeJson<string[]>(row.faxes),
    emails: decodeJson<string[]>(row.emails),
    websites: decodeJson<string[]>(row.websites),
    location: row.lat === null || row.lon === null ? undefined : { lat: row.lat, lon: row.lon },
    region: orUndefined(row.region),
    aliases: decodeJson<string[]>(row.aliases),
  });
}

/** The directory's collectivities, in order; or only those of `ids` (a merge looks up the table's), in the directory's order. */
export async function readCollectivities(db: Kysely<Database>, directoryId: string, ids?: readonly string[]): Promise<Collectivity[]> {
  if (ids !== undefined && ids.length > CHUNK) return (await Promise.all(chunks(ids).map((slice) => readCollectivities(db, directoryId, slice)))).flat();
  if (ids?.length === 0) return [];
  const rows = await db
    .selectFrom('collectivities')
    .selectAll()
    .where('directory_id', '=', directoryId)
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
    .orderBy('position')
    .execute();
  return rows.map(collectivityFrom);
}
