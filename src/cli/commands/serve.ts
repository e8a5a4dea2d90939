import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config.js';
import { RepertoireError } from '../../errors.js';
import { openSearcher, type Searcher } from '../../search/index.js';
import { openPostgresSearcher } from '../../search/postgres/index.js';
import { readSourceStamp } from '../../search/tables.js';
import { openStore } from '../../store/db.js';
import { offThreadReader } from '../../store/off-thread.js';
import { listDirectoryIds } from '../../store/records/directory.js';
import { configureRecounts } from '../../stats/snapshot.js';
import { purgeAccounts } from '../../accounts/housekeeping.js';
import { buildApp } from '../../web/app.js';
import { chooseDirectoryId } from '../../web/data/directory.js';
import { searchIndexKeepers, siteIndexBuilder, siteIndexDelta } from '../../web/search-index.js';
import type { Command } from '../context.js';
import { importFile } from '../import-file.js';
import { formatChanges } from '../report-text.js';
import { BUNDLED_DIRECTORY } from './setup.js';

/** The serving connection's SQLite page cache (see StoreOptions): 2 MB held the server's malloc heap at 12 MB, against 48 MB with SQLite's 16. */
const SERVING_CACHE_MB = 2;

/**
 * V8 lets the old generation grow to up to 4 times what survived the last full collection before
 * collecting again: under load the server held 250 MB of heap for 65 MB alive. A growth of 25 %
 * keeps it near what is alive, for more frequent (incremental, concurrent) collections. The flag
 * is read at each collection, so setting it at start takes effect.
 */
const HEAP_GROWING_PERCENT = 25;
function keepHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

