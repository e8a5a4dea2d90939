/**
 * A table merged into a directory, on a real SQLite store: matched collectivities (by code, then
 * by folded name and country: "KOMÁRNO" is "Komárno"), partnerships by their parties, nothing
 * removed or duplicated; a dry run writes nothing; records edited by people keep their edits
 * and the table's changes to them become proposals.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../geo/gazetteer.js';
import { openTable, readMapping, readTable, TableMapping } from '../import/table/index.js';
import type { RepertoireDocument } from '../model/schema.js';
import { readDocument } from '../store/load-document.js';
import { saveDocument } from '../store/save-document.js';
import { currentVersions, headKey } from '../store/versions.js';
import { storeContents } from '../test-support/store-contents.js';
import { openTempStore, tempDir } from '../test-support/temp-store.js';
import { importDocument } from './import.js';
import { importTable } from './import-table.js';
import { writeNewDirectory } from './import-table-streamed.js';
import { mergeTable } from './merge-table.js';
import { saveRecord } from './records.js';

const DIRECTORY = 'jumelages-essai';

const MAPPING = TableMapping.parse({
  format: 'repertoire-table-mapping',
  version: 1,
  directory: { id: DIRECTORY, title: 'Jumelages (essai)' },
  language: 'cs',
  home: { name: 'obec1', code: 'kod1', country: { value: 'CZ' } },
  partner: { name: 'obec2', code: 'kod2', country: 'stat2' },
  partnership: { date: { column: 'rok', unknown: ['0'] }, dateAs: 'year' },
});

/** The directory as people left it: Kralupy twinned with Komárno (named as the gazetteer does) and with Meerbusch. */
const STORED: RepertoireDocument = {
  format: 'repertoire',
  version: 1,
  directory: { id: DIRECTORY, title: 'Jumelages (essai)', countries: ['CZ', 'SK', 'DE'] },
  domains: [],
  collectivities: [
    { id: 'kralupy', name: 'Kralupy nad Vltavou', country: 'CZ', kind: 'commune' },
    { id: 'komarno', name: 'Komárno', country: 'SK', kind: 'commune' },
    { id: 'meerbusch', name: 'Meerbusch', country: 'DE', kind: 'commune' },
  ],
  partnerships: [
    { id: 'kralupy-komarno', tier: 'brief', parties: [{ collectivityId: 'kralupy', country: 'CZ' }, { collectivityId: 'komarno', country: 'SK' }] },
    { id: 'kralupy-meerbusch', tier: 'brief', parties: [{ collectivityId: 'kralupy', country: 'CZ' }, { collectivityId: 'meerbusch', country: 'DE' }], signedDate: '1999' },
  ],
};

const TABLE = [
  'kod1\tobec1\tkod2\tobec2\tstat2\trok',
  'S-534951\tKralupy nad Vltavou\tF-2196\tKOMÁRNO\tSlovensko\t1993',
  'S-581283\tBlansko\tF-2196\tKOMÁRNO\tSlovensko\t2005',
  'S-534951\tKralupy nad Vltavou\tF-9\tMeerbusch\tNěmecko\t0',
  'S-534951\tKralupy nad Vltavou\tF-7\tSoul\tKorea\t2005',
].join('\n');

async function read(text: string) {
  const path = join(tempDir(), 'vztahy.tsv');
  writeFileSync(path, text);
  return readTable(openTable(path, MAPPING.table), MAPPING);
}

