/**
 * One step of the table bench in a process of its own: `read` (the table streamed into records)
 * or `import` (read, merged and saved into a new SQLite store). Prints its peak RSS as JSON.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../src/config.js';
import { importTable } from '../src/census/import-table.js';
import { openTable, readMapping, readTable } from '../src/import/table/index.js';
import { openStore } from '../src/store/db.js';

const [step, table, mappingPath, storePath] = process.argv.slice(2) as [string, string, string, string];
const mapping = readMapping(readFileSync(mappingPath, 'utf8'), basename(mappingPath));
const read = await readTable(openTable(table, mapping.table), mapping);
if (step === 'import') {
  const store = await openStore(loadConfig({ DATABASE_URL: storePath }));
  await importTable(store.db, read);
  await store.close();
}
console.log(JSON.stringify({ rowsRead: read.rows.read, peakMb: process.resourceUsage().maxRSS / 1024 }));
