import { definePage } from '../../page.js';
import { ReportView, reportView } from './data.js';
import { renderReport } from './render.js';

export const reportPage = definePage({
  name: 'ReportView',
  path: '/rapport',
  summary: 'The report of the latest import: counts, changes, unplaced lines, inconsistencies and warnings with their place in the book (part, section, page) and their transcription line',
  schema: ReportView,
  load: async ({ db, directory }) => {
    // an empty store has no directory, and still a report page (saying there was no import)
    const dir = await directory().catch(() => undefined);
    return reportView(db, dir?.redactor, dir?.id);
  },
  render: renderReport,
});
