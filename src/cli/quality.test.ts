/**
 * `repertoire quality [--json]` on the bundled 2008 directory: the findings by kind with their
 * counts, and a finding accepted on the desk no longer listed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openStore } from '../store/db.js';
import { acceptFinding } from '../store/quality-acceptances.js';
import { tempDir } from '../test-support/temp-store.js';
import { EXIT, run } from './run.js';

async function repertoire(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env });
  return { code, stdout, stderr };
}

interface Desk {
  findings: { kind: string; record: { type: string; id: string }; message: string; key: string }[];
  counts: Record<string, number>;
  accepted: number;
}

describe('repertoire quality', () => {
  it('lists the findings by kind with counts, as text and as JSON, without those an editor accepted', async () => {
    const env = { DATABASE_URL: join(tempDir(), 'store.db') };
    expect((await repertoire(['setup'], env)).code).toBe(EXIT.ok);

    const json = await repertoire(['quality', '--json'], env);
    expect(json.code).toBe(EXIT.ok);
    const desk = JSON.parse(json.stdout) as Desk;
    expect(Object.keys(desk.counts)).toEqual(['project-without-domain', 'unresolved-funder', 'funding-does-not-add-up', 'probable-duplicate-collectivity', 'probable-duplicate-contact', 'population-differs', 'place-without-coordinates', 'print-inconsistency']);
    expect(desk.counts['project-without-domain']).toBe(28);
    expect(desk.counts['unresolved-funder']).toBe(1); // 3 before the funders joined in one phrase were split out: "Conseil général" of Caudebec-lès-Elbeuf is left
    // the print's own: 6 populations that differ between entries, 1 project whose lines do not add up, 6 others
    expect(desk.counts).toMatchObject({ 'population-differs': 6, 'funding-does-not-add-up': 1, 'print-inconsistency': 6, 'probable-duplicate-contact': 5 });
    expect(desk.findings.length).toBe(Object.values(desk.counts).reduce((a, b) => a + b, 0));
    for (const f of desk.findings) expect(f).toMatchObject({ kind: expect.any(String), record: { type: expect.any(String), id: expect.any(String) }, message: expect.any(String) });
    const eau = desk.findings.find((f) => f.record.id === 'aix-en-provence-oujda-eau-et-assainissement');
    expect(eau).toBeUndefined(); // it has its domain now

    const text = await repertoire(['quality'], env);
    expect(text.stdout).toContain('project-without-domain: 28');
    expect(text.stdout).toContain('unresolved-funder: 1');

    const accepted = desk.findings.find((f) => f.kind === 'project-without-domain')!;
    const store = await openStore(loadConfig(env));
    try {
      await acceptFinding(store.db, 'repertoire-franco-marocain-2008', accepted.key, null, new Date());
    } finally {
      await store.close();
    }
    const after = JSON.parse((await repertoire(['quality', '--json'], env)).stdout) as Desk;
    expect(after.counts['project-without-domain']).toBe(27);
    expect(after.accepted).toBe(1);
    expect(after.findings.some((f) => f.key === accepted.key)).toBe(false);
  }, 120_000);
});
