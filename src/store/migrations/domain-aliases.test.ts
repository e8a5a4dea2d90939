import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../model/fixtures/index.js';
import { ENGINES, openEngineStore } from '../../test-support/engines.js';
import { readDomains } from '../records/domain.js';
import { saveDocument } from '../save-document.js';
import { unifyStoredDomains } from './0013_domain_aliases.js';

describe.each(ENGINES)('migration 0013 on %s', (engine) => {
  it('merges a domain filed under a label already taken into the first, its code kept as an alias, each record filed once; names each "Autres" by its parent', async () => {
    const { db } = await openEngineStore(engine);
    await saveDocument(db, loadFixture());
    const directoryId = (await db.selectFrom('directories').select('id').executeTakeFirstOrThrow()).id;
    // what a store filled before the taxonomy was unified holds: "Transports" under two parents, "Autres" under two
    await db
      .insertInto('domains')
      .values([
        { directory_id: directoryId, code: 'env', label: 'Environnement', parent: null, position: 10, aliases: null },
        { directory_id: directoryId, code: 'env-transports', label: 'Transports', parent: 'env', position: 11, aliases: null },
        { directory_id: directoryId, code: 'env-autres', label: 'Autres', parent: 'env', position: 12, aliases: null },
        { directory_id: directoryId, code: 'culture-autres', label: 'Autres', parent: 'culture', position: 13, aliases: null },
      ])
      .execute();
    await db
      .insertInto('partnership_domains')
      .values([
        { directory_id: directoryId, partnership_id: 'aix-en-provence-oujda', position: 9, domain_code: 'env-transports' },
        { directory_id: directoryId, partnership_id: 'aix-en-provence-oriental', position: 0, domain_code: 'env-transports' },
      ])
      .execute();
    await db.insertInto('project_domains').values({ directory_id: directoryId, project_id: 'aix-en-provence-oujda-festival', position: 9, domain_code: 'env-transports' }).execute();

    await unifyStoredDomains(db);

    const domains = await readDomains(db, directoryId);
    expect(domains.map((d) => [d.code, d.label, d.aliases])).toEqual([
      ['developpement-urbain', 'Développement urbain', undefined],
      ['transports', 'Transports', ['deplacements', 'env-transports']],
      ['culture', 'Culture', undefined],
      ['env', 'Environnement', undefined],
      ['env-autres', 'Autres (Environnement)', undefined],
      ['culture-autres', 'Autres (Culture)', undefined],
    ]);
    const filed = async (table: 'partnership_domains' | 'project_domains', column: 'partnership_id' | 'project_id', id: string) =>
      (await db.selectFrom(table).select('domain_code').where(column, '=', id).orderBy('position').execute()).map((r) => r.domain_code);
    expect(await filed('partnership_domains', 'partnership_id', 'aix-en-provence-oujda')).toEqual(['transports', 'culture']);
    expect(await filed('partnership_domains', 'partnership_id', 'aix-en-provence-oriental')).toEqual(['transports']);
    expect(await filed('project_domains', 'project_id', 'aix-en-provence-oujda-festival')).toContain('transports');

    await unifyStoredDomains(db); // a second run changes nothing
    expect(await readDomains(db, directoryId)).toEqual(domains);
  });
});
