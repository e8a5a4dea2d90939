import { definePage } from '../../page.js';
import { HomeView, homeView } from './data.js';
import { renderHome } from './render.js';

export const homePage = definePage({
  name: 'HomeView',
  path: '/',
  summary: 'Key figures and entry points: by domain, by collectivity of the partner countries and of the home country, by kind of collectivity',
  schema: HomeView,
  load: async ({ directory, db }) => homeView(await directory(), db),
  render: renderHome,
});
