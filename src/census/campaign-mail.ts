/**
 * A campaign that runs itself: every collectivity of the directory invited at once, and the
 * people who have not answered reminded by mail.
 *
 * - `inviteAll`: a contributor account for each collectivity that has an e-mail address (its own,
 *   else the first of its contacts') and no account yet; the others are listed with the reason
 *   (no address, an account already, the address taken by another account).
 * - `remind`: once a campaign has been open `afterDays` days, each contributor of a collectivity
 *   that has not submitted its answer gets a reminder, then again every `afterDays` days — never
 *   twice the same day (UTC). Safe from cron and when two runs overlap: the row of
 *   `campaign_reminders` (campaign, person, day) is inserted before the mail is sent, and only the
 *   run that inserted it sends; a mail that fails removes its row, so the next run tries again.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../accounts/audit.js';
import { requireAdmin, requireEditor, type Actor } from '../accounts/roles.js';
import type { AccountService } from '../accounts/service.js';
import { parseInput } from '../accounts/validation.js';
import { decodeJson } from '../store/codec.js';
import type { Database } from '../store/tables.js';
import { isRepertoireError } from '../errors.js';
import { clockOf, directoryOf, postmanOf, type CensusDeps } from './context.js';
import { sendOrRecord } from './notices.js';

const DAY = 24 * 60 * 60_000;

export interface InviteAllResult {
  directoryId: string;
  invited: { collectivityId: string; name: string; email: string }[];
  /** collectivities not invited, and why */
  skipped: { collectivityId: string; name: string; reason: 'no-email' | 'has-account' | 'email-taken' | 'invalid-email'; email?: string }[];
}

export interface ReminderResult {
  campaigns: { campaignId: string; title: string; reminded: { email: string; collectivityId: string }[]; failed: { email: string; collectivityId: string }[]; notYet?: boolean }[];
}

const RemindInput = z.object({
  campaignId: z.string().min(1).optional(),
  afterDays: z.coerce.number({ error: 'Nombre de jours attendu.' }).int({ error: 'Nombre de jours entier attendu.' }).min(1, { error: 'Au moins 1 jour.' }).max(365, { error: 'Au plus 365 jours.' }).default(7),
});

export type CampaignMail = ReturnType<typeof createCampaignMail>;

