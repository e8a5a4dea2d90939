/** Search on a PostgreSQL store: see docs/decisions/0004-postgres-search.md. */
export { rebuildPostgresSearchIndex } from './build.js';
export { openPostgresSearcher } from './engine.js';
export { openPostgresSqlSearcher } from './searcher.js';
