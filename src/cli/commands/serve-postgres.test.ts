/**
 * `repertoire serve` on PostgreSQL, in process: it imports the bundled directory into an empty
 * database, builds the search index and serves `/recherche`; a second start over the same
 * store serves the index as it is (no rebuild: the build's stamp is unchanged).
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ENGINES, tempDatabaseUrl } from '../../test-support/engines.js';
import { run } from '../run.js';

/** Runs `serve` until `visit` is done with its URL, then stops it as SIGTERM would. */
async function serving(env: Record<string, string>, visit: (url: string) => Promise<void>): Promise<string> {
  let stdout = '';
  let stderr = '';
  const stopped = run(['serve'], {
    stdout: { write: (chunk: string) => ((stdout += chunk), true) },
    stderr: { write: (chunk: string) => ((stderr += chunk), true) },
    env,
  });
  for (let i = 0; i < 600 && !/http:\/\/\S+\//.test(stdout); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  const url = /http:\/\/\S+\//.exec(stdout)?.[0];
  try {
    if (url === undefined) throw new Error(`serve did not start:\n${stdout}\n${stderr}`);
    await visit(url);
  } finally {
    process.emit('SIGTERM');
    expect(await stopped).toBe(0);
  }
  return stderr;
}

async function buildStamp(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: Buffer }>(`SELECT value FROM search_meta WHERE key = 'stamp'`);
    return rows.map((row) => row.value.toString('utf8')).join();
  } finally {
    await client.end();
  }
}

describe.skipIf(!ENGINES.includes('postgres'))('serve on PostgreSQL', () => {
  it('serves the search, and does not rebuild a current index at the next start', { timeout: 180_000 }, async () => {
    const env = { DATABASE_URL: await tempDatabaseUrl('postgres'), PORT: '0', HOST: '127.0.0.1' };
    const firstStart = await serving(env, async (url) => {
      const response = await fetch(`${url}recherche.json?q=fes`);
      expect(response.status).toBe(200);
      const body = JSON.stringify(await response.json());
      expect(body).toContain('Marseille – Fès');
      expect(body).toContain('<mark>Fès</mark>');
    });
    expect(firstStart).toMatch(/importing the bundled 2008 directory/);
    expect(firstStart).not.toMatch(/Search is off/);
    const built = await buildStamp(env.DATABASE_URL);
    expect(built).not.toBe('');
    await serving(env, async (url) => {
      expect((await fetch(`${url}recherche.json?q=d%C3%A9v&type=project`)).status).toBe(200);
    });
    expect(await buildStamp(env.DATABASE_URL)).toBe(built);
  });
});