describe('a table merged into a directory', () => {
  it('matches collectivities by folded name and country, partnerships by their parties, and removes nothing', async () => {
    const store = await openTempStore();
    await saveDocument(store.db, STORED, { origin: { kind: 'import', ref: 'stored.json' } });
    const dry = await importTable(store.db, await read(TABLE), { dryRun: true });
    // Kralupy–Komárno gains its year (updated); Blansko–Komárno is new; Kralupy–Meerbusch says nothing new; Korea is rejected.
    expect(dry.rows).toEqual({ created: 1, updated: 1, unchanged: 1, rejected: 1 });
    const result = await importTable(store.db, await read(TABLE));
    expect(result.rows).toEqual(dry.rows);
    expect(result.changes).toEqual(dry.changes);

    const doc = (await readDocument(store.db, DIRECTORY))!;
    expect(doc.collectivities.map((c) => c.name).sort()).toEqual(['Blansko', 'Komárno', 'Kralupy nad Vltavou', 'Meerbusch']);
    expect(doc.collectivities.find((c) => c.id === 'komarno')?.aliases).toBeUndefined(); // "KOMÁRNO" is the same spelling, folded
    const byId = new Map(doc.partnerships.map((p) => [p.id, p]));
    expect(byId.get('kralupy-komarno')?.signedDate).toBe('1993');
    expect(byId.get('kralupy-meerbusch')?.signedDate).toBe('1999');
    expect(doc.partnerships.length).toBe(3);
    const blansko = doc.partnerships.find((p) => p.parties.some((x) => x.collectivityId === 'komarno') && p.id !== 'kralupy-komarno')!;
    expect(blansko.parties.map((x) => x.collectivityId)).toEqual(['cz-s-581283', 'komarno']);

    const again = await importTable(store.db, await read(TABLE));
    expect(again.rows).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 1 });
    expect(again.changes).toMatchObject({ created: 0, updated: 0, removed: 0 });
  });

  it('writes nothing in a dry run', async () => {
    const store = await openTempStore();
    await saveDocument(store.db, STORED);
    const before = await storeContents(store.path);
    const dry = await importTable(store.db, await read(TABLE), { dryRun: true });
    expect(dry.changes.created).toBeGreaterThan(0);
    expect(await storeContents(store.path)).toBe(before);
  });

  it('creates the directory when the store has none of that id', async () => {
    const store = await openTempStore();
    const result = await importTable(store.db, await read(TABLE));
    expect(result.rows).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 1 });
    const doc = (await readDocument(store.db, DIRECTORY))!;
    expect(doc.directory.countries).toEqual(['CZ', 'DE', 'SK']);
    expect(doc.collectivities.filter((c) => c.name === 'KOMÁRNO').length).toBe(1);
  });

  it('leaves a record edited by people as they left it: the table\'s change becomes a proposal', async () => {
    const store = await openTempStore();
    await saveDocument(store.db, STORED, { origin: { kind: 'import', ref: 'stored.json' } });
    const heads = await currentVersions(store.db, DIRECTORY);
    const edited = { ...STORED.partnerships[0]!, signedDate: '1994', notes: ['Date checked with the town hall'] };
    await saveRecord(store.db, DIRECTORY, { recordType: 'partnership', recordId: 'kralupy-komarno', data: edited }, { baseVersion: heads.get(headKey('partnership', 'kralupy-komarno'))!.version, origin: { kind: 'edit', userId: 'editor' } });

    const result = await importTable(store.db, await read(TABLE));
    expect(result.proposals).toBe(1);
    const doc = (await readDocument(store.db, DIRECTORY))!;
    expect(doc.partnerships.find((p) => p.id === 'kralupy-komarno')).toMatchObject({ signedDate: '1994', notes: ['Date checked with the town hall'] });
    const proposals = await store.db.selectFrom('proposals').select(['record_id', 'data', 'origin_kind']).where('directory_id', '=', DIRECTORY).execute();
    expect(proposals).toEqual([expect.objectContaining({ record_id: 'kralupy-komarno', origin_kind: 'import' })]);
    expect(JSON.parse(proposals[0]!.data!)).toMatchObject({ signedDate: '1993' });
  });
});

describe('matching through the gazetteer', () => {
  it('finds "Marrakesh" in a directory that spells it "Commune urbaine de Marrakech"', async () => {
    const store = await openTempStore();
    const stored: RepertoireDocument = {
      format: 'repertoire',
      version: 1,
      directory: { id: 'essai-ma', title: 'Essai', countries: ['FR', 'MA'] },
      domains: [],
      collectivities: [
        { id: 'lyon', name: 'Ville de Lyon', shortName: 'Lyon', country: 'FR', kind: 'commune' },
        { id: 'marrakech', name: 'Commune urbaine de Marrakech', shortName: 'Marrakech', country: 'MA', kind: 'commune-urbaine' },
      ],
      partnerships: [{ id: 'lyon-marrakech', tier: 'brief', parties: [{ collectivityId: 'lyon', country: 'FR' }, { collectivityId: 'marrakech', country: 'MA' }] }],
    };
    await saveDocument(store.db, stored);
    const mapping = TableMapping.parse({ ...MAPPING, directory: { id: 'essai-ma', title: 'Essai' }, language: 'fr', home: { name: 'obec1', country: { value: 'FR' } }, partner: { name: 'obec2', country: 'stat2' } });
    const path = join(tempDir(), 'liste.tsv');
    writeFileSync(path, 'obec1\tobec2\tstat2\trok\nLyon\tMarrakesh\tMaroc\t2004\n');
    const read = await readTable(openTable(path, mapping.table), mapping);
    const result = await importTable(store.db, read, { gazetteer: defaultGazetteer() });
    expect(result.rows).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    const doc = (await readDocument(store.db, 'essai-ma'))!;
    expect(doc.collectivities.map((c) => c.id)).toEqual(['lyon', 'marrakech']);
    expect(doc.collectivities[1]!.aliases).toEqual(['Marrakesh']);
    expect(doc.partnerships).toEqual([expect.objectContaining({ id: 'lyon-marrakech', signedDate: '2004' })]);
  });
});

