/** The directories of a store and what crosses them, on every engine. */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../model/fixtures/index.js';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { listDirectories, partnershipsElsewhere } from './directories.js';
import { saveDocument } from './save-document.js';

describe.each(ENGINES)('directories on %s', (engine) => {
  it('lists each directory with its counts, and finds a collectivity’s partnerships in the others', async () => {
    const store = await openEngineStore(engine);
    await saveDocument(store.db, loadFixture());
    const other = loadFixture();
    other.directory = { id: 'franco-senegalais', title: 'Répertoire franco-sénégalais', countries: ['FR', 'SN'], edition: '2026' };
    other.partnerships = other.partnerships.slice(1);
    await saveDocument(store.db, other);

    expect((await listDirectories(store.db)).map(({ id, partnerships, projects, collectivities }) => ({ id, partnerships, projects, collectivities }))).toEqual([
      { id: 'franco-marocain-2008', partnerships: 2, projects: 2, collectivities: 3 },
      { id: 'franco-senegalais', partnerships: 1, projects: 0, collectivities: 3 },
    ]);

    const elsewhere = await partnershipsElsewhere(store.db, 'fr-ville-aix-en-provence', 'FR', 'franco-marocain-2008');
    expect(elsewhere).toEqual([
      { directoryId: 'franco-senegalais', title: 'Répertoire franco-sénégalais', edition: '2026', countries: ['FR', 'SN'], partnerships: [{ id: 'aix-en-provence-oriental', parties: [expect.any(String), expect.any(String)] }], total: 1 },
    ]);
    expect(await partnershipsElsewhere(store.db, 'fr-ville-aix-en-provence', 'FR', 'franco-senegalais')).toEqual([
      expect.objectContaining({ directoryId: 'franco-marocain-2008', partnerships: [expect.objectContaining({ id: 'aix-en-provence-oujda' }), expect.objectContaining({ id: 'aix-en-provence-oriental' })], total: 2 }),
    ]);
    // in the other directory, but party to none of its partnerships: not listed
    expect(await partnershipsElsewhere(store.db, 'ma-commune-urbaine-oujda', 'MA', 'franco-marocain-2008')).toEqual([]);
    expect(await partnershipsElsewhere(store.db, 'fr-ville-aix-en-provence', 'MA', 'franco-marocain-2008')).toEqual([]);
  });
});
