import { definePage } from '../../page.js';
import { ComparisonView, EditionsView, comparisonView, editionsView } from './data.js';
import { renderComparison, renderEditions } from './render.js';

export const editionsPage = definePage({
  name: 'EditionsView',
  path: '/repertoires',
  summary: 'The directories of the store, grouped in series (the same countries: editions of one census), with their counts and links to each one’s pages',
  schema: EditionsView,
  sitewide: true,
  load: async ({ db }) => editionsView(db),
  render: renderEditions,
});

export const comparisonPage = definePage({
  name: 'ComparisonView',
  path: '/editions/:from/:to',
  summary: 'What changed between two editions of a series: the partnerships and projects new, ended and changed, field by field, with counts',
  schema: ComparisonView,
  parameters: [
    { name: 'from', in: 'path', description: 'the earlier edition’s directory id', schema: { type: 'string' }, required: true },
    { name: 'to', in: 'path', description: 'the later edition’s directory id', schema: { type: 'string' }, required: true },
  ],
  // two whole directories read and compared
  long: true,
  sitewide: true,
  load: async ({ db, params }) => comparisonView(db, params.from ?? '', params.to ?? ''),
  render: renderComparison,
});
