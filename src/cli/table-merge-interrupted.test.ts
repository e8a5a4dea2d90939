/**
 * A table merged into a directory the store has, killed (SIGKILL) at each of its steps — at each
 * import step (REPERTOIRE_TEST_PAUSE), while it matches, while it writes its chunks — leaves the
 * store exactly as it was: the same records, versions, reports and proposals, no row of the half
 * done merge. Then the same merge, run again, goes through. The real `repertoire import` in a
 * child process (through tsx, as import-transaction.test.ts: the sources, not a stale dist/).
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { IMPORT_STEPS } from '../census/import.js';
import { saveRecord } from '../census/records.js';
import { loadConfig } from '../config.js';
import { openStore } from '../store/db.js';
import { readDocument } from '../store/load-document.js';
import { currentVersions, headKey } from '../store/versions.js';
import { storeContents } from '../test-support/store-contents.js';
import { tempDir } from '../test-support/temp-store.js';
import { run } from './run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const MAPPING = join(ROOT, 'data/mappings/twinnings-cz.json');
const DIRECTORY = 'jumelages-cz-2013';
/** Rows per table: the merge writes several chunks of records (2 000 each), time to be killed between them. */
const ROWS = 3_000;

/** The Czech register's columns: `rows` rows from `from`, each a home municipality and a new partner, dated `yearShift` years later. */
async function writeTable(path: string, from: number, yearShift: number): Promise<string> {
  const out = createWriteStream(path);
  out.write('kod1\tlat1\tlon1\tobec1\tstat1\tkod2\tlat2\tlon2\tobec2\tstat2\trok\n');
  for (let i = from; i < from + ROWS; i += 1) {
    const home = i % 300;
    out.write(`S-${home}\t49.${home}\t15.${home}\tObec ${home}\tČeská republika\tF-${i}\t51.${i}\t10.${i}\tStadt ${i}\tNěmecko\t${1990 + ((i + yearShift) % 30)}\n`);
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return path;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `repertoire import TABLE --mapping …` in a child, killed once its stderr satisfies `killWhen` (if given). */
function mergeInChild(table: string, databaseUrl: string, options: { pause?: string; killWhen?: (stderr: string) => boolean } = {}): Promise<Exit & { killed: boolean }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' };
  if (options.pause !== undefined) env.REPERTOIRE_TEST_PAUSE = options.pause;
  else delete env.REPERTOIRE_TEST_PAUSE;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'import', table, '--mapping', MAPPING], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    const kill = options.pause !== undefined ? stderr.includes('paused at import step') : options.killWhen?.(stderr) === true;
    if (kill && !killed) killed = child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr, killed })));
}

let url: string;
let update: string;
let before: string;
/** the partnership people edited, which the update changes: its change becomes a proposal */
let edited: string;

beforeAll(async () => {
  const dir = tempDir(() => undefined);
  url = join(dir, 'store.db');
  const quiet = { write: () => true };
  const first = await run(['import', await writeTable(join(dir, 'first.tsv'), 0, 0), '--mapping', MAPPING], { stdout: quiet, stderr: quiet, env: { DATABASE_URL: url } });
  expect(first).toBe(0);
  // The update: the first table's second half dated a year later (updated), then as many new partners (created).
  update = await writeTable(join(dir, 'update.tsv'), ROWS / 2, 1);

  const store = await openStore(loadConfig({ DATABASE_URL: url }));
  try {
    const doc = (await readDocument(store.db, DIRECTORY))!;
    const partner = doc.collectivities.find((c) => c.name === `Stadt ${ROWS / 2}`)!;
    const partnership = doc.partnerships.find((p) => p.parties.some((x) => x.collectivityId === partner.id))!;
    edited = partnership.id;
    const heads = await currentVersions(store.db, DIRECTORY);
    const data = { ...partnership, notes: ['Checked with the town hall'] };
    await saveRecord(store.db, DIRECTORY, { recordType: 'partnership', recordId: edited, data }, { baseVersion: heads.get(headKey('partnership', edited))!.version, origin: { kind: 'edit', userId: 'editor' } });
  } finally {
    await store.close();
  }
  before = await storeContents(url);
}, 180_000);

const atLine = (prefix: string, minPercent: number) => (stderr: string) =>
  stderr.split('\n').some((line) => line.startsWith(prefix) && Number(/\((\d+)%\)$/.exec(line)?.[1] ?? -1) >= minPercent);

describe('a table merge killed midway', () => {
  const points: [string, { pause?: string; killWhen?: (stderr: string) => boolean }][] = [
    ...IMPORT_STEPS.map((step): [string, { pause: string }] => [`at import step "${step}"`, { pause: step }]),
    ['while it matches partnerships', { killWhen: atLine('matching partnerships of update.tsv: ', 30) }],
    ['while it writes its chunks', { killWhen: atLine('writing update.tsv: ', 30) }],
  ];

  it.each(points)('%s leaves the store exactly as it was', async (_label, options) => {
    const exit = await mergeInChild(update, url, options);
    expect(exit, exit.stderr).toMatchObject({ killed: true, signal: 'SIGKILL' });
    expect(await storeContents(url)).toBe(before);
  }, 180_000);

  it('run again, goes through: the new partners created, the edited partnership kept and its change proposed', async () => {
    const exit = await mergeInChild(update, url);
    expect(exit, exit.stderr).toMatchObject({ code: 0 });
    expect(exit.stdout).toMatch(new RegExp(`Rows: ${ROWS / 2} created, \\d+ updated, \\d+ unchanged, 0 rejected`));
    const store = await openStore(loadConfig({ DATABASE_URL: url }));
    try {
      const doc = (await readDocument(store.db, DIRECTORY))!;
      expect(doc.partnerships).toHaveLength(ROWS + ROWS / 2);
      expect(doc.partnerships.find((p) => p.id === edited)?.notes).toEqual(['Checked with the town hall']);
      const proposals = await store.db.selectFrom('proposals').select(['record_type', 'record_id']).where('origin_kind', '=', 'import').execute();
      expect(proposals).toEqual([{ record_type: 'partnership', record_id: edited }]);
    } finally {
      await store.close();
    }
  }, 180_000);
});
