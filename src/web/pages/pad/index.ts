import { definePage } from '../../page.js';
import { PAD_PATH, PadView, padView } from './data.js';
import { renderPad } from './render.js';

export const padPage = definePage({
  name: 'PadView',
  path: PAD_PATH,
  summary: "Projects co-financed by the PAD (Programme d'appui à la coopération décentralisée): maître d'ouvrage, French assistant, amounts in their currency and in euros, and the editorials' counts",
  schema: PadView,
  load: (input) => padView(input),
  render: renderPad,
});
