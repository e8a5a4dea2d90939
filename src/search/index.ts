/** Full-text search with facets over the store: see docs/decisions/0003-search.md. */
export * from './types.js';
export { parseSearchParams, searchParamsOf } from './params.js';
export { openSearcher } from './pool.js';
export { rebuildSearchIndex } from './build.js';
