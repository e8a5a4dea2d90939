import { definePage } from '../../page.js';
import { SynthesisView, synthesisView } from './data.js';
import { renderSynthesis } from './render.js';

export const synthesisPage = definePage({
  name: 'SynthesisView',
  path: '/synthese',
  summary: "The book's synthesis of cooperations by domain, regenerated from the data, with the places where print and data disagree",
  schema: SynthesisView,
  load: async ({ db, directory }) => synthesisView(db, await directory()),
  render: renderSynthesis,
});
