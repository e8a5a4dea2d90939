/**
 * `repertoire import TABLE --mapping MAPPING [--directory ID] [--dry-run]` through the built
 * command: the Czech register imported with its shipped mapping (a dry run first, which writes
 * nothing), read again without change, then served — home page with its map, statistics —
 * over real HTTP; and bad input refused in a sentence with row and column, exit 1, the store as
 * it was. Merged into a directory the store has, the matching phase shows its progress, with
 * counts: a line per tenth in a log, a bar on a terminal.
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openStore } from '../store/db.js';
import { NO_TRACE, runBuiltCli } from '../test-support/built-cli.js';
import { storeContents } from '../test-support/store-contents.js';
import { tempDir } from '../test-support/temp-store.js';
import { buildApp } from '../web/app.js';
import { run as runInProcess } from './run.js';

const TABLE = fileURLToPath(new URL('../import/table/fixtures/vztahy.tsv', import.meta.url));
const MAPPING = fileURLToPath(new URL('../../data/mappings/twinnings-cz.json', import.meta.url));
const DIRECTORY = 'jumelages-cz-2013';

let dir: string;
let url: string;
const run = (args: string[]) => runBuiltCli(args, { DATABASE_URL: url });

beforeAll(() => {
  dir = tempDir(() => undefined);
  url = join(dir, 'store.db');
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('the Czech register through the command', () => {
  it('says what a dry run would do, row by row, and writes nothing', async () => {
    expect((await run(['directories'])).code).toBe(0);
    const before = await storeContents(url);
    const dry = await run(['import', TABLE, '--mapping', MAPPING, '--dry-run']);
    expect(dry.stderr).not.toMatch(NO_TRACE);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Dry run (nothing written) of vztahy.tsv into directory "${DIRECTORY}"`);
    expect(dry.stdout).toContain('Rows: 964 created, 0 updated, 0 unchanged, 2 rejected');
    expect(dry.stdout).toMatch(/\[ambiguous-country\] row 759, column "stat2": partner\.country: "Korea" is ambiguous/);
    expect(dry.stdout).toContain('[excel-serial-date] row 77, column "rok": partnership.date: 37546 read as an Excel serial date: 2002-10-17');
    expect(await storeContents(url)).toBe(before);
  }, 60_000);

  it('imports it, then finds nothing new in it', async () => {
    const first = await run(['import', TABLE, '--mapping', MAPPING]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Rows: 964 created, 0 updated, 0 unchanged, 2 rejected');
    const listing = await run(['directories', '--json']);
    const directories = JSON.parse(listing.stdout) as { id: string; countries: string[] }[];
    const cz = directories.find((d) => d.id === DIRECTORY)!;
    expect(cz.countries.length).toBe(39);
    expect(cz.countries[0]).toBe('CZ');
    const again = await run(['import', TABLE, '--mapping', MAPPING, '--json-report']);
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout) as { rows: Record<string, number>; changes: Record<string, number> };
    expect(json.rows).toEqual({ created: 0, updated: 0, unchanged: 964, rejected: 2 });
    expect(json.changes).toMatchObject({ created: 0, updated: 0, removed: 0 });
  }, 60_000);

  it('makes a directory one can browse: its home page with a map, its statistics, its partnerships', async () => {
    const store = await openStore(loadConfig({ DATABASE_URL: url }));
    const app = await buildApp({ store, directoryId: DIRECTORY });
    try {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const get = async (path: string) => {
        const response = await fetch(`${address}${path}`);
        return { status: response.status, body: await response.text() };
      };
      const home = await get(`/r/${DIRECTORY}/`);
      expect(home.status).toBe(200);
      expect(home.body).toContain('Partenariats des communes tchèques (registre de 2013)');
      expect(home.body).toContain('Tchéquie');
      expect(home.body).toContain('id="carte-partenariats"');
      const base = /(\/cartes\/fond-[^"]+\.svg\?v=[^"]+)/.exec(home.body)?.[1]?.replace(/&amp;/g, '&');
      expect(base).toBeDefined();
      expect((await get(base!)).status).toBe(200);
      const stats = await get(`/r/${DIRECTORY}/statistiques`);
      expect(stats.status).toBe(200);
      expect(stats.body).toContain('Allemagne');
      expect((await get(`/r/${DIRECTORY}/partenariats`)).status).toBe(200);
      expect((await get(`/r/${DIRECTORY}/collectivites?country=DE`)).status).toBe(200);
    } finally {
      await app.close();
      await store.close();
    }
  }, 60_000);
});

describe('a table merged into a directory the store has', () => {
  const importInto = async (databaseUrl: string, isTTY: boolean) => {
    let stderr = '';
    const stream = { isTTY, write: (text: string) => ((stderr += text), true) };
    const code = await runInProcess(['import', TABLE, '--mapping', MAPPING], { stdout: { write: () => true }, stderr: stream, env: { DATABASE_URL: databaseUrl } });
    return { code, stderr };
  };

  it('shows how far the matching is, collectivities then partnerships, with counts: lines in a log, bars on a terminal', async () => {
    const databaseUrl = join(tempDir(), 'store.db');
    const created = await importInto(databaseUrl, false);
    // A new directory has nothing to match.
    expect(created).toMatchObject({ code: 0, stderr: expect.not.stringContaining('matching') as unknown });

    // The directory's 1 331 collectivities indexed, the table's 1 331 looked up; then its 963 partnerships, both sides.
    const merged = await importInto(databaseUrl, false);
    expect(merged.code).toBe(0);
    const lines = merged.stderr.split('\n');
    const of = (what: string) => lines.filter((l) => l.startsWith(`matching ${what} of vztahy.tsv: `));
    expect(of('collectivities')[0]).toBe('matching collectivities of vztahy.tsv: 0/2662 (0%)');
    expect(of('collectivities').at(-1)).toBe('matching collectivities of vztahy.tsv: 2662/2662 (100%)');
    expect(of('partnerships')[0]).toBe('matching partnerships of vztahy.tsv: 0/1926 (0%)');
    expect(of('partnerships').at(-1)).toBe('matching partnerships of vztahy.tsv: 1926/1926 (100%)');
    // In order: reading, matching collectivities, matching partnerships, writing.
    const first = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    expect([first('read vztahy.tsv'), first('matching collectivities'), first('matching partnerships'), first('writing vztahy.tsv')]).toEqual(
      [first('read vztahy.tsv'), first('matching collectivities'), first('matching partnerships'), first('writing vztahy.tsv')].sort((a, b) => a - b),
    );

    const onTerminal = await importInto(databaseUrl, true);
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stderr).toContain(`\rmatching collectivities of vztahy.tsv [${'#'.repeat(30)}] 100% (2662/2662)\n`);
    expect(onTerminal.stderr).toContain(`\rmatching partnerships of vztahy.tsv [${'#'.repeat(30)}] 100% (1926/1926)\n`);
  }, 60_000);
});

describe('bad tables and mappings are refused with their row and column, exit 1, the store as it was', () => {
  const mapping = JSON.parse(readFileSync(MAPPING, 'utf8')) as Record<string, unknown> & { home: Record<string, unknown> };
  const cases: [string, () => string[], RegExp | string][] = [
    [
      'a mapping naming a column the table lacks',
      () => ['import', TABLE, '--mapping', file('absent.json', JSON.stringify({ ...mapping, home: { ...mapping.home, name: 'obec3' } }))],
      'repertoire: vztahy.tsv: row 1 (the headers): the mapping names columns the table does not have: "obec3" (home.name); the table\'s columns are: kod1, lat1, lon1, obec1, stat1, kod2, lat2, lon2, obec2, stat2, rok\n',
    ],
    [
      'a value of the wrong type',
      () => ['import', file('wrong.tsv', readFileSync(TABLE, 'utf8').replace('\t2002\n', '\tdvatisíce\n')), '--mapping', MAPPING],
      /^repertoire: wrong\.tsv: row 3, column "rok" \(partnership\.date\): "dvatisíce" is not a year\. Nothing was imported/,
    ],
    [
      'a mapping that is not one',
      () => ['import', TABLE, '--mapping', file('bad-mapping.json', JSON.stringify({ ...mapping, onBadValue: 'ignore', home: {} }))],
      /^repertoire: bad-mapping\.json: not a valid table mapping:\n {2}onBadValue: .*\n {2}home\.name: /,
    ],
  ];

  it.each(cases)('%s', async (_label, args, expected) => {
    const before = await storeContents(url);
    const outcome = await run(args());
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).not.toMatch(NO_TRACE);
    if (typeof expected === 'string') expect(outcome.stderr).toBe(expected);
    else expect(outcome.stderr).toMatch(expected);
    expect(await storeContents(url)).toBe(before);
  }, 60_000);

  it('a table without its mapping is a usage error', async () => {
    const outcome = await run(['import', file('t.csv', 'a,b\n1,2\n')]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('t.csv is a table: give its mapping (--mapping MAPPING.json');
  });

  it('a 100 MB table whose quote never closes: refused at its row and column, streamed, not read whole', async () => {
    const path = join(dir, 'big.tsv');
    const lines = readFileSync(TABLE, 'utf8').split('\n');
    const out = createWriteStream(path);
    out.write(`${lines[0]}\n`);
    for (let i = 0; i < 5; i += 1) out.write(`${lines.slice(1, 200).join('\n')}\n`);
    out.write(`S-1\t50\t14\t"Never closed\tČeská republika\tF-1\t50\t14\tX\tNěmecko\t2000\n`);
    const filler = `${lines.slice(1).join('\n')}\n`;
    let written = 0;
    while (written < 100 * 2 ** 20) {
      if (!out.write(filler)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      written += filler.length;
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const before = await storeContents(url);
    const outcome = await run(['import', path, '--mapping', MAPPING]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('repertoire: big.tsv: line 997, column 4: a row longer than 1 MB (a quote opened there is never closed): is this a table?\n');
    expect(await storeContents(url)).toBe(before);
  }, 120_000);
});
