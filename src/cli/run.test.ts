/**
 * The command line in-process: the same dispatcher, commands and real SQLite stores as the
 * spawned tests in cli.test.ts, without the cost of a child process each.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PATH, fixtureText } from '../model/fixtures/index.js';
import { ImportReport } from '../model/report.js';
import { tempDir } from '../test-support/temp-store.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, run } from './run.js';

const FIXTURE = fileURLToPath(FIXTURE_PATH);

async function repertoire(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

function storeEnv() {
  const dir = tempDir();
  return { dir, env: { DATABASE_URL: join(dir, 'store.db') } };
}

describe('run', () => {
  it.each([[[]], [['-h']], [['help']]])('prints the main help for %j', async (argv) => {
    expect(await repertoire(argv)).toMatchObject({ code: EXIT.ok, stdout: expect.stringContaining('Usage: repertoire COMMAND') });
  });

  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))('lists %s in the main help, and loads it under its own name only when it runs', async (name, entry) => {
    const help = (await repertoire([])).stdout;
    expect(entry.summary.startsWith(`${name} `)).toBe(true);
    expect(help).toContain(`  ${entry.summary}\n`);
    const command = await entry.load();
    expect(command.name).toBe(name);
    expect(command.help).toMatch(new RegExp(`Usage:\\s+repertoire ${name}\\b`));
  });

  it.each(['setup', 'import', 'directories', 'compare', 'export', 'report'])('prints the help of %s', async (name) => {
    const { code, stdout } = await repertoire([name, '--help']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain(`Usage: repertoire ${name}`);
  });

  it.each([
    [['frob'], 'unknown command "frob"'],
    [['import'], 'import takes 1 argument(s), got 0'],
    [['import', 'a.json', 'b.json'], 'import takes 1 argument(s), got 2'],
    [['export', '--out'], "export: Option '--out <value>' argument missing"],
    [['report', '--verbose'], "report: Unknown option '--verbose'"],
    [['export', '--format', 'xml'], 'unknown export format "xml"'],
  ])('exits 2 on %j', async (argv, message) => {
    const { code, stderr } = await repertoire(argv);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(message);
  });

  it('imports, re-imports without changes, exports to a file and reports', async () => {
    const { dir, env } = storeEnv();
    expect((await repertoire(['import', FIXTURE], env)).code).toBe(EXIT.ok);

    const again = await repertoire(['import', FIXTURE, '--json-report'], env);
    expect(again.code).toBe(EXIT.ok);
    expect(ImportReport.parse(JSON.parse(again.stdout)).counts).toMatchObject({ partnerships: 2, projects: 2 });
    expect(again.stderr).toBe('Store: 0 created, 0 updated, 11 unchanged, 0 removed\n');

    const out = join(dir, 'out', 'export.json');
    expect((await repertoire(['export', '--out', out], env)).code).toBe(EXIT.ok);
    expect(readFileSync(out, 'utf8')).toBe(fixtureText());

    const report = await repertoire(['report'], env);
    expect(report.stdout).toContain('Imported complete-document.json (json)');
    expect(report.stdout).toContain('Store: 0 created, 0 updated, 11 unchanged, 0 removed');
    expect(JSON.parse((await repertoire(['report', '--json'], env)).stdout)).toMatchObject({ changes: { unchanged: 11 } });
  });

  it('lists the directories of a store holding two, and reports the latest import of each', async () => {
    const { dir, env } = storeEnv();
    expect((await repertoire(['directories'], env)).stderr).toContain('No directory yet');
    const second = JSON.parse(fixtureText()) as { directory: Record<string, unknown>; partnerships: unknown[] };
    second.directory = { id: 'franco-senegalais', title: 'Répertoire franco-sénégalais', countries: ['FR', 'SN'], edition: '2026' };
    second.partnerships = second.partnerships.slice(0, 1);
    const secondFile = join(dir, 'second.json');
    writeFileSync(secondFile, JSON.stringify(second));
    expect((await repertoire(['import', FIXTURE], env)).code).toBe(EXIT.ok);
    expect((await repertoire(['import', secondFile], env)).code).toBe(EXIT.ok);

    const listed = await repertoire(['directories', '--json'], env);
    expect(listed.code).toBe(EXIT.ok);
    expect(JSON.parse(listed.stdout)).toEqual([
      { id: 'franco-marocain-2008', title: expect.stringContaining('franco-marocains'), countries: ['FR', 'MA'], edition: '2008-07', partnerships: 2, projects: 2, collectivities: 3 },
      { id: 'franco-senegalais', title: 'Répertoire franco-sénégalais', countries: ['FR', 'SN'], edition: '2026', partnerships: 1, projects: expect.any(Number), collectivities: 3 },
    ]);
    const text = await repertoire(['directories'], env);
    expect(text.stdout).toContain('franco-senegalais\n  Répertoire franco-sénégalais, 2026\n  FR ⇄ SN: 1 partnership, ');

    const latest = JSON.parse((await repertoire(['report', '--json'], env)).stdout) as { directoryId: string };
    expect(latest.directoryId).toBe('franco-senegalais');
    const first = JSON.parse((await repertoire(['report', '--json', '--directory', 'franco-marocain-2008'], env)).stdout) as { directoryId: string };
    expect(first.directoryId).toBe('franco-marocain-2008');
  });

  it('compares two editions of a series, and refuses two directories of different countries', async () => {
    const { dir, env } = storeEnv();
    const later = JSON.parse(fixtureText()) as { directory: Record<string, unknown>; partnerships: { signedDate?: string }[] };
    later.directory = { ...later.directory, id: 'franco-marocain-2026', edition: '2026' };
    later.partnerships[0]!.signedDate = '2009-03';
    later.partnerships = later.partnerships.slice(0, 1);
    const laterFile = join(dir, 'later.json');
    writeFileSync(laterFile, JSON.stringify(later));
    const other = { ...later, directory: { id: 'franco-senegalais', title: 'Répertoire franco-sénégalais', countries: ['FR', 'SN'] } };
    const otherFile = join(dir, 'other.json');
    writeFileSync(otherFile, JSON.stringify(other));
    for (const file of [FIXTURE, laterFile, otherFile]) expect((await repertoire(['import', file], env)).code).toBe(EXIT.ok);

    const text = await repertoire(['compare', 'franco-marocain-2008', 'franco-marocain-2026'], env);
    expect(text.code).toBe(EXIT.ok);
    expect(text.stdout).toContain('Partnerships: 0 new, 1 ended, 1 changed, 0 unchanged');
    expect(text.stdout).toContain('  ~ aix-en-provence-oujda — ');
    expect(text.stdout).toContain(': signedDate');
    const json = JSON.parse((await repertoire(['compare', 'franco-marocain-2008', 'franco-marocain-2026', '--json'], env)).stdout) as { partnerships: { ended: { id: string }[] } };
    expect(json.partnerships.ended.map((p) => p.id)).toEqual(['aix-en-provence-oriental']);

    const refused = await repertoire(['compare', 'franco-marocain-2008', 'franco-senegalais'], env);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toContain('"franco-senegalais" (FR, SN) is not an edition of "franco-marocain-2008" (FR, MA)');
    const missing = await repertoire(['compare', 'franco-marocain-2008', 'nowhere'], env);
    expect(missing.code).toBe(EXIT.badInput);
    expect(missing.stderr).toContain('no directory "nowhere"');
  });

  it('sets up a store from a given file once, then leaves it alone', async () => {
    const { env } = storeEnv();
    const first = await repertoire(['setup', '--from', FIXTURE], env);
    expect(first.code).toBe(EXIT.ok);
    expect(first.stdout).toMatch(/partnerships\s+2\n/);
    const second = await repertoire(['setup', '--from', FIXTURE], env);
    expect(second.stdout).toContain('nothing imported');
  });

  it('says so when there is no report yet', async () => {
    expect(await repertoire(['report'], storeEnv().env)).toMatchObject({ code: EXIT.ok, stderr: expect.stringContaining('No import yet') });
  });

  it('exits 1 on a document that breaks the schema, naming the field', async () => {
    const { dir, env } = storeEnv();
    const bad = join(dir, 'status.json');
    writeFileSync(bad, fixtureText().replace('"status": "completed"', '"status": "done"'));
    const { code, stderr } = await repertoire(['import', bad], env);
    expect(code).toBe(EXIT.badInput);
    expect(stderr).toContain('status.json: not a valid interchange document:\npartnerships[0].projects[1].status: expected one of ongoing, completed, planned, other');
  });

  it('exits 1 on a text the directory reader cannot read, naming the file', async () => {
    const { dir, env } = storeEnv();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const { code, stderr } = await repertoire(['import', empty, '--countries', 'FR,MA'], env);
    expect(code).toBe(EXIT.badInput);
    expect(stderr).toMatch(/^repertoire: empty\.txt: /);
  });

  it('exits 1 when the file does not exist', async () => {
    const { code, stderr } = await repertoire(['import', '/nonexistent/x.json'], storeEnv().env);
    expect(code).toBe(EXIT.badInput);
    expect(stderr).toBe('repertoire: cannot read /nonexistent/x.json: no such file\n');
  });

  it('exits 1 when exporting an empty store', async () => {
    const { code, stderr } = await repertoire(['export'], storeEnv().env);
    expect(code).toBe(EXIT.badInput);
    expect(stderr).toContain('the store holds no directory yet');
  });

  it('exits 1 when DATABASE_URL is unusable', async () => {
    const postgres = await repertoire(['report'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(postgres).toMatchObject({ code: EXIT.badInput, stderr: expect.stringContaining('cannot open the PostgreSQL store') });
    const bad = await repertoire(['report'], { DATABASE_URL: 'mysql://x' });
    expect(bad).toMatchObject({ code: EXIT.badInput, stderr: expect.stringContaining('DATABASE_URL: unsupported scheme') });
  });
});
