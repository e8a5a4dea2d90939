/** Everything a store holds, as text: equal before and after a refused command means it changed nothing. */
import { loadConfig } from '../config.js';
import { openStore } from '../store/db.js';
import { readTables } from '../store/transfer.js';

export async function storeContents(url: string): Promise<string> {
  const store = await openStore(loadConfig({ DATABASE_URL: url }));
  try {
    const batches = [];
    for await (const batch of readTables(store.db)) batches.push(batch);
    return JSON.stringify(batches);
  } finally {
    await store.close();
  }
}
