/**
 * One step of the table bench in a process of its own: `read` (the table streamed onto the
 * reader's scratch shelves), `import` (read, then written into a new SQLite store a chunk at a
 * time) or `merge` (read, then merged into the directory `import` left in the store). Prints its
 * peak RSS (VmHWM), the seconds of each phase and the rows' outcomes as JSON; progress on stderr.
 * With TABLE_BENCH_GAZETTEER=1 the gazetteer is asked as the command asks it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../src/config.js';
import { importTable, type RowCounts } from '../src/census/import-table.js';
import { openTable, readMapping, readTable } from '../src/import/table/index.js';
import { openStore } from '../src/store/db.js';
import { garbageCollector } from '../src/cli/collect-garbage.js';

const [step, table, mappingPath, storePath] = process.argv.slice(2) as [string, string, string, string];
const mapping = readMapping(readFileSync(mappingPath, 'utf8'), basename(mappingPath));
let started = performance.now();
const read = await readTable(openTable(table, mapping.table), mapping, {
  onProgress: (rows) => {
    if (rows % 100_000 === 0) process.stderr.write(`  read ${rows} rows, RSS ${rssMb()} MB\n`);
  },
});
const readSeconds = (performance.now() - started) / 1000;
let writeSeconds = 0;
let rows: RowCounts | undefined;
if (step === 'import' || step === 'merge') {
  started = performance.now();
  const store = await openStore(loadConfig({ DATABASE_URL: storePath }));
  let shown = 0;
  // as `repertoire import` does (src/cli/import-file.ts)
  const collect = process.env.TABLE_BENCH_NO_GC ? () => undefined : garbageCollector();
  ({ rows } = await importTable(store.db, read, {
    // TABLE_BENCH_GAZETTEER=1: names not found as written looked up in the gazetteer, as `repertoire import` does.
    ...(process.env.TABLE_BENCH_GAZETTEER ? { gazetteer: (await import('../src/geo/gazetteer.js')).defaultGazetteer() } : {}),
    onMatch: (kind, done, total) => {
      collect(done);
      if (done === 0 || done === total) process.stderr.write(`  matching ${kind}: ${done}/${total}, RSS ${rssMb()} MB\n`);
    },
    onProgress: (written, total) => {
      collect(written);
      if (written - shown >= Number(process.env.TABLE_BENCH_EVERY ?? 200_000) || written === total) {
        shown = written;
        process.stderr.write(`  wrote ${written}/${total} records, RSS ${rssMb()} MB\n`);
      }
    },
  }));
  await store.close();
  writeSeconds = (performance.now() - started) / 1000;
}
read.close();
console.log(JSON.stringify({ rowsRead: read.rows.read, readSeconds, writeSeconds, peakMb: peakMb(), ...(rows ? { rows } : {}) }));

/** RSS, and the part of it that is V8's heap and buffers outside it */
function rssMb(): string {
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 2 ** 20);
  return `${mb(m.rss)} (heap ${mb(m.heapUsed)}/${mb(m.heapTotal)}, external ${mb(m.external)})`;
}

/** The process's peak resident set (VmHWM), in MB. */
function peakMb(): number {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return line === undefined ? process.resourceUsage().maxRSS / 1024 : Number(line.replace(/\D+/g, '')) / 1024;
}
