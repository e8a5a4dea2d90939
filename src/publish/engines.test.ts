/**
 * The export queries on both engines: the same directory stored in SQLite and in PostgreSQL
 * gives the same bytes in every format (the writers' outputs are deterministic: fixed zip dates,
 * a fixed IATI generation date), for the whole directory and for a selection.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { PUBLISHERS } from './formats.js';
import type { ExportOptions } from './options.js';
import { importBundled } from './testing/tools.js';
import { writeIati } from './iati.js';

function collect(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

const SELECTION: ExportOptions['selection'] = {
  partnerships: ['lyon-rabat', 'tours-marrakech'],
  projects: ['aix-en-provence-oujda-assistance-a-maitrise-d-ouvrage-pour-l-elaboration'],
  collectivities: ['ma-commune-agadir'],
};

describe.skipIf(!ENGINES.includes('postgres'))('exports on PostgreSQL', () => {
  it('give the same bytes as on SQLite, in every format, whole and selected', async () => {
    const stores = await Promise.all((['sqlite', 'postgres'] as const).map(async (engine) => {
      const store = await openEngineStore(engine);
      await importBundled(store.db);
      return store;
    }));
    for (const format of ['csv', 'xlsx', 'json', 'iati']) {
      for (const options of [{}, { selection: SELECTION }, { selection: SELECTION, columns: { projects: ['id', 'title', 'total_cost', 'currency'], contacts: [] } }] as ExportOptions[]) {
        if (options.columns && !PUBLISHERS[format]!.columns) continue;
        const outputs: Buffer[] = [];
        for (const store of stores) {
          const { out, bytes } = collect();
          const counts = format === 'iati' ? await writeIati(store.db, out, { ...options, generated: new Date('2026-01-02T03:04:05Z') }) : await PUBLISHERS[format]!.write(store.db, out, options);
          expect(Object.values(counts).some((n) => n > 0), `${format} ${JSON.stringify(options)}`).toBe(true);
          outputs.push(bytes());
        }
        expect(outputs[1]!.equals(outputs[0]!), `${format} ${JSON.stringify(options)}: PostgreSQL differs from SQLite`).toBe(true);
      }
    }
  }, 120_000);
});
