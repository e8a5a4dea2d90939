/**
 * An import is one transaction, its proposals included: the real `repertoire import` in a child
 * process (through tsx, as cli.test.ts: the sources, not a possibly stale dist/), stopped at a
 * named step by REPERTOIRE_TEST_PAUSE, against a store the test also opens, on both engines.
 *
 * - killed (SIGKILL) at any step, it leaves nothing or everything: records, report and proposals;
 * - an editor's save made while it runs is never overwritten: it waits for the import and is
 *   refused as a conflict (the form's version is no longer the current one), or it went first
 *   and the import's change to that record became a proposal.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ConflictError } from '../errors.js';
import { FIXTURE_PATH } from '../model/fixtures/index.js';
import type { Collectivity } from '../model/schema.js';
import { loadDocument } from '../store/load-document.js';
import type { Database } from '../store/tables.js';
import { IMPORT_STEPS, type ImportStep } from '../census/import.js';
import { saveRecord } from '../census/records.js';
import { AGADIR, censusDocument, censusStore, OUJDA } from '../census/testing.js';
import { ENGINES } from '../test-support/engines.js';
import { tempDir } from '../test-support/temp-store.js';
import { EXIT, run } from './run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const EDITION = 'repertoire-2009.json';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** `repertoire import FILE` in a child process that stops at `pause` (STEP or STEP:MS). */
function importInChild(file: string, databaseUrl: string, pause?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' };
  if (pause !== undefined) env.REPERTOIRE_TEST_PAUSE = pause;
  else delete env.REPERTOIRE_TEST_PAUSE;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'import', file], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  // A test that fails while the child waits at its step must not leave it waiting.
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  let onPause: (() => void) | undefined;
  const paused = new Promise<void>((resolve) => (onPause = resolve));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    if (stderr.includes('paused at import step')) onPause!();
  });
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  // A pause that never comes (the child failed first) must not hang the test: it reports the exit instead.
  const reached = Promise.race([paused.then(() => undefined), exited.then((exit) => exit)]);
  return { child, reached, exited };
}

/** A census store (the fixture imported, with versions) and a newer edition on disk that changes Oujda and Agadir. */
async function storeAndEdition(engine: (typeof ENGINES)[number]) {
  const ctx = await censusStore(engine);
  const edition = censusDocument();
  edition.collectivities.find((c) => c.id === OUJDA)!.population = 500_000;
  edition.collectivities.find((c) => c.id === AGADIR)!.population = 421_844;
  const file = join(tempDir(), EDITION);
  writeFileSync(file, JSON.stringify(edition, null, 2));
  return { ...ctx, file, url: ctx.store.url };
}

/** What an import of the edition leaves behind: Agadir's population, the import's proposals and reports. */
async function importState(db: Kysely<Database>) {
  const live = await loadDocument(db);
  const proposals = await db.selectFrom('proposals').select(['record_type', 'record_id']).where('origin_kind', '=', 'import').execute();
  const reports = await db.selectFrom('import_reports').select('id').execute();
  return { agadir: live.collectivities.find((c) => c.id === AGADIR)!.population, proposals, reports: reports.length };
}

