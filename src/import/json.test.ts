import { describe, expect, it } from 'vitest';
import { fixtureText, loadFixture } from '../model/fixtures/index.js';
import { readJsonDocument } from './json.js';

const NOW = new Date('2026-01-02T03:04:05.000Z');

function readMutated(mutate: (doc: ReturnType<typeof loadFixture>) => void) {
  const doc = loadFixture();
  mutate(doc);
  return () => readJsonDocument(JSON.stringify(doc, null, 2), 'edited.json', NOW);
}

describe('readJsonDocument', () => {
  it('reads an interchange document and reports what it holds', () => {
    const { document, report } = readJsonDocument(fixtureText(), 'fixture.json', NOW);
    expect(document).toEqual(loadFixture());
    expect(report).toEqual({
      document: 'fixture.json',
      format: 'json',
      importedAt: '2026-01-02T03:04:05.000Z',
      counts: { domains: 3, collectivities: 3, partnerships: 2, projects: 2, contacts: 2, budgets: 2, projectPartners: 2, fundingLines: 2 },
      unplaced: [],
      inconsistencies: [],
      warnings: [],
    });
  });

  it('names the file, line and column of a syntax error', () => {
    const text = fixtureText().replace('"tier": "brief",', '"tier": "brief",,');
    const line = text.split('\n').findIndex((l) => l.includes(',,')) + 1;
    expect(() => readJsonDocument(text, 'broken.json')).toThrow(
      `broken.json: invalid JSON at line ${line}, column 23: unexpected ",", expected a property name in double quotes`,
    );
    expect(() => readJsonDocument(text, 'broken.json')).toThrow(expect.objectContaining({ code: 'parse' }));
  });

  it('names the JSON path of a field that breaks the schema', () => {
    const attempt = readMutated((doc) => Object.assign(doc.partnerships[0]!.projects![0]!, { status: 'done' }));
    expect(attempt).toThrow('edited.json: not a valid interchange document:\npartnerships[0].projects[0].status: expected one of ongoing, completed, planned, other');
    expect(attempt).toThrow(expect.objectContaining({ code: 'schema' }));
  });

  it.each([
    ['missing field', (d: ReturnType<typeof loadFixture>) => delete (d.collectivities[1] as Partial<Record<string, unknown>>).kind, 'collectivities[1].kind: is required'],
    ['unknown field', (d: ReturnType<typeof loadFixture>) => Object.assign(d.directory, { year: 2008 }), 'directory.year: unknown field'],
    ['wrong type', (d: ReturnType<typeof loadFixture>) => Object.assign(d.collectivities[0]!, { population: '143097' }), 'collectivities[0].population: expected number, got string'],
    ['bad id', (d: ReturnType<typeof loadFixture>) => (d.domains[0]!.code = 'Urbain'), 'domains[0].code: "Urbain" does not match'],
    ['too few parties', (d: ReturnType<typeof loadFixture>) => d.partnerships[1]!.parties.pop(), 'partnerships[1].parties: expected at least 2 item(s)'],
    ['wrong version', (d: ReturnType<typeof loadFixture>) => Object.assign(d, { version: 2 }), 'version: expected 1'],
  ])('explains a schema error: %s', (_name, mutate, message) => {
    expect(readMutated(mutate)).toThrow(message);
  });

  it.each([
    ['unknown party', (d: ReturnType<typeof loadFixture>) => (d.partnerships[1]!.parties[1]!.collectivityId = 'ma-x'), 'partnerships[1].parties[1].collectivityId: unknown collectivity "ma-x"'],
    ['unknown domain', (d: ReturnType<typeof loadFixture>) => d.partnerships[0]!.projects![0]!.domains!.push('eau'), 'partnerships[0].projects[0].domains[1]: unknown domain "eau"'],
    ['unknown parent', (d: ReturnType<typeof loadFixture>) => (d.domains[2]!.parent = 'arts'), 'domains[2].parent: unknown domain "arts"'],
    ['domain cycle', (d: ReturnType<typeof loadFixture>) => (d.domains[0]!.parent = 'transports'), 'domains[0].parent: "developpement-urbain" is its own ancestor'],
    ['duplicate collectivity', (d: ReturnType<typeof loadFixture>) => (d.collectivities[2]!.id = 'ma-commune-urbaine-oujda'), 'collectivities[2].id: duplicate "ma-commune-urbaine-oujda"'],
    ['duplicate project', (d: ReturnType<typeof loadFixture>) => (d.partnerships[0]!.projects![1]!.id = 'aix-en-provence-oujda-plan-de-deplacements'), 'partnerships[0].projects[1].id: duplicate'],
    ['unknown funder', (d: ReturnType<typeof loadFixture>) => (d.partnerships[0]!.projects![0]!.funding![1]!.funderCollectivityId = 'fr-x'), 'partnerships[0].projects[0].funding[1].funderCollectivityId: unknown collectivity "fr-x"'],
  ])('explains a broken reference: %s', (_name, mutate, message) => {
    const attempt = readMutated(mutate);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(expect.objectContaining({ code: 'reference' }));
  });

  describe('numbers it cannot store exactly, refused naming the field and its line', () => {
    const withText = (from: string, to: string) => {
      const text = fixtureText().replace(from, to);
      expect(text).not.toBe(fixtureText());
      return () => readJsonDocument(text, 'numbers.json');
    };
    const lineOf = (needle: string) => fixtureText().split('\n').findIndex((line) => line.includes(needle)) + 1;

    it.each([
      ['1e400', '"amount": 1e400', 'expected number, got a number too large to be read (beyond 1.8e308)'],
      ['2^53 + 1', '"amount": 9007199254740993', 'must be at most 9007199254740991 (2^53 − 1): a larger number cannot be stored exactly'],
      ['21 digits', '"amount": 123456789012345678901', 'must be at most 9007199254740991'],
    ])('an amount of %s', (_name, amount, message) => {
      const attempt = withText('"amount": 150000', amount);
      expect(attempt).toThrow(`numbers.json: not a valid interchange document:\npartnerships[0].projects[0].totalCost.amount: ${message}`);
      expect(attempt).toThrow(` (line ${lineOf('"amount": 150000')})`);
    });

    it('a population beyond 2^53', () => {
      expect(withText('"population": 143097', '"population": 12345678901234567890')).toThrow(
        `collectivities[0].population: must be at most 9007199254740991 (2^53 − 1): a larger number cannot be stored exactly (line ${lineOf('"population": 143097')})`,
      );
    });
  });

  it('gives the line of every field the schema refuses', () => {
    const attempt = readMutated((doc) => Object.assign(doc.directory, { year: 2008 }));
    expect(attempt).toThrow(/directory\.year: unknown field \(line \d+\)/);
  });

  it('names the line and column of a syntax error 5 000 levels deep, without overflowing the stack', () => {
    const text = `{"format":\n${'['.repeat(5000)}1,]${']'.repeat(4999)}}`;
    expect(() => readJsonDocument(text, 'deep.json')).toThrow(`deep.json: invalid JSON at line 2, column 5003: unexpected "]", expected a value`);
  });
});
