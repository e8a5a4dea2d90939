/**
 * The data-quality desk for editors (issue 17): `/qualite` and its JSON twin `/qualite.json` are a
 * members' page (pages/quality-desk/); accepting a finding is the form below, CSRF-protected like
 * every members' form. Editors only, checked on the server.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireEditor } from '../../accounts/roles.js';
import { qualityDesk } from '../../census/quality/desk.js';
import { locate } from '../../geo/gazetteer.js';
import { acceptFinding } from '../../store/quality-acceptances.js';
import { registerMemberPage } from '../auth/member-page.js';
import { guarded } from '../auth/members.js';
import { memberPaths } from '../auth/paths.js';
import { withQuery } from '../paths.js';
import { qualityDeskPage } from './pages/quality-desk/index.js';
import type { CensusRouteKit } from './route-kit.js';

const AcceptForm = z.object({ key: z.string().min(1).max(2000) });

export function registerQualityRoutes(app: FastifyInstance, kit: CensusRouteKit): void {
  const { members } = kit;
  const page = registerMemberPage(app, members, qualityDeskPage);

  app.post(
    '/qualite/accepter',
    guarded(members, async (request, reply) => {
      const actor = requireEditor(members.actor(request));
      const form = AcceptForm.safeParse(request.body ?? {});
      const desk = await qualityDesk(members.db, (await members.directory()).id, { locate });
      // Only a finding the desk lists can be accepted: a stale or forged key is refused, nothing stored.
      if (!form.success || !desk.findings.some((f) => f.key === form.data.key)) return page.show(request, reply, (view) => ({ ...view, notice: 'unknown' }), 400);
      await acceptFinding(members.db, desk.directoryId, form.data.key, actor.id, new Date());
      return reply.redirect(withQuery(memberPaths.quality(), { fait: 'accepte' }), 303);
    }),
  );
}
