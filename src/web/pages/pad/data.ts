/**
 * The PAD page's view model: every project the directory marks co-financed by the Programme
 * d'appui à la coopération décentralisée, with its Moroccan maître d'ouvrage and French
 * assistant, its amounts in their currency and in euros (at the stated rate), and how the count
 * compares with what the editorials state (the import report's statements).
 */
import { z } from 'zod';
import { CensusStats, Rate } from '../../../stats/model.js';
import { loadStats } from '../../../stats/load.js';
import type { PageInput } from '../../page.js';

export const PAD_PATH = '/pad';

export const PadView = z.object({
  rate: Rate,
  pad: CensusStats.shape.pad,
});
export type PadView = z.infer<typeof PadView>;

export async function padView(input: Pick<PageInput, 'directory' | 'db'>): Promise<PadView> {
  const dir = await input.directory();
  const stats = await loadStats(input.db, { directoryId: dir.id });
  return PadView.parse({ rate: stats.rate, pad: stats.pad });
}
