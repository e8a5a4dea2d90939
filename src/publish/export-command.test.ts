/**
 * `repertoire export` with the publishers, in-process (the same dispatcher as the real command),
 * on a store holding the 2008 directory.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, run } from '../cli/run.js';
import { loadConfig } from '../config.js';
import { openStore } from '../store/db.js';
import { ENGINES, tempDatabaseUrl, type Engine } from '../test-support/engines.js';
import { tempDir } from '../test-support/temp-store.js';
import { importBundled, unzipBuffer } from './testing/tools.js';

async function repertoire(argv: string[], env: Record<string, string>, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY },
    stderr: { write: (text: string) => (stderr += text), isTTY },
    env,
  });
  return { code, stdout, stderr };
}

async function bundledStore(engine: Engine = 'sqlite') {
  const dir = tempDir();
  const env = { DATABASE_URL: await tempDatabaseUrl(engine) };
  const store = await openStore(loadConfig(env));
  try {
    await importBundled(store.db);
  } finally {
    await store.close();
  }
  return { dir, env };
}

describe('repertoire export', () => {
  it.each(ENGINES)('writes CSV with chosen columns and ids, counting rows in the log (%s)', async (engine) => {
    const { dir, env } = await bundledStore(engine);
    const ids = join(dir, 'ids.txt');
    writeFileSync(ids, 'aix-en-provence-oujda\najaccio-marrakech\n');
    const out = join(dir, 'out', 'export.zip');
    const result = await repertoire(['export', '--format', 'csv', '--out', out, '--partnerships', `@${ids}`, '--columns', 'projects:id,title;funding:project_id,amount,currency'], env);
    expect(result.code).toBe(EXIT.ok);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    // Not a terminal: a line per tenth, ending at 100 %.
    expect(result.stderr).toMatch(/^export csv: 0\/\d+ \(0%\)\n/);
    expect(result.stderr).toMatch(/export csv: (\d+)\/\1 \(100%\)\nWrote .*export\.zip\n$/);
  });

  it('writes codes by default, French words with --labels fr, and refuses another value', async () => {
    const { dir, env } = await bundledStore();
    const codes = join(dir, 'codes.zip');
    const words = join(dir, 'words.zip');
    expect((await repertoire(['export', '--format', 'csv', '--out', codes, '--columns', 'project_summary:project_id,status'], env)).code).toBe(EXIT.ok);
    expect((await repertoire(['export', '--format', 'csv', '--out', words, '--labels', 'fr', '--columns', 'project_summary:project_id,status'], env)).code).toBe(EXIT.ok);
    const coded = (await unzipBuffer(readFileSync(codes))).get('project_summary.csv')!;
    expect(coded.split('\r\n')[0]).toBe('\uFEFFproject_id;status');
    expect(coded).toMatch(/;completed\r\n/);
    const french = (await unzipBuffer(readFileSync(words))).get('projets.csv')!;
    expect(french.split('\r\n')[0]).toBe('\uFEFFProjet (identifiant);État');
    expect(french).toMatch(/;Terminé\r\n/);
    const refused = await repertoire(['export', '--format', 'csv', '--out', join(dir, 'x.zip'), '--labels', 'klingon'], env);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toContain('--labels');
    expect((await repertoire(['export', '--format', 'json', '--labels', 'fr'], env)).code).toBe(EXIT.usage);
  });

  it('exports collectivities chosen for themselves, beside the selected partnerships\' parties', async () => {
    const { dir, env } = await bundledStore();
    const out = join(dir, 'c.json');
    const result = await repertoire(['export', '--format', 'json', '--out', out, '--collectivities', 'ma-commune-agadir', '--partnerships', 'lyon-rabat'], env);
    expect(result.code).toBe(EXIT.ok);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { collectivities: { id: string }[]; partnerships: { id: string }[] };
    expect(doc.partnerships.map((p) => p.id)).toEqual(['lyon-rabat']);
    expect(doc.collectivities.map((c) => c.id)).toContain('ma-commune-agadir');
    expect(doc.collectivities.map((c) => c.id)).toContain('ma-commune-rabat');
  });

  it('draws a bar on a terminal', async () => {
    const { dir, env } = await bundledStore();
    const result = await repertoire(['export', '--format', 'iati', '--out', join(dir, 'a.xml')], env, true);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stderr).toContain('\rexport iati [');
    expect(result.stderr).toContain('] 100% (197/197)\n');
  });

  it.each(ENGINES)('writes IATI XML to standard output (%s)', async (engine) => {
    const { env } = await bundledStore(engine);
    const result = await repertoire(['export', '--format', 'iati', '--projects', 'aix-en-provence-oujda-assistance-a-maitrise-d-ouvrage-pour-l-elaboration'], env);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout.match(/<iati-activity /g)).toHaveLength(1);
  });

  it.each([
    [['export', '--format', 'xlsx'], 'writes a binary file: give --out FILE'],
    [['export', '--format', 'json', '--columns', 'projects:id'], '--columns applies to csv and xlsx, not to json'],
    [['export', '--format', 'pdf', '--out', 'x.pdf', '--projects', 'a'], '--partnerships and --projects do not apply to pdf'],
    [['export', '--format', 'csv', '--out', 'x.zip', '--columns', 'projects'], '--columns: "projects" is not TABLE:COLUMN,COLUMN'],
  ])('refuses %j', async (argv, message) => {
    const result = await repertoire(argv, { DATABASE_URL: join(tempDir(), 'store.db') }, true);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain(message);
  });

  it.each(ENGINES)('names an unknown column or id, and leaves no file behind (%s)', async (engine) => {
    const { dir, env } = await bundledStore(engine);
    const out = join(dir, 'bad.xlsx');
    const columns = await repertoire(['export', '--format', 'xlsx', '--out', out, '--columns', 'projects:id,budget'], env);
    expect(columns.code).toBe(EXIT.usage);
    expect(columns.stderr).toContain('table projects has no column "budget"');
    const ids = await repertoire(['export', '--format', 'xlsx', '--out', out, '--projects', 'no-such-project'], env);
    expect(ids.code).toBe(EXIT.badInput);
    expect(ids.stderr).toContain('has no record "no-such-project"');
    expect(() => readFileSync(out)).toThrow();
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
