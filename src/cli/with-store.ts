/** Opens the configured store for the length of one command. */
import { loadConfig, type Config } from '../config.js';
import { openStore, type Store } from '../store/db.js';
import type { CliContext } from './context.js';

export async function withStore<T>(context: CliContext, work: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(context.env);
  const store = await openStore(config);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}
