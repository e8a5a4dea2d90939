/** Copies and backups carry the census tables too: accounts, sessions, audit, versions, campaigns, proposals, consents. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackup, writeBackup } from '../store/backup.js';
import { readTables, writeTables } from '../store/transfer.js';
import type { Store } from '../store/db.js';
import { ENGINES, openEngineStore } from '../test-support/engines.js';
import { tempDir } from '../test-support/temp-store.js';
import { recordAudit } from '../accounts/audit.js';
import { censusStore, OUJDA } from './testing.js';

const CENSUS_TABLES = ['users', 'invitations', 'sessions', 'sign_in_attempts', 'audit_events', 'record_versions', 'campaigns', 'campaign_responses', 'proposals', 'consents', 'erasures'];

async function contents(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for await (const batch of readTables(store.db)) {
    if (!CENSUS_TABLES.includes(batch.table)) continue;
    // Integers come back as numbers on both engines; normalise key order for comparison.
    out[batch.table] = [...(out[batch.table] ?? []), ...batch.rows.map((row) => Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))))];
  }
  return out;
}

describe('census tables in copies and backups', () => {
  it.each(ENGINES.flatMap((a) => ENGINES.map((b) => [a, b] as const)))('copies %s → %s, then through a backup file', async (from, to) => {
    const { store, census, accounts, editor, oujda, admin } = await censusStore(from);
    const campaign = await census.campaigns.open(editor, { title: 'Recensement 2026' });
    const entries = await census.campaigns.entries(oujda, { campaignId: campaign.id });
    await census.campaigns.saveDraft(oujda, { campaignId: campaign.id, recordType: 'collectivity', recordId: OUJDA, data: { ...entries.collectivity.current, population: 1 }, baseVersion: 1 });
    await census.campaigns.submit(oujda, { campaignId: campaign.id });
    await census.privacy.setConsent(editor, { name: 'Fatima Zahra', publish: true });
    await census.privacy.erasePerson(admin, { name: 'Personne Inconnue' });
    await expect(accounts.signIn({ email: 'editor@repertoire.test', password: 'not the password' }, { address: '192.0.2.1' })).rejects.toThrow();
    const { link } = await accounts.inviteAgain('editor@repertoire.test');
    await accounts.acceptInvitation({ token: link.split('/invitation/')[1]!, password: 'a long enough password' });
    await accounts.signIn({ email: 'editor@repertoire.test', password: 'a long enough password' });

    const before = await contents(store);
    expect(Object.keys(before).sort()).toEqual([...CENSUS_TABLES].sort());

    const target = await openEngineStore(to);
    await writeTables(target, readTables(store.db));
    expect(await contents(target)).toEqual(before);
    // Auto-numbered ids continue after the copied ones (PostgreSQL's sequence was moved).
    await recordAudit(target.db, { action: 'campaign.close' });

    const file = join(tempDir(), 'census.backup.gz');
    await writeBackup(file, to, readTables(target.db));
    const restored = await openEngineStore(from);
    await writeTables(restored, (await openBackup(file)).batches());
    expect(await contents(restored)).toEqual(await contents(target));
  }, 60_000);
});
