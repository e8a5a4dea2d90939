/**
 * The census pages, on the census services (which check every right themselves):
 *
 *   /recensement                                  campaigns; editors open and close them
 *   /recensement/:campaign[?collectivite=]        a collectivity's records, pre-filled, with their state
 *   /recensement/:campaign/fiche/:type/:id        one record's form → a draft (POST)
 *   /recensement/:campaign/nouveau/projet|partenariat   a new project / partnership → a draft
 *   /recensement/:campaign/clore-projet|retirer|envoyer  close a project, withdraw a draft, submit
 *   /recensement/:campaign/tableau-de-bord        who answered, who is pending, who never signed in; by country and kind
 *   /recensement/:campaign/reponses.csv           the answers exported; POST …/inviter-tous: invite every collectivity
 *   /relecture, /relecture/:proposal              the editors' queue, one proposal's diff;
 *   /relecture/:proposal/accepter|refuser|modifier  approve, reject with a comment, edit then approve
 *   /historique/:type/:id[?de=&a=]                versions, a diff between two; editors revert
 *   /modifier/:type/:id                           an editor's direct edit
 *
 * Every edit form carries the version it was loaded with: a save based on an older one gets the
 * conflict page (409), both versions side by side and the person's own version ready to re-apply.
 *
 * By concern: campaign-routes.ts (campaigns, a collectivity's records, the dashboard),
 * draft-routes.ts (record forms and drafts: their pages in pages/campaign-*), review-routes.ts (the editors' queue and decisions),
 * history-routes.ts (versions, revert, direct edit); route-kit.ts holds what they share.
 */
import type { FastifyInstance } from 'fastify';
import type { Members } from '../auth/members.js';
import { registerAnswersRoutes } from './answers-routes.js';
import { registerCampaignRoutes } from './campaign-routes.js';
import { registerDraftRoutes } from './draft-routes.js';
import { registerHistoryRoutes } from './history-routes.js';
import { registerQualityRoutes } from './quality-routes.js';
import { registerReviewRoutes } from './review-routes.js';
import { censusRouteKit } from './route-kit.js';

export function registerCensusRoutes(app: FastifyInstance, members: Members): void {
  const kit = censusRouteKit(members);
  registerCampaignRoutes(app, kit);
  registerAnswersRoutes(app, kit);
  registerDraftRoutes(app, kit);
  registerReviewRoutes(app, kit);
  registerHistoryRoutes(app, kit);
  registerQualityRoutes(app, kit);
}