describe('a table merged into a directory, a chunk at a time', () => {
  const register = fileURLToPath(new URL('../import/table/fixtures/vztahy.tsv', import.meta.url));
  const mappingPath = fileURLToPath(new URL('../../data/mappings/twinnings-cz.json', import.meta.url));
  const mapping = readMapping(readFileSync(mappingPath, 'utf8'), 'twinnings-cz.json');
  const contents = async (path: string) => (await storeContents(path)).replace(/"(created_at|imported_at)":"[^"]*"/g, '"$1":""');
  const [header, ...lines] = readFileSync(register, 'utf8').trimEnd().split('\n');
  /** The register's first 600 rows, then its rows from the 300th: half of them known, a third of those dated anew, the rest new. */
  const first = () => tableFile('first.tsv', [header!, ...lines.slice(0, 600)]);
  const second = () => tableFile('vztahy.tsv', [header!, ...lines.slice(300).map((line, i) => (i % 3 === 0 ? line.replace(/\t\d{4}$/, '\t2010') : line))]);
  const tableFile = (name: string, rows: string[]) => {
    const path = join(tempDir(), name);
    writeFileSync(path, `${rows.join('\n')}\n`);
    return path;
  };
  const readFile = (path: string) => readTable(openTable(path, mapping.table), mapping, { now: new Date('2026-01-01T00:00:00Z') });
  const storeWithFirst = async () => {
    const store = await openTempStore();
    const read = await readFile(first());
    await importTable(store.db, read, { now: new Date('2026-01-01T00:00:00Z') });
    read.close();
    return store;
  };

  it('writes what the document-wide merge and import write: the same rows, positions, versions and report', async () => {
    const streamed = await storeWithFirst();
    const whole = await storeWithFirst();
    const path = second();
    const read = await readFile(path);
    try {
      const result = await importTable(streamed.db, read);
      const directoryId = result.directoryId;
      const merged = mergeTable(await readDocument(whole.db, directoryId), read.document, { directoryId });
      const saved = await importDocument(whole.db, merged.document, { documentName: 'vztahy.tsv', report: read.report });
      expect(result.changes).toEqual(saved.changes);
      expect(result.rows).toMatchObject({ created: 364, rejected: 2 });
      expect(result.rows.updated).toBeGreaterThan(50);
      expect(result.rows.unchanged).toBeGreaterThan(50);
      expect(await contents(streamed.path)).toBe(await contents(whole.path));
    } finally {
      read.close();
    }
  }, 60_000);

  it('counts in a dry run what it then writes, and writes nothing', async () => {
    const store = await storeWithFirst();
    const before = await storeContents(store.path);
    const read = await readFile(second());
    try {
      const dry = await importTable(store.db, read, { dryRun: true });
      expect(await storeContents(store.path)).toBe(before);
      const done = await importTable(store.db, read);
      expect(done.rows).toEqual(dry.rows);
      expect(done.changes).toEqual(dry.changes);
    } finally {
      read.close();
    }
  }, 60_000);

  it('leaves the store as it was when it fails halfway', async () => {
    const store = await storeWithFirst();
    const before = await storeContents(store.path);
    const read = await readFile(second());
    try {
      const onProgress = (done: number) => {
        if (done > 200) throw new Error('the disk is full');
      };
      await expect(importTable(store.db, read, { onProgress })).rejects.toThrow(/could not import vztahy.tsv into directory "jumelages-cz-2013": the disk is full/);
      expect(await storeContents(store.path)).toBe(before);
    } finally {
      read.close();
    }
  }, 60_000);
});

describe('a table that makes a new directory, written a chunk at a time', () => {
  const register = fileURLToPath(new URL('../import/table/fixtures/vztahy.tsv', import.meta.url));
  const mappingPath = fileURLToPath(new URL('../../data/mappings/twinnings-cz.json', import.meta.url));
  const mapping = readMapping(readFileSync(mappingPath, 'utf8'), 'twinnings-cz.json');
  const origin = { kind: 'import' as const, ref: 'vztahy.tsv' };
  /** the store's text, the versions' times left out (the document-wide save stamps its own) */
  const contents = async (path: string) => (await storeContents(path)).replace(/"created_at":"[^"]*"/g, '"created_at":""');

  it('writes what the document-wide import writes: the same rows, positions, versions and report', async () => {
    const read = await readTable(openTable(register, mapping.table), mapping);
    try {
      const directoryId = read.records.directory().id!;
      const chunked = await openTempStore();
      const changes = await writeNewDirectory(chunked.db, read, { directoryId, origin, now: new Date(), chunkSize: 100 });
      const whole = await openTempStore();
      const merged = mergeTable(undefined, read.document, { directoryId }).document;
      const saved = await importDocument(whole.db, merged, { documentName: 'vztahy.tsv', report: read.report });
      expect(changes).toEqual(saved.changes);
      expect(changes.created).toBeGreaterThan(2000);
      expect(await contents(chunked.path)).toBe(await contents(whole.path));
    } finally {
      read.close();
    }
  }, 60_000);

  it('leaves the store as it was when it fails halfway', async () => {
    const read = await readTable(openTable(register, mapping.table), mapping);
    try {
      const store = await openTempStore();
      const before = await storeContents(store.path);
      const onProgress = (written: number) => {
        if (written > 500) throw new Error('the disk is full');
      };
      await expect(writeNewDirectory(store.db, read, { directoryId: 'jumelages-cz-2013', origin, now: new Date(), chunkSize: 100, onProgress })).rejects.toThrow(/could not import vztahy.tsv into directory "jumelages-cz-2013": the disk is full/);
      expect(await storeContents(store.path)).toBe(before);
    } finally {
      read.close();
    }
  }, 60_000);
});
