/** Housekeeping: expired sessions, old sign-in attempts and used links go; what a limit still counts stays. */
import { describe, expect, it } from 'vitest';
import { listAudit } from './audit.js';
import { purgeAccounts } from './housekeeping.js';
import type { Letter } from './mail.js';
import { censusStore } from '../census/testing.js';
import { ENGINES } from '../test-support/engines.js';

const PASSWORD = 'a long enough password';
const DAY = 24 * 60 * 60_000;

describe.each(ENGINES)('housekeeping on %s', (engine) => {
  it('purges what stopped mattering and keeps live sessions and recent attempts', async () => {
    const { accounts, mail, db, clock } = await censusStore(engine);
    const invitation = mail.sent.find((l): l is Extract<Letter, { kind: 'invitation' }> => l.kind === 'invitation' && l.to === 'staff@oujda.ma')!;
    await accounts.acceptInvitation({ token: invitation.link.split('/invitation/')[1]!, password: PASSWORD });
    await accounts.signIn({ email: 'staff@oujda.ma', password: PASSWORD }, { address: '192.0.2.1' });
    await expect(accounts.signIn({ email: 'staff@oujda.ma', password: 'wrong password here' }, { address: '192.0.2.1' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await accounts.resets.request({ email: 'staff@oujda.ma' }, { address: '192.0.2.1' });
    const count = async () => ({
      sessions: (await db.selectFrom('sessions').select('id').execute()).length,
      attempts: (await db.selectFrom('sign_in_attempts').select('id').execute()).length,
      invitations: (await db.selectFrom('invitations').select('token_hash').execute()).length,
      resets: (await db.selectFrom('password_resets').select('token_hash').execute()).length,
    });
    const before = await count();
    expect(before).toMatchObject({ sessions: 1, attempts: 2, resets: 1 });

    // nothing is old yet
    expect(Object.values(await purgeAccounts(db, clock())).every((n) => n === 0)).toBe(true);
    expect(await count()).toEqual(before);

    clock.advance(31 * DAY);
    const { cookie } = await accounts.signIn({ email: 'staff@oujda.ma', password: PASSWORD }, { address: '192.0.2.1' });
    const purged = await purgeAccounts(db, clock());
    expect(purged).toMatchObject({ sessions: 1, signInAttempts: 2, invitations: before.invitations, passwordResets: 1 });
    expect(await count()).toEqual({ sessions: 1, attempts: 1, invitations: 0, resets: 0 });
    // the session opened today still works
    expect(await accounts.authenticate(cookie.value)).toBeDefined();
    expect((await listAudit(db, { action: 'housekeeping.purge' }))[0]!.details).toMatchObject({ sessions: 1, signInAttempts: 2 });
  });
});
