/**
 * The census campaigns: the list (editors open and close them), a collectivity's records with
 * their state, and the editors' dashboard of who answered.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../errors.js';
import { fieldMessages } from '../failures.js';
import { currentLanguage } from '../language.js';
import { registerMemberPage } from '../auth/member-page.js';
import { field, guarded } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { campaignsPage } from './pages/campaigns/index.js';
import { campaignEntriesPage } from './pages/campaign-entries/index.js';
import { dashboardPage } from './pages/dashboard/index.js';
import type { CensusRouteKit } from './route-kit.js';

export function registerCampaignRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members, census, campaignRequest } = kit;
  // ------------------------------------------------------------------------------------------
  // campaigns

  const campaigns = registerMemberPage(app, members, campaignsPage);
  registerMemberPage(app, members, dashboardPage);
  registerMemberPage(app, members, campaignEntriesPage);

  app.post(
    '/recensement',
    guarded(members, async (request, reply) => {
      const actor = members.actor(request);
      const title = field(request, 'title') ?? '';
      try {
        const campaign = await census.campaigns.open(actor, { title });
        return reply.redirect(memberPaths.campaign(campaign.id), 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const messages = fieldMessages(currentLanguage(), error);
          const message = messages.title ?? Object.values(messages)[0] ?? '';
          return campaigns.show(request, reply, (view) => ({ ...view, openForm: { title, error: message } }), 422);
        }
        throw error;
      }
    }),
  );

  app.post(
    '/recensement/:campaign/clore',
    guarded(members, async (request, reply) => {
      const { actor, campaignId } = campaignRequest(request);
      await census.campaigns.close(actor, { campaignId });
      return reply.redirect(memberPaths.census(), 303);
    }),
  );
}
