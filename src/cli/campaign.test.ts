/** `repertoire campaign invite|remind` with SMTP_URL: the mail read from a real SMTP server on the loopback. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MemoryPostman, type Letter } from '../accounts/mail.js';
import { CLI_ACTOR } from '../accounts/roles.js';
import { createAccountService } from '../accounts/service.js';
import { createCensus } from '../census/index.js';
import { loadConfig } from '../config.js';
import { loadFixture } from '../model/fixtures/index.js';
import { openStore } from '../store/db.js';
import { ENGINES, tempDatabaseUrl } from '../test-support/engines.js';
import { startSmtpServer } from '../test-support/smtp.js';
import { tempDir } from '../test-support/temp-store.js';
import { EXIT, run } from './run.js';

const DAY = 24 * 60 * 60_000;

async function repertoire(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env });
  return { code, stdout, stderr };
}

describe.each(ENGINES)('repertoire campaign on %s', (engine) => {
  it('reminds by SMTP who has not answered, once a day, from cron; invites the collectivities with an address', async () => {
    const smtp = await startSmtpServer();
    onTestFinished(() => smtp.close());
    const dir = tempDir();
    const env = { DATABASE_URL: await tempDatabaseUrl(engine), SMTP_URL: smtp.url, MAIL_FROM: 'Répertoire <repertoire@repertoire.test>', SITE_URL: 'https://repertoire.example.org' };
    const fixture = join(dir, 'fixture.json');
    writeFileSync(fixture, JSON.stringify(loadFixture()));
    expect((await repertoire(['import', fixture], { DATABASE_URL: env.DATABASE_URL })).code).toBe(EXIT.ok);

    // a contributor with a password, and a campaign opened ten days ago
    const store = await openStore(loadConfig(env));
    let campaignId: string;
    try {
      const letters = new MemoryPostman();
      const accounts = createAccountService({ db: store.db, baseUrl: 'https://repertoire.example.org', mail: letters });
      await accounts.createUser({ email: 'karim@oujda.ma', name: 'Karim Oujda', role: 'contributor', collectivityId: 'ma-commune-urbaine-oujda' }, CLI_ACTOR);
      const link = (letters.sent[0] as Extract<Letter, { kind: 'invitation' }>).link;
      await accounts.acceptInvitation({ token: link.split('/invitation/')[1]!, password: 'a long enough password' });
      const census = createCensus({ db: store.db, now: () => new Date(Date.now() - 10 * DAY) });
      campaignId = (await census.campaigns.open(CLI_ACTOR, { title: 'Recensement 2026' })).id;
    } finally {
      await store.close();
    }

    const first = await repertoire(['campaign', 'remind', '--after', '7'], env);
    expect(first).toMatchObject({ code: EXIT.ok, stdout: expect.stringContaining('Recensement 2026') });
    expect(first.stdout).toContain('1 reminded');
    const mail = await smtp.next();
    expect(mail).toMatchObject({ to: ['karim@oujda.ma'], from: 'repertoire@repertoire.test', subject: 'Rappel : Recensement 2026' });
    expect(mail.text).toContain('Bonjour Karim Oujda,');
    expect(mail.text).toContain("attend la réponse de Commune urbaine d'Oujda");
    expect(mail.text).toContain(`https://repertoire.example.org/recensement/${campaignId}`);

    // cron runs it again the same day: nobody twice
    const second = await repertoire(['campaign', 'remind', '--after', '7', '--json'], env);
    expect(second.code).toBe(EXIT.ok);
    expect(JSON.parse(second.stdout).campaigns[0].reminded).toEqual([]);
    await expect(smtp.next(300)).rejects.toThrow(/no mail/);

    expect(await repertoire(['campaign', 'remind', '--after', '0'], env)).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining('--after: Au moins 1 jour.') });
    expect(await repertoire(['campaign', 'launch'], env)).toMatchObject({ code: EXIT.usage });

    const invited = await repertoire(['campaign', 'invite'], env);
    expect(invited).toMatchObject({ code: EXIT.ok, stdout: expect.stringContaining('Invited 1 collectivity') });
    expect(invited.stdout).toMatch(/ma-region-oriental\s+no e-mail address/);
    const invitation = await smtp.next();
    expect(invitation.subject).toBe('Votre accès au Répertoire des partenariats de coopération décentralisée');
    expect(invitation.text).toContain('https://repertoire.example.org/invitation/');
  });

  it('says so and exits 1 when the mail server refuses, and sends on the next run', async () => {
    const smtp = await startSmtpServer();
    onTestFinished(() => smtp.close());
    const dir = tempDir();
    const env = { DATABASE_URL: await tempDatabaseUrl(engine), SMTP_URL: smtp.url, MAIL_FROM: 'repertoire@repertoire.test' };
    const fixture = join(dir, 'fixture.json');
    writeFileSync(fixture, JSON.stringify(loadFixture()));
    expect((await repertoire(['import', fixture], { DATABASE_URL: env.DATABASE_URL })).code).toBe(EXIT.ok);
    const store = await openStore(loadConfig(env));
    try {
      const letters = new MemoryPostman();
      const accounts = createAccountService({ db: store.db, baseUrl: 'http://localhost', mail: letters });
      await accounts.createUser({ email: 'karim@oujda.ma', name: 'Karim Oujda', role: 'contributor', collectivityId: 'ma-commune-urbaine-oujda' }, CLI_ACTOR);
      await accounts.acceptInvitation({ token: (letters.sent[0] as Extract<Letter, { kind: 'invitation' }>).link.split('/invitation/')[1]!, password: 'a long enough password' });
      await createCensus({ db: store.db, now: () => new Date(Date.now() - 10 * DAY) }).campaigns.open(CLI_ACTOR, { title: 'Recensement 2026' });
    } finally {
      await store.close();
    }
    smtp.refuse(true);
    const refused = await repertoire(['campaign', 'remind'], env);
    expect(refused).toMatchObject({ code: EXIT.badInput, stderr: expect.stringContaining('1 reminder(s) not sent') });
    expect(refused.stdout).toContain('NOT SENT ma-commune-urbaine-oujda');
    smtp.refuse(false);
    expect(await repertoire(['campaign', 'remind'], env)).toMatchObject({ code: EXIT.ok, stdout: expect.stringContaining('1 reminded') });
    expect((await smtp.next()).to).toEqual(['karim@oujda.ma']);
  });
});
