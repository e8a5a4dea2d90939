import { fileURLToPath } from 'node:url';
import type { DatabaseLocation } from '../../config.js';
import { listDirectoryIds } from '../../store/records/directory.js';
import { countRows } from '../../store/summary.js';
import type { Command } from '../context.js';
import { importFile, parseCountries } from '../import-file.js';
import { formatCounts, formatReport } from '../report-text.js';
import { withStore } from '../with-store.js';

/** The 2008 directory shipped with the project; the path holds from src/cli/commands and dist/cli/commands alike. */
export const BUNDLED_DIRECTORY = fileURLToPath(new URL('../../../data/sources/repertoire-franco-marocain-2008.txt', import.meta.url));

export const setupCommand: Command = {
  name: 'setup',
  help: `Usage: repertoire setup [--from FILE [--countries HOME,PARTNER]]

Creates the store (or brings its schema up to date). If it holds no directory yet, imports the
bundled 2008 directory (or FILE). Then prints how many rows each table holds.

Options:
  --from FILE   what to import into an empty store (default: ${BUNDLED_DIRECTORY};
                a directory text's countries are in the metadata file beside it, FILE.json)
  --countries HOME,PARTNER
                the countries of a directory text given with --from, home first (e.g. FR,SN)
  -h, --help    show this help
`,
  options: { from: { type: 'string' }, countries: { type: 'string' } },
  positionals: 0,
  async run(values, _positionals, context) {
    await withStore(context, async ({ db }, config) => {
      if ((await listDirectoryIds(db)).length === 0) {
        const { report, changes } = await importFile(db, (values.from as string | undefined) ?? BUNDLED_DIRECTORY, context.stderr, typeof values.countries === 'string' ? { countries: parseCountries(values.countries) } : {});
        context.stdout.write(formatReport(report, changes));
      } else {
        context.stdout.write('The store already holds a directory; nothing imported.\n');
      }
      context.stdout.write(`Store ${describeLocation(config.database)}:\n${formatCounts(await countRows(db))}\n`);
    });
    return 0;
  },
};

function describeLocation(location: DatabaseLocation): string {
  return location.kind === 'sqlite' ? location.path : 'PostgreSQL';
}
