/**
 * `backup` and `restore` refusing bad input through the built command: a sentence naming the file
 * (and the line, where there is one), exit code 1, no stack trace, and the store as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PATH } from '../model/fixtures/index.js';
import { NO_TRACE, runBuiltCli } from '../test-support/built-cli.js';
import { ENGINES, tempDatabaseUrl } from '../test-support/engines.js';
import { storeContents } from '../test-support/store-contents.js';
import { tempDir } from '../test-support/temp-store.js';

let dir: string;
let backup: string;
let lines: string[];

async function filledStore(engine: 'sqlite' | 'postgres' = 'sqlite') {
  const url = await tempDatabaseUrl(engine);
  expect((await runBuiltCli(['import', fileURLToPath(FIXTURE_PATH)], { DATABASE_URL: url })).code).toBe(0);
  return url;
}

function backupWith(name: string, edit: (lines: string[]) => string[]): string {
  const file = join(dir, name);
  writeFileSync(file, gzipSync(`${edit([...lines]).join('\n')}\n`));
  return file;
}

beforeAll(async () => {
  dir = tempDir(() => undefined);
  const url = join(dir, 'source.db');
  expect((await runBuiltCli(['import', fileURLToPath(FIXTURE_PATH)], { DATABASE_URL: url })).code).toBe(0);
  backup = join(dir, 'good.backup.gz');
  expect((await runBuiltCli(['backup', '--out', backup], { DATABASE_URL: url })).code).toBe(0);
  lines = gunzipSync(readFileSync(backup)).toString('utf8').trimEnd().split('\n');
}, 60_000);

describe('restore refuses a bad file, and the store stays as it was', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing file', () => join(dir, 'missing.gz'), /^repertoire: cannot read \S+missing\.gz: no such file\n$/],
    ['a folder', () => dir, /^repertoire: cannot read \S+: it is a folder, not a file\n$/],
    ['a file that is not gzip', () => (writeFileSync(join(dir, 'plain.gz'), 'hello\n'), join(dir, 'plain.gz')), /^repertoire: \S+plain\.gz: line 1: not gzip-compressed: this is not a Répertoire backup\n$/],
    ['a cut file', () => (writeFileSync(join(dir, 'cut.gz'), readFileSync(backup).subarray(0, 300)), join(dir, 'cut.gz')), /repertoire: \S+cut\.gz: line \d+: the file ends too early: it was cut short/],
    ['another gzip file', () => backupWith('other.gz', () => ['{"hello": 1}']), /^repertoire: \S+other\.gz: line 1: not a Répertoire backup/],
    ['a line that is not JSON', () => backupWith('json.gz', (l) => [...l.slice(0, 2), '{"table":', ...l.slice(2)]), /^repertoire: \S+json\.gz: line 3: not JSON/m],
    ['a cell that is not a value', () => backupWith('cell.gz', (l) => [l[0]!, JSON.stringify({ table: 'directories', rows: [{ id: { nested: true } }] })]), /^repertoire: \S+cell\.gz: line 2: not a table batch: rows\[0\]\.id: /m],
    ['an unknown column', () => backupWith('column.gz', (l) => [l[0]!, JSON.stringify({ table: 'directories', rows: [{ colour: 'blue' }] })]), /^repertoire: \S+column\.gz: line 2: table "directories": a row was refused: /m],
  ];
  // one store for every case: each refusal must leave it as it was
  let url: string;
  beforeAll(async () => {
    url = join(dir, 'target.db');
    expect((await runBuiltCli(['import', fileURLToPath(FIXTURE_PATH)], { DATABASE_URL: url })).code).toBe(0);
  }, 60_000);

  it.each(cases)('%s', async (_name, file, message) => {
    const before = await storeContents(url);
    const result = await runBuiltCli(['restore', file(), '--replace'], { DATABASE_URL: url });
    expect(result.stderr.replace(/^restoring rows.*\n/gm, '')).toMatch(message);
    expect(result.stderr).not.toMatch(NO_TRACE);
    expect(result.code).toBe(1);
    expect(await storeContents(url)).toBe(before);
  });
});

describe('restore refuses a row given twice', () => {
  it.each(ENGINES)('on %s, naming the file, the line and the table', async (engine) => {
    const url = await filledStore(engine);
    const before = await storeContents(url);
    const file = backupWith('twice.gz', (l) => [...l, l[1]!]);
    const result = await runBuiltCli(['restore', file, '--replace'], { DATABASE_URL: url });
    expect(result.stderr).toMatch(new RegExp(`^repertoire: \\S+twice\\.gz: line ${lines.length + 1}: table "directories": a row was refused: its key is already taken`, 'm'));
    expect(result.stderr).not.toMatch(NO_TRACE);
    expect(result.code).toBe(1);
    expect(await storeContents(url)).toBe(before);
  }, 60_000);
});

describe.concurrent('backup refuses a place it cannot write', () => {
  it('a folder given as --out', async () => {
    const result = await runBuiltCli(['backup', '--out', dir], { DATABASE_URL: join(dir, 'source.db') });
    expect(result).toMatchObject({ code: 1, stderr: `repertoire: cannot write ${dir}: it is a folder, not a file\n` });
  });

  it('a folder under a file', async () => {
    const out = join(dir, 'good.backup.gz', 'x.gz');
    const result = await runBuiltCli(['backup', '--out', out], { DATABASE_URL: join(dir, 'source.db') });
    expect(result).toMatchObject({ code: 1, stderr: `repertoire: cannot write ${out}: a part of its path is a file, not a folder\n` });
  });

  it('creates a missing folder, as export does', async () => {
    const out = join(dir, 'new', 'folder', 'b.gz');
    expect(await runBuiltCli(['backup', '--out', out], { DATABASE_URL: join(dir, 'source.db') })).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(out).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });
});
