/** Invite a whole directory at once; remind who has not answered, never twice the same day, even from two runs at once. */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../accounts/audit.js';
import type { Letter, Postman } from '../accounts/mail.js';
import { ENGINES } from '../test-support/engines.js';
import { createCampaignMail } from './campaign-mail.js';
import { AGADIR, AIX, censusStore, OUJDA } from './testing.js';

const DAY = 24 * 60 * 60_000;
const PASSWORD = 'a long enough password';

describe.each(ENGINES)('campaign mail on %s', (engine) => {
  async function running() {
    const ctx = await censusStore(engine);
    // the contributors chose their passwords (the invitations' links, from the letters)
    for (const letter of ctx.mail.sent.filter((l): l is Extract<Letter, { kind: 'invitation' }> => l.kind === 'invitation' && l.to.endsWith('.ma'))) {
      await ctx.accounts.acceptInvitation({ token: letter.link.split('/invitation/')[1]!, password: PASSWORD });
    }
    const campaign = await ctx.census.campaigns.open(ctx.editor, { title: 'Recensement 2026' });
    const campaignMail = createCampaignMail({ db: ctx.db, accounts: ctx.accounts, mail: ctx.mail, now: ctx.clock });
    return { ...ctx, campaign, campaignMail };
  }

  it('invites every collectivity that has an address and no account, and lists the others with the reason', async () => {
    const { campaignMail, admin, editor, mail, db } = await running();
    await expect(campaignMail.inviteAll(editor)).rejects.toMatchObject({ code: 'forbidden' });
    const before = mail.sent.length;
    const result = await campaignMail.inviteAll(admin);
    const collectivities = await db.selectFrom('collectivities').select('id').execute();
    expect(result.invited.length + result.skipped.length).toBe(collectivities.length);
    expect(result.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ collectivityId: OUJDA, reason: 'has-account' }), expect.objectContaining({ collectivityId: AGADIR, reason: 'has-account' })]));
    expect(result.invited).toEqual([{ collectivityId: AIX, name: "Ville d'Aix-en-Provence", email: 'relations.internationales@mairie-aixenprovence.fr' }]);
    expect(result.skipped).toContainEqual({ collectivityId: 'ma-region-oriental', name: "Conseil régional de l'Oriental", reason: 'no-email' });
    const aix = await db.selectFrom('users').select(['role', 'collectivity_id']).where('email', '=', 'relations.internationales@mairie-aixenprovence.fr').executeTakeFirst();
    expect(aix).toEqual({ role: 'contributor', collectivity_id: AIX });
    // every invitation went out as a letter to the address chosen
    expect(mail.sent.slice(before).map((l) => l.to).sort()).toEqual(result.invited.map((i) => i.email).sort());
    // again: nobody twice
    const again = await campaignMail.inviteAll(admin);
    expect(again.invited).toEqual([]);
    expect((await listAudit(db, { action: 'campaign.invite-all' })).length).toBe(2);
  });

  it('reminds after N days those who have not answered, once a day at most even from two runs at once, again N days later', async () => {
    const { campaignMail, census, campaign, editor, oujda, clock, mail, db } = await running();
    const reminders = () => mail.sent.filter((l) => l.kind === 'campaign-reminder');

    expect((await campaignMail.remind(editor, { afterDays: 7 })).campaigns[0]).toMatchObject({ notYet: true, reminded: [] });
    clock.advance(7 * DAY);
    const [a, b] = await Promise.all([campaignMail.remind(editor, { afterDays: 7 }), campaignMail.remind(editor, { afterDays: 7 })]);
    const reminded = [...a.campaigns[0]!.reminded, ...b.campaigns[0]!.reminded].map((r) => r.email).sort();
    expect(reminded).toEqual(['staff@agadir.ma', 'staff@oujda.ma']);
    expect(reminders()).toHaveLength(2);
    expect(reminders()[0]).toMatchObject({ campaignId: campaign.id, campaignTitle: 'Recensement 2026', answer: 'none' });

    // the same day, and the next: nothing
    expect((await campaignMail.remind(editor, { afterDays: 7 })).campaigns[0]!.reminded).toEqual([]);
    clock.advance(DAY);
    expect((await campaignMail.remind(editor, { afterDays: 1 })).campaigns[0]!.reminded).toHaveLength(2);
    clock.advance(DAY);
    // Oujda answers: only Agadir is reminded from now on
    await census.campaigns.submit(oujda, { campaignId: campaign.id });
    clock.advance(7 * DAY);
    const later = await campaignMail.remind(editor, { afterDays: 7 });
    expect(later.campaigns[0]!.reminded.map((r) => r.email)).toEqual(['staff@agadir.ma']);
    expect(await db.selectFrom('campaign_reminders').select('user_id').execute()).toHaveLength(5);
    await expect(campaignMail.remind(oujda, {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(campaignMail.remind(editor, { afterDays: 0 })).rejects.toMatchObject({ fieldErrors: { afterDays: 'Au moins 1 jour.' } });
  });

  it('forgets a reminder whose mail failed, so that the next run sends it', async () => {
    const { accounts, db, clock, editor } = await running();
    let failing = true;
    const sent: Letter[] = [];
    const flaky: Postman = {
      async send(letter) {
        if (failing) throw new Error('421 try later');
        sent.push(letter);
      },
    };
    const campaignMail = createCampaignMail({ db, accounts, mail: flaky, now: clock });
    clock.advance(8 * DAY);
    const first = await campaignMail.remind(editor, {});
    expect(first.campaigns[0]).toMatchObject({ reminded: [], failed: [{ email: 'staff@agadir.ma' }, { email: 'staff@oujda.ma' }] });
    expect(await db.selectFrom('campaign_reminders').selectAll().execute()).toEqual([]);
    expect((await listAudit(db, { action: 'mail.failure' })).length).toBe(2);
    failing = false;
    expect((await campaignMail.remind(editor, {})).campaigns[0]!.reminded).toHaveLength(2);
    expect(sent).toHaveLength(2);
  });
});