describe.each(ENGINES)('an import on %s', (engine) => {
  it('killed at any step, leaves nothing or everything: records, report and proposals', { timeout: 180_000 }, async () => {
    const { db, census, editor, file, url } = await storeAndEdition(engine);
    const oujda = await census.history.current({ recordType: 'collectivity', recordId: OUJDA });
    await census.history.edit(editor, { recordType: 'collectivity', recordId: OUJDA, baseVersion: oujda.version, data: { ...(oujda.data as Collectivity), name: 'Commune d’Oujda' } });

    const nothing = await importState(db);
    const everything = { agadir: 421_844, proposals: [{ record_type: 'collectivity', record_id: OUJDA }], reports: nothing.reports + 1 };
    for (const step of IMPORT_STEPS) {
      const importing = importInChild(file, url, step);
      expect(await importing.reached, `the import reaches step ${step}`).toBeUndefined();
      importing.child.kill('SIGKILL');
      expect(await importing.exited).toMatchObject({ signal: 'SIGKILL' });
      expect([nothing, everything], `killed at ${step}`).toContainEqual(await importState(db));
    }

    // Run to its end, it leaves everything.
    expect(await importInChild(file, url).exited).toMatchObject({ code: 0 });
    expect(await importState(db)).toEqual(everything);
  });

  it('never overwrites an edit saved while it runs: the edit waits and meets the conflict', { timeout: 90_000 }, async () => {
    const { db, census, editor, file, url } = await storeAndEdition(engine);
    const before = await census.history.current({ recordType: 'collectivity', recordId: OUJDA });
    const corrected = { ...(before.data as Collectivity), name: 'Commune d’Oujda' };

    // The import has read which records were edited (none): it stops there for a second while the editor saves.
    const step: ImportStep = 'read';
    const importing = importInChild(file, url, `${step}:1000`);
    expect(await importing.reached).toBeUndefined();
    const edit = await census.history.edit(editor, { recordType: 'collectivity', recordId: OUJDA, baseVersion: before.version, data: corrected }).then(
      (saved) => ({ saved }),
      (error: unknown) => ({ error }),
    );
    expect(await importing.exited).toMatchObject({ code: 0 });

    const live = (await loadDocument(db)).collectivities.find((c) => c.id === OUJDA)!;
    if ('saved' in edit) {
      // The edit went first: it stands, and the import's change to it waits in the queue.
      expect(live).toEqual(corrected);
      expect((await importState(db)).proposals).toEqual([{ record_type: 'collectivity', record_id: OUJDA }]);
    } else {
      // The import went first: the edit is refused as a conflict showing the import's version, nothing overwritten silently.
      expect(edit.error).toBeInstanceOf(ConflictError);
      expect((edit.error as ConflictError<Collectivity>).theirs).toMatchObject({ version: before.version + 1, data: { population: 500_000 } });
      expect(live.population).toBe(500_000);
    }
  });
});

describe.each(ENGINES)('beside an import on %s', (engine) => {
  it('an edit being saved when the import starts is waited for, and seen: the import’s change to it becomes a proposal', { timeout: 90_000 }, async () => {
    const { db, census, editor, file, url } = await storeAndEdition(engine);
    const before = await census.history.current({ recordType: 'collectivity', recordId: OUJDA });
    const corrected = { ...(before.data as Collectivity), name: 'Commune d’Oujda' };
    const directoryId = (await loadDocument(db)).directory.id!;

    // The editor's save is written, not yet committed, when the import begins; it commits a moment after.
    let importing: ReturnType<typeof importInChild> | undefined;
    await db.transaction().execute(async (trx) => {
      await saveRecord(trx, directoryId, { recordType: 'collectivity', recordId: OUJDA, data: corrected }, { baseVersion: before.version, origin: { kind: 'edit', userId: editor.id } });
      importing = importInChild(file, url, 'start:0');
      expect(await importing.reached).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await importing!.exited).toMatchObject({ code: 0 });

    const live = await loadDocument(db);
    expect(live.collectivities.find((c) => c.id === OUJDA)).toEqual(corrected);
    expect(live.collectivities.find((c) => c.id === AGADIR)!.population).toBe(421_844);
    expect((await importState(db)).proposals).toEqual([{ record_type: 'collectivity', record_id: OUJDA }]);
  });


  it('a person’s erasure waits for the import, then erases', { timeout: 90_000 }, async () => {
    const { db, census, admin, file, url } = await storeAndEdition(engine);
    const importing = importInChild(file, url, 'read:1000');
    expect(await importing.reached).toBeUndefined();
    expect(await census.privacy.erasePerson(admin, { name: 'Fatima Zahra', collectivityId: AGADIR })).toEqual({ contacts: 1, versions: 1, proposals: 0 });
    expect(await importing.exited).toMatchObject({ code: 0 });
    expect(JSON.stringify(await loadDocument(db))).not.toContain('Zahra');
    expect((await importState(db)).agadir).toBe(421_844);
  });
});

describe('the test pause', () => {
  it('names the import steps when REPERTOIRE_TEST_PAUSE names none, before reading anything', async () => {
    let stderr = '';
    const env = { DATABASE_URL: join(tempDir(), 'store.db'), NODE_ENV: 'test', REPERTOIRE_TEST_PAUSE: 'written:100' };
    const code = await run(['import', fileURLToPath(FIXTURE_PATH)], { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, env });
    expect({ code, stderr }).toEqual({ code: EXIT.badInput, stderr: 'repertoire: Invalid configuration: REPERTOIRE_TEST_PAUSE: no import step "written" (steps: start, read, saved, proposed)\n' });
  });
});
