/** Every page of the site, in the order of the OpenAPI document. */
import type { AnyPage } from '../page.js';
import { collectivitiesPage } from './collectivities/index.js';
import { collectivityPage } from './collectivity/index.js';
import { coveragePage } from './coverage/index.js';
import { noticePage, noticesPage } from './notices/index.js';
import { domainPage, domainsPage } from './domain/index.js';
import { comparisonPage, editionsPage } from './editions/index.js';
import { searchAllPage } from './search-all/index.js';
import { homePage } from './home/index.js';
import { partnershipPage } from './partnership/index.js';
import { briefPage, partnershipsPage } from './partnerships/index.js';
import { projectPage } from './project/index.js';
import { projectsPage } from './projects/index.js';
import { reportPage } from './report/index.js';
import { padPage } from './pad/index.js';
import { searchPage } from './search/index.js';
import { statisticsPage } from './statistics/index.js';
import { synthesisPage } from './synthesis/index.js';

export const PAGES: readonly AnyPage[] = [
  homePage,
  searchPage,
  partnershipsPage,
  partnershipPage,
  projectsPage,
  projectPage,
  collectivitiesPage,
  collectivityPage,
  domainsPage,
  domainPage,
  synthesisPage,
  briefPage,
  reportPage,
  statisticsPage,
  padPage,
  coveragePage,
  noticesPage,
  noticePage,
  editionsPage,
  searchAllPage,
  comparisonPage,
];
