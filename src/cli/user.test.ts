/** `repertoire user …`, and `repertoire import` once records were edited. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createHistoryService } from '../census/history.js';
import { CLI_ACTOR } from '../accounts/roles.js';
import { loadFixture } from '../model/fixtures/index.js';
import { openStore } from '../store/db.js';
import { ENGINES, tempDatabaseUrl } from '../test-support/engines.js';
import { tempDir } from '../test-support/temp-store.js';
import { EXIT, run } from './run.js';

async function repertoire(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env });
  return { code, stdout, stderr };
}

describe.each(ENGINES)('repertoire user on %s', (engine) => {
  it('adds, lists, invites again, disables and enables accounts', async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: await tempDatabaseUrl(engine) };
    const fixture = join(dir, 'fixture.json');
    writeFileSync(fixture, JSON.stringify(loadFixture()));
    expect((await repertoire(['import', fixture], env)).code).toBe(EXIT.ok);

    const added = await repertoire(['user', 'add', '--email', 'Karim@Oujda.ma', '--name', 'Karim', '--role', 'contributor', '--collectivity', 'ma-commune-urbaine-oujda', '--base-url', 'https://repertoire.example.org/'], env);
    expect(added).toMatchObject({ code: EXIT.ok, stdout: expect.stringMatching(/^Created Karim <karim@oujda\.ma>, contributor for ma-commune-urbaine-oujda\.\nInvitation link .*\nhttps:\/\/repertoire\.example\.org\/invitation\/[\w-]{43}\n$/) });
    expect(await repertoire(['user', 'add', '--email', 'a@b.org', '--name', 'A', '--role', 'admin'], env)).toMatchObject({ code: EXIT.ok, stdout: expect.stringContaining('http://127.0.0.1:3000/invitation/') });
    expect(await repertoire(['user', 'add', '--email', 'x@b.org', '--name', 'X', '--role', 'contributor', '--collectivity', 'ma-nowhere'], env)).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringContaining('--collectivity: Collectivité inconnue : « ma-nowhere ».'),
    });

    const list = await repertoire(['user', 'list'], env);
    expect(list.stdout.split('\n')[1]).toMatch(/^karim@oujda\.ma\s+Karim\s+contributor \(contributeur\)\s+ma-commune-urbaine-oujda\s+invited\s+never signed in$/);
    expect(await repertoire(['user', 'invite', 'karim@oujda.ma'], env)).toMatchObject({ code: EXIT.ok, stdout: expect.stringContaining('New invitation for Karim') });
    expect(await repertoire(['user', 'disable', 'karim@oujda.ma'], env)).toMatchObject({ code: EXIT.ok, stdout: expect.stringContaining('Disabled Karim') });
    expect((await repertoire(['user', 'list'], env)).stdout).toMatch(/karim@oujda\.ma .*disabled/);
    expect(await repertoire(['user', 'enable', 'karim@oujda.ma'], env)).toMatchObject({ code: EXIT.ok });
    expect(await repertoire(['user', 'invite', 'nobody@oujda.ma'], env)).toMatchObject({ code: EXIT.badInput, stderr: expect.stringContaining('Aucun compte') });
    expect(await repertoire(['user', 'remove'], env)).toMatchObject({ code: EXIT.usage });
    expect(await repertoire(['user', 'invite'], env)).toMatchObject({ code: EXIT.usage });
    expect(await repertoire(['user'], env)).toMatchObject({ code: EXIT.usage });
  });

  it('re-imports without overwriting an edited record, and says what it left for review', async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: await tempDatabaseUrl(engine) };
    const fixture = join(dir, 'fixture.json');
    writeFileSync(fixture, JSON.stringify(loadFixture()));
    expect((await repertoire(['import', fixture], env)).code).toBe(EXIT.ok);

    const store = await openStore(loadConfig(env));
    try {
      const history = createHistoryService({ db: store.db });
      const current = await history.current({ recordType: 'collectivity', recordId: 'ma-region-oriental' });
      await history.edit(CLI_ACTOR, { recordType: 'collectivity', recordId: 'ma-region-oriental', baseVersion: current.version, data: { ...current.data, name: 'Région de l’Oriental' } });
    } finally {
      await store.close();
    }
    const changed = loadFixture();
    changed.collectivities[2]!.name = 'Conseil régional de l’Oriental (2009)';
    writeFileSync(fixture, JSON.stringify(changed));
    const again = await repertoire(['import', fixture], env);
    expect(again).toMatchObject({ code: EXIT.ok, stderr: expect.stringContaining(`1 change(s) to edited records left for the editors' review (batch "fixture.json (`) });
    const exported = await repertoire(['export', '--format', 'json'], env);
    expect(exported.stdout).toContain('Région de l’Oriental');
  });
});
