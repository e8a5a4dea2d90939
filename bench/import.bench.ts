/**
 * The whole import of the 2008 directory (≈300 KB) into a new SQLite store: read the file,
 * read the directory, save records, provenance and report in one transaction. The baseline,
 * measured in the same run, is only reading the file and splitting it into lines — the floor
 * any reader pays. Targets: reading ≤ 50 ms (issue 20), whole import ≤ 300 ms.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { readDirectory } from '../src/import/directory/index.js';
import { SEED_COUNTRIES } from '../src/import/directory/testing.js';
import { openStore } from '../src/store/db.js';
import { saveDocument } from '../src/store/save-document.js';
import { measure } from './timing.js';

const SOURCE = new URL('../data/sources/repertoire-franco-marocain-2008.txt', import.meta.url);
const NAME = 'repertoire-franco-marocain-2008.txt';

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'repertoire-bench-import-'));
  try {
    const times = 15;
    const baseline = await timed('read file + split lines (baseline)', times, () => readFileSync(SOURCE, 'utf8').split(/\r?\n/).length);
    const reading = await timed('read the directory (text → records)', times, () => readDirectory(readFileSync(SOURCE, 'utf8'), { document: NAME , countries: SEED_COUNTRIES }));
    let k = 0;
    const whole = await timed('whole import into a new SQLite store', times, async () => {
      const store = await openStore(loadConfig({ DATABASE_URL: join(dir, `import-${k++}.db`) }));
      try {
        const { document, report, sources } = readDirectory(readFileSync(SOURCE, 'utf8'), { document: NAME , countries: SEED_COUNTRIES });
        return await saveDocument(store.db, document, { sources, report });
      } finally {
        await store.close();
      }
    });
    const store = await openStore(loadConfig({ DATABASE_URL: join(dir, 'again.db') }));
    const { document, report, sources } = readDirectory(readFileSync(SOURCE, 'utf8'), { document: NAME , countries: SEED_COUNTRIES });
    await saveDocument(store.db, document, { sources, report });
    const again = await timed('re-import of the same document (no change)', times, () => {
      const read = readDirectory(readFileSync(SOURCE, 'utf8'), { document: NAME , countries: SEED_COUNTRIES });
      return saveDocument(store.db, read.document, { sources: read.sources, report: read.report });
    });
    await store.close();
    console.log(`ratios to the baseline: reading ×${(reading / baseline).toFixed(0)}, whole import ×${(whole / baseline).toFixed(0)}, re-import ×${(again / baseline).toFixed(0)}`);
    console.log(`reading median ${reading.toFixed(0)} ms — target ≤ 50 ms (issue 20): ${reading <= 50 ? 'met' : 'NOT met'}`);
    console.log(`whole import median ${whole.toFixed(0)} ms — target ≤ 300 ms: ${whole <= 300 ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of `measure`'s runs, for ratios. */
async function timed(label: string, times: number, work: () => unknown): Promise<number> {
  const durations: number[] = [];
  await measure(label, times, async () => {
    const start = performance.now();
    const result = await work();
    durations.push(performance.now() - start);
    return result;
  });
  durations.sort((a, b) => a - b);
  return durations[Math.floor(durations.length / 2)]!;
}
