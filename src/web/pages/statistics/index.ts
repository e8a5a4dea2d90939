import { FACET_NAMES } from '../../../search/types.js';
import { definePage } from '../../page.js';
import { STATISTICS_PATH, StatisticsView, statisticsView } from './data.js';
import { renderStatistics } from './render.js';

export const statisticsPage = definePage({
  name: 'CensusStats',
  path: STATISTICS_PATH,
  summary: 'Statistics of the census (or of the partnerships a search finds): by decade, kind, domain, status; money in euros at a stated rate; totals by funder; PAD projects',
  schema: StatisticsView,
  parameters: [
    { name: 'q', in: 'query', description: 'a search: the statistics are of the projects it finds, and of the partnerships it finds or whose project it finds', schema: { type: 'string' } },
    ...FACET_NAMES.map((name) => ({ name, in: 'query' as const, description: 'a facet filter of the search (repeatable)', schema: { type: 'array', items: { type: 'string' } } })),
  ],
  load: (input) => statisticsView(input),
  render: renderStatistics,
});