export const serveCommand: Command = {
  name: 'serve',
  help: `Usage: repertoire serve [--directory ID] [--read-only]

Serves the public site: every page in HTML and as JSON (the same URL with .json), the search,
and /openapi.json. On first start, an empty store gets the bundled 2008 directory; the search
index is rebuilt at start when the store changed since it was built, and again whenever an
import or an edit changes the store (on SQLite in a file and on PostgreSQL). Stops on Ctrl-C
(SIGINT) or SIGTERM.

Options:
  --directory ID   the site's default directory, at the root, when the store holds several
                   (default: the last imported); every directory is at /r/ID/, and
                   /repertoires lists them
  --read-only      serve a read replica of the store (as REPERTOIRE_READ_ONLY=1): never
                   write to it — no migration, no search index rebuilt (the replicated one is
                   searched, and /sante says when it is older than the records), no cache
                   kept, no sign-in nor form (503), no housekeeping (see docs/replica.md)
  -h, --help       show this help

Environment:
  PORT             the port to listen on (default 3000; 0 picks a free one)
  HOST             the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  DATABASE_URL     the store (default data/repertoire.db)
  SITE_URL         the site's public address, for invitation links (default: each request's)
  SEARCH_WORKERS   threads answering searches on a SQLite store (default: one per core but one,
                   1 or 2; 0: on the serving thread)
  SECURE_COOKIES   1: session cookies always Secure (behind a proxy that terminates TLS);
                   default: Secure only over HTTPS, so that http://localhost works
  MAX_PAGES_IN_FLIGHT  pages (HTML or JSON) in progress at once; past it a page is refused at
                   once with 503 and Retry-After (default 24, a sixth of them searches and
                   long pages; 0: no limit)
  PAGE_CACHE_MB    megabytes of drawn public pages kept to send again until the store changes
                   (default 4; 0: none)
  TRUST_PROXY      the reverse proxies whose X-Forwarded-For gives the client's address
                   (addresses or CIDR ranges, comma-separated; default: none)
  REPERTOIRE_READ_ONLY  1: as --read-only
`,
  options: { directory: { type: 'string' }, 'read-only': { type: 'boolean' } },
  positionals: 0,
  async run(values, _positionals, context) {
    const loaded = loadConfig(context.env);
    const config = values['read-only'] === true ? Object.freeze({ ...loaded, readOnly: true }) : loaded;
    const readOnly = config.readOnly === true;
    keepHeapNearLive();
    const store = await openStore(config, { cacheMb: SERVING_CACHE_MB });
    let searcher: Searcher | undefined;
    let app: FastifyInstance | undefined;
    let housekeeping: NodeJS.Timeout | undefined;
    try {
      if ((await listDirectoryIds(store.db)).length === 0) {
        if (readOnly) throw new RepertoireError('store', 'the read-only store is empty: import a directory on the primary (the writer) first');
        context.stderr.write('The store is empty: importing the bundled 2008 directory.\n');
        const { changes } = await importFile(store.db, BUNDLED_DIRECTORY, context.stderr);
        context.stderr.write(`${formatChanges(changes)}\n`);
      }
      const directoryId = await chooseDirectoryId(store.db, values.directory as string | undefined);
      // SQLite: the searcher's worker threads read the file; PostgreSQL: it runs SQL on the store's
      // pool. A store in memory is served without search (the search page then answers 503).
      const file = config.database.kind === 'sqlite' && config.database.path !== ':memory:' ? config.database.path : undefined;
      const onPostgres = store.engine === 'postgres';
      const keeper = file !== undefined || onPostgres ? searchIndexKeepers(store.db, siteIndexBuilder(store.engine), { readOnly, ...(readOnly ? {} : { delta: siteIndexDelta() }) }) : undefined;
      if (keeper !== undefined) {
        // the default directory's index before the first visitor; the others' when first searched
        await keeper.ensureFresh(directoryId);
        if (readOnly) {
          const [index] = await keeper.status();
          if (index !== undefined && !index.current) {
            context.stderr.write(index.indexStamp === null ? 'Read-only: the store has no search index yet; the writer builds it.\n' : 'Read-only: the search index is older than the records; it is searched until the writer rebuilds it.\n');
          }
        }
        searcher = onPostgres ? openPostgresSearcher(store.db) : await openSearcher({ databasePath: file!, ...(config.searchWorkers !== undefined ? { workers: config.searchWorkers } : {}) });
      } else {
        context.stderr.write('Search is off: it needs a SQLite store in a file, or PostgreSQL.\n');
      }
      // long reads (the whole directory's counts) on the search thread's connection (SQLite), not on the serving thread
      const reader = searcher?.read !== undefined ? offThreadReader(searcher.read.bind(searcher)) : undefined;
      // a recount of a large census runs in the background (the previous snapshot serving): its progress in the log
      configureRecounts({ report: (line) => context.stderr.write(`${line}\n`) });
      // the health check says whether this instance writes, and whether the indexes searched are the records' current ones
      const searchIndexVersion = async (id: string) => (await readSourceStamp(store.db, id)) ?? '';
      const health = async () => ({ readOnly, ...(keeper !== undefined ? { searchIndexes: await keeper.status() } : {}) });
      app = await buildApp({ config, store, searcher, directoryId, logger: { level: 'warn' }, ...(keeper !== undefined ? { refreshSearchIndex: (id: string) => keeper.ensureFresh(id) } : {}), warm: true, health, ...(readOnly ? { searchIndexVersion } : {}), ...(reader ? { reader } : {}) });
      await app.listen({ port: config.server.port, host: config.server.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : config.server.port;
      const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.server.host) ? 'localhost' : config.server.host;
      context.stdout.write(`Répertoire is serving the site at http://${host.includes(':') ? `[${host}]` : host}:${port}/ (Ctrl-C to stop)\n`);
      // housekeeping (expired sessions, old sign-in attempts, used links): at start, then every hour;
      // on the writer only (a replica receives its deletions)
      if (!readOnly) {
        const purge = () => void purgeAccounts(store.db, new Date()).catch((error: unknown) => context.stderr.write(`Housekeeping failed: ${error instanceof Error ? error.message : String(error)}\n`));
        purge();
        housekeeping = setInterval(purge, 60 * 60_000);
        housekeeping.unref();
      }
      await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
      context.stderr.write('Stopping.\n');
      return 0;
    } finally {
      if (housekeeping !== undefined) clearInterval(housekeeping);
      await app?.close();
      await searcher?.close();
      await store.close();
    }
  },
};