export function createCampaignMail(deps: CensusDeps & { accounts: AccountService }) {
  const { db, accounts } = deps;
  const now = clockOf(deps);
  const mail = postmanOf(deps);

  return {
    /** Invites every collectivity of the directory (the campaign's, or the default one) that has an address and no account. Administrators. */
    async inviteAll(actor: Actor | undefined, input: { campaignId?: string; directoryId?: string } = {}): Promise<InviteAllResult> {
      const admin = requireAdmin(actor);
      const campaign = input.campaignId === undefined ? undefined : await db.selectFrom('campaigns').select('directory_id').where('id', '=', input.campaignId).executeTakeFirst();
      const directoryId = campaign?.directory_id ?? (await directoryOf(deps, input.directoryId));
      const [collectivities, contacts, users] = await Promise.all([
        db.selectFrom('collectivities').select(['id', 'name', 'emails']).where('directory_id', '=', directoryId).orderBy('position').execute(),
        db.selectFrom('contacts').select(['collectivity_id', 'name', 'emails']).where('directory_id', '=', directoryId).where('collectivity_id', 'is not', null).orderBy('position').execute(),
        db.selectFrom('users').select(['email', 'collectivity_id', 'directory_id']).execute(),
      ]);
      const withAccount = new Set(users.filter((u) => u.directory_id === directoryId && u.collectivity_id !== null).map((u) => u.collectivity_id));
      const taken = new Set(users.map((u) => u.email));
      const result: InviteAllResult = { directoryId, invited: [], skipped: [] };
      for (const c of collectivities) {
        if (withAccount.has(c.id)) {
          result.skipped.push({ collectivityId: c.id, name: c.name, reason: 'has-account' });
          continue;
        }
        const contact = contacts.find((k) => k.collectivity_id === c.id && (decodeJson<string[]>(k.emails) ?? []).length > 0);
        const email = (decodeJson<string[]>(c.emails) ?? [])[0] ?? (contact ? decodeJson<string[]>(contact.emails)![0] : undefined);
        if (email === undefined) {
          result.skipped.push({ collectivityId: c.id, name: c.name, reason: 'no-email' });
          continue;
        }
        const address = email.trim().toLowerCase();
        if (taken.has(address)) {
          result.skipped.push({ collectivityId: c.id, name: c.name, reason: 'email-taken', email: address });
          continue;
        }
        const name = (decodeJson<string[]>(c.emails) ?? []).length > 0 || contact === undefined ? c.name : contact.name;
        try {
          await accounts.createUser({ email: address, name, role: 'contributor', collectivityId: c.id, directoryId }, admin);
          taken.add(address);
          result.invited.push({ collectivityId: c.id, name: c.name, email: address });
        } catch (error) {
          if (!isRepertoireError(error, 'validation')) throw error;
          result.skipped.push({ collectivityId: c.id, name: c.name, reason: 'invalid-email', email });
        }
      }
      await recordAudit(db, { action: 'campaign.invite-all', actorId: admin.id, directoryId, ...(input.campaignId ? { subjectType: 'campaign', subjectId: input.campaignId } : {}), details: { invited: result.invited.length, skipped: result.skipped.length } }, now());
      return result;
    },

    /** Reminds the contributors of collectivities that have not answered (see the module's comment). Editors, or the CLI. */
    async remind(actor: Actor | undefined, input: z.input<typeof RemindInput> = {}): Promise<ReminderResult> {
      const editor = requireEditor(actor);
      const fields = parseInput(RemindInput, input);
      const at = now();
      const day = at.toISOString().slice(0, 10);
      let query = db.selectFrom('campaigns').selectAll().where('status', '=', 'open');
      if (fields.campaignId !== undefined) query = query.where('id', '=', fields.campaignId);
      const campaigns = await query.orderBy('opened_at').execute();
      const result: ReminderResult = { campaigns: [] };
      for (const campaign of campaigns) {
        const entry: ReminderResult['campaigns'][number] = { campaignId: campaign.id, title: campaign.title, reminded: [], failed: [] };
        result.campaigns.push(entry);
        if (new Date(campaign.opened_at).getTime() + fields.afterDays * DAY > at.getTime()) {
          entry.notYet = true;
          continue;
        }
        const people = await waiting(db, campaign.id, campaign.directory_id);
        const since = new Date(at.getTime() - fields.afterDays * DAY).toISOString();
        for (const person of people) {
          const recent = await db.selectFrom('campaign_reminders').select('sent_at').where('campaign_id', '=', campaign.id).where('user_id', '=', person.userId).where('sent_at', '>', since).limit(1).executeTakeFirst();
          if (recent !== undefined) continue;
          const claimed = await db
            .insertInto('campaign_reminders')
            .values({ campaign_id: campaign.id, user_id: person.userId, day, collectivity_id: person.collectivityId, sent_at: at.toISOString() })
            .onConflict((oc) => oc.columns(['campaign_id', 'user_id', 'day']).doNothing())
            .executeTakeFirst();
          if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) !== 1) continue;
          const sent = await sendOrRecord(
            db,
            mail,
            { kind: 'campaign-reminder', language: person.language, to: person.email, name: person.name, campaignId: campaign.id, campaignTitle: campaign.title, collectivityName: person.collectivityName, answer: person.answer, openedAt: campaign.opened_at },
            at,
            { directoryId: campaign.directory_id, subjectType: 'user', subjectId: person.userId },
          );
          if (sent) entry.reminded.push({ email: person.email, collectivityId: person.collectivityId });
          else {
            await db.deleteFrom('campaign_reminders').where('campaign_id', '=', campaign.id).where('user_id', '=', person.userId).where('day', '=', day).execute();
            entry.failed.push({ email: person.email, collectivityId: person.collectivityId });
          }
        }
        await recordAudit(db, { action: 'campaign.remind', actorId: editor.id, directoryId: campaign.directory_id, subjectType: 'campaign', subjectId: campaign.id, details: { reminded: entry.reminded.length, failed: entry.failed.length, afterDays: fields.afterDays } }, at);
      }
      return result;
    },
  };
}

/** The contributors who may sign in, of collectivities that have not submitted their answer. */
async function waiting(db: Kysely<Database>, campaignId: string, directoryId: string) {
  const [users, responses, collectivities] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'collectivity_id', 'language'])
      .where('role', '=', 'contributor')
      .where('directory_id', '=', directoryId)
      .where('disabled_at', 'is', null)
      .where('password_hash', 'is not', null)
      .orderBy('email')
      .execute(),
    db.selectFrom('campaign_responses').select(['collectivity_id', 'status']).where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('collectivities').select(['id', 'name']).where('directory_id', '=', directoryId).execute(),
  ]);
  const answers = new Map(responses.map((r) => [r.collectivity_id, r.status]));
  const names = new Map(collectivities.map((c) => [c.id, c.name]));
  return users
    .filter((u) => u.collectivity_id !== null && answers.get(u.collectivity_id) !== 'submitted')
    .map((u) => ({
      userId: u.id,
      email: u.email,
      name: u.name,
      language: u.language,
      collectivityId: u.collectivity_id!,
      collectivityName: names.get(u.collectivity_id!) ?? u.collectivity_id!,
      answer: answers.get(u.collectivity_id!) === 'draft' ? ('draft' as const) : ('none' as const),
    }));
}
