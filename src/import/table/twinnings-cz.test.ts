/**
 * The real table (fixtures/README.md): the Czech municipalities' twinning register of 2013, read
 * with its shipped mapping, data/mappings/twinnings-cz.json. Each of its known flaws is reported
 * where it is, and every row is read or rejected with a reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../model/report.js';
import { validateDocument } from '../../model/validate.js';
import { openTable, readMapping, readTable, type TableRead } from './index.js';

const TABLE = fileURLToPath(new URL('fixtures/vztahy.tsv', import.meta.url));
const MAPPING = fileURLToPath(new URL('../../../data/mappings/twinnings-cz.json', import.meta.url));

let read: TableRead;
const lines = readFileSync(TABLE, 'utf8').split('\n').filter(Boolean);
/** the source line of the first row holding all the words */
const rowOf = (...words: string[]) => lines.findIndex((l) => words.every((w) => l.includes(w))) + 1;
const issuesAt = (list: readonly ImportIssue[], row: number) => list.filter((i) => i.row === row);
/** each partnership's rows, taken off the reader's shelf once */
let rowsOf: Map<string, number[]>;
const partnershipOf = (row: number) => read.document.partnerships.find((p) => rowsOf.get(p.id)?.includes(row));

beforeAll(async () => {
  const mapping = readMapping(readFileSync(MAPPING, 'utf8'), 'twinnings-cz.json');
  read = await readTable(openTable(TABLE, mapping.table), mapping);
  rowsOf = new Map(read.rowsOf);
}, 60_000);

describe('the Czech twinning register of 2013', () => {
  it('reads every data row or rejects it with its row, column and reason', () => {
    const dataRows = lines.length - 1;
    expect(read.rows.read).toBe(dataRows);
    const accounted = [...rowsOf.values()].reduce((n, rows) => n + rows.length, 0);
    expect(accounted + read.rows.rejected).toBe(dataRows);
    for (const issue of read.report.unplaced) {
      expect(issue.row).toBeGreaterThan(1);
      expect(issue.column).toBeTruthy();
      expect(issue.message).toMatch(/^row \d+, column "[^"]+": .+ \(row rejected\)$/);
    }
    expect(() => validateDocument(read.document)).not.toThrow();
  });

  it('makes a directory of Czechia and its 39 partner countries, as ISO codes', () => {
    const { countries } = read.document.directory;
    expect(countries[0]).toBe('CZ');
    expect(countries.length).toBe(39);
    const partnerOf = (name: string) => read.document.collectivities.find((c) => c.name === name)?.country;
    expect(partnerOf('Gernik')).toBe('RO');
    expect(partnerOf('Steineroth')).toBe('DE'); // Německo
    const taiwan = read.document.collectivities.filter((c) => c.country === 'TW');
    expect(taiwan.length).toBe(1); // Tchaj-wan
  });

  it('rejects the rows whose country is "Korea": ambiguous between KR and KP', () => {
    const korea = read.report.unplaced.filter((i) => i.kind === 'ambiguous-country');
    expect(korea.map((i) => i.row)).toEqual([rowOf('Pocheon'), rowOf('\tSoul\t')]);
    expect(korea[0]!.message).toContain('"Korea" is ambiguous: KP');
    expect(korea[0]!.message).toContain('KR');
    expect(korea[0]!.column).toBe('stat2');
    expect(read.rows.rejected).toBe(2);
  });

  it('reads the year 0 as unknown, without a flag', () => {
    const row = rowOf('Beroun', 'Brzeg') + 0;
    expect(partnershipOf(row)?.signedDate).toBe('2002');
    const unknownRows = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => l.endsWith('\t0'));
    expect(unknownRows.length).toBe(80);
    for (const [, row] of unknownRows) {
      expect(issuesAt(read.report.warnings, row).filter((i) => i.column === 'rok')).toEqual([]);
      const p = partnershipOf(row);
      if (p && rowsOf.get(p.id)!.length === 1) expect(p.signedDate).toBeUndefined();
    }
  });

  it('reads 37546 as an Excel serial date, 2002-10-17, and flags it', () => {
    const row = rowOf('37546');
    expect(partnershipOf(row)?.signedDate).toBe('2002-10-17');
    const [flag] = issuesAt(read.report.warnings, row);
    expect(flag).toMatchObject({ kind: 'excel-serial-date', column: 'rok', text: '37546' });
    expect(flag!.message).toContain('2002-10-17');
  });

  it('flags the year 1238 as implausible and keeps no date', () => {
    const row = rowOf('\t1238');
    expect(partnershipOf(row)?.signedDate).toBeUndefined();
    expect(partnershipOf(row)?.dateText).toBe('1238');
    expect(issuesAt(read.report.warnings, row)).toEqual([expect.objectContaining({ kind: 'implausible-year', column: 'rok' })]);
  });

  it('reads a repeated pair once, flagging the repetition and its other year', () => {
    const first = rowOf('Svitavy', 'Žiar nad Hronom', '1975');
    const second = rowOf('Svitavy', 'Žiar nad Hronom', '2006');
    const pairs = read.document.partnerships.filter((p) => p.id.includes('f-2869'));
    expect(pairs.length).toBe(1);
    expect(pairs[0]!.signedDate).toBe('1975');
    expect(rowsOf.get(pairs[0]!.id)).toEqual([first, second]);
    expect(issuesAt(read.report.warnings, second).map((i) => i.kind)).toEqual(['repeated-pair', 'repeated-pair-date']);
  });

  it('tells apart the partners the register gave one code (Praha\'s "F-1111"), flagged', () => {
    const praha = read.document.partnerships.filter((p) => p.parties[0]!.collectivityId === 'cz-s-111111');
    const names = praha.map((p) => read.document.collectivities.find((c) => c.id === p.parties[1]!.collectivityId)!.name);
    expect(names).toEqual(expect.arrayContaining(['Hamburk', 'Frankfurt nad Mohanem', 'Berlín', 'Chicago', 'Miami', 'Phoenix', 'Paříž', 'Kjóto']));
    expect(new Set(names).size).toBe(names.length);
    expect(read.report.warnings.filter((i) => i.kind === 'shared-code').length).toBeGreaterThan(0);
  });

  it('flags the Stamford Twinning Association: an association, and coordinates in the United States for Velká Británie', () => {
    const row = rowOf('Stamford Twinning Association');
    const kinds = issuesAt(read.report.warnings, row).map((i) => i.kind);
    expect(kinds).toEqual(['not-a-collectivity', 'coordinates-elsewhere']);
    const message = issuesAt(read.report.warnings, row)[1]!.message;
    expect(message).toContain('(US) than GB');
    const stamford = read.document.collectivities.find((c) => c.name === 'Stamford Twinning Association')!;
    expect(stamford.country).toBe('GB');
    expect(stamford.location).toBeUndefined();
  });

  it('keeps one collectivity per code, coordinates included', () => {
    const komarno = read.document.collectivities.filter((c) => c.name === 'KOMÁRNO');
    expect(komarno.length).toBe(1);
    expect(komarno[0]!.location).toBeDefined();
    const beroun = read.document.collectivities.find((c) => c.id === 'cz-s-531057')!;
    expect(beroun).toMatchObject({ name: 'Beroun', country: 'CZ', kind: 'commune', location: { lat: 49.963824, lon: 14.071999 } });
  });
});
