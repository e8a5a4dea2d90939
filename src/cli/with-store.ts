/** Opens the configured store for the length of one command. */
import { loadConfig, type Config } from '../config.js';
import { openStore, type Store } from '../store/db.js';
import { useArabicDigits } from '../web/i18n/index.js';
import type { CliContext } from './context.js';

export async function withStore<T>(context: CliContext, work: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(context.env);
  // the mail a command sends (campaign) and the exports it writes, in Arabic, with the digits configured
  useArabicDigits(config.arabicDigits ?? 'western');
  const store = await openStore(config);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}
