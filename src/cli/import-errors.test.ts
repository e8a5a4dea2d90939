/**
 * `import` (and the other commands' file arguments) refusing bad input through the built command:
 * a sentence naming the file and what is wrong, with the line where there is one, exit code 1,
 * no stack trace, and the store as it was. And text in UTF-16 read as what it is.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PATH, fixtureText } from '../model/fixtures/index.js';
import { NO_TRACE, runBuiltCli } from '../test-support/built-cli.js';
import { storeContents } from '../test-support/store-contents.js';
import { tempDir } from '../test-support/temp-store.js';

const BUNDLED = fileURLToPath(new URL('../../data/sources/repertoire-franco-marocain-2008.txt', import.meta.url));

let dir: string;
let url: string;

beforeAll(async () => {
  dir = tempDir(() => undefined);
  url = join(dir, 'store.db');
  expect((await runBuiltCli(['import', fileURLToPath(FIXTURE_PATH)], { DATABASE_URL: url })).code).toBe(0);
}, 60_000);

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function utf16(text: string, order: 'le' | 'be', mark = true): Buffer {
  const units = Buffer.from(text, 'utf16le');
  if (order === 'be') units.swap16();
  const bom = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([Buffer.from(mark ? bom : []), units]);
}

const lineOf = (needle: string) => fixtureText().split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('bad input is refused in a sentence, and the store stays as it was', () => {
  const cases: [string, () => string[], () => string][] = [
    ['import of a folder', () => ['import', dir], () => `repertoire: cannot read ${dir}: it is a folder, not a file\n`],
    ['import of a missing file', () => ['import', join(dir, 'nothing.json')], () => `repertoire: cannot read ${join(dir, 'nothing.json')}: no such file\n`],
    [
      'a JSON syntax error 5 000 levels deep',
      () => ['import', file('deep.json', `{"format":\n${'['.repeat(5000)}1,]${']'.repeat(4999)}}`)],
      () => 'repertoire: deep.json: invalid JSON at line 2, column 5003: unexpected "]", expected a value\n',
    ],
    [
      'a JSON syntax error 100 000 levels deep',
      () => ['import', file('deeper.json', `${'['.repeat(100_000)}}`)],
      () => 'repertoire: deeper.json: invalid JSON at line 1, column 100001: unexpected "}", expected a value\n',
    ],
    [
      'an amount of 1e400',
      () => ['import', file('huge.json', fixtureText().replace('"amount": 150000', '"amount": 1e400'))],
      () => `repertoire: huge.json: not a valid interchange document:\npartnerships[0].projects[0].totalCost.amount: expected number, got a number too large to be read (beyond 1.8e308) (line ${lineOf('"amount": 150000')})\n`,
    ],
    [
      'an amount beyond 2^53',
      () => ['import', file('rounded.json', fixtureText().replace('"amount": 150000', '"amount": 9007199254740993'))],
      () => `repertoire: rounded.json: not a valid interchange document:\npartnerships[0].projects[0].totalCost.amount: must be at most 9007199254740991 (2^53 − 1): a larger number cannot be stored exactly (line ${lineOf('"amount": 150000')})\n`,
    ],
    [
      'UTF-16 without a byte-order mark',
      () => ['import', file('nomark.json', utf16(fixtureText(), 'le', false))],
      () => 'repertoire: nomark.json: this looks like UTF-16 text without a byte-order mark: save it as UTF-8 (or as UTF-16 with its mark)\n',
    ],
    ['an id list that is a folder', () => ['export', '--format', 'json', '--projects', `@${dir}`], () => `repertoire: cannot read ${dir}: it is a folder, not a file\n`],
    ['export --out a folder', () => ['export', '--format', 'json', '--out', dir], () => `repertoire: cannot write ${dir}: it is a folder, not a file\n`],
    ['a store that is a folder', () => ['copy', '--from', dir, '--to', join(dir, 'copy.db')], () => `repertoire: cannot open the SQLite store ${dir}: it is a folder, not a file\n`],
    ['a store under a file', () => ['copy', '--from', url, '--to', join(url, 'copy.db')], () => `repertoire: cannot open the SQLite store ${join(url, 'copy.db')}: a part of its path is a file, not a folder\n`],
  ];

  it.each(cases)('%s', async (_name, args, message) => {
    const before = await storeContents(url);
    const result = await runBuiltCli(args(), { DATABASE_URL: url });
    expect(result.stderr.replace(/^reading .*\n/gm, '')).toEqual(message());
    expect(result.stderr).not.toMatch(NO_TRACE);
    expect(result.code).toBe(1);
    expect(await storeContents(url)).toBe(before);
  });
});

describe('text in UTF-16 (with its byte-order mark) or with a UTF-8 mark reads as in UTF-8', () => {
  it.each([
    ['UTF-16LE', (text: string) => utf16(text, 'le')],
    ['UTF-16BE', (text: string) => utf16(text, 'be')],
    ['UTF-8 with a BOM', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ])('an interchange JSON in %s', async (_name, encode) => {
    const store = join(tempDir(), 'json.db');
    const path = file(`encoded-${_name.replace(/\W/g, '')}.json`, encode(fixtureText()));
    const result = await runBuiltCli(['import', path], { DATABASE_URL: store });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Store: 11 created, 0 updated, 0 unchanged, 0 removed');
    expect((await runBuiltCli(['export', '--format', 'json'], { DATABASE_URL: store })).stdout).toBe(fixtureText());
  });

  it('the 2008 directory in UTF-16LE, UTF-16BE and UTF-8 with a BOM, as in UTF-8', async () => {
    const text = readFileSync(BUNDLED, 'utf8');
    const encodings: [string, Buffer][] = [
      ['utf8', Buffer.from(text)],
      ['utf16le', utf16(text, 'le')],
      ['utf16be', utf16(text, 'be')],
      ['utf8bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ];
    const outcomes = [];
    for (const [name, bytes] of encodings) {
      const folder = join(dir, name);
      const path = join(folder, 'repertoire.txt');
      mkdirSync(folder);
      writeFileSync(path, bytes);
      const store = join(folder, 'store.db');
      const imported = await runBuiltCli(['import', path, '--countries', 'FR,MA'], { DATABASE_URL: store });
      expect(imported.code, imported.stderr).toBe(0);
      outcomes.push({ report: imported.stdout.replace(/ at \S+Z$/m, ''), document: (await runBuiltCli(['export', '--format', 'json'], { DATABASE_URL: store })).stdout });
    }
    expect(outcomes[0]!.report).toMatch(/partnerships\s+50/);
    for (const outcome of outcomes.slice(1)) expect(outcome).toEqual(outcomes[0]);
  }, 120_000);
});
