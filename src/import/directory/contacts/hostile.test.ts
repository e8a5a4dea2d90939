/**
 * Whatever the lines, the reader ends quickly, throws nothing and returns well-formed records:
 * random lines mixing the block's vocabulary, odd unicode, very long and empty lines.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../random.js';
import { Contact } from '../../../model/schema.js';
import { FIXTURES } from './fixtures.js';
import { seedCountries as countries } from '../testing.js';
import { readContacts } from './read-contacts.js';
import type { SourceLine } from '../types.js';


const PIECES = [
  'M. ', 'Mme ', 'Agent en charge du dossier', ' : ', '(Ville de Lyon)', 'Tél', 'Fax', '/', '+ 212', '+33 (0)4', ' 12 34 56', '@', 'x.ma', 'www.', '<http://',
  'Hôtel de Ville', 'Commune urbaine de ', 'Marrakech', 'Rabat', 'Ville d\'', 'Aix-en-Provence', ' BP ', '20 000', ' rue ', 'Président', 'Adjoint au Maire', ',',
  'Contact en France', 'é', 'ﬁ', '\u200B', '\uFEFF', '𝔐', '🙂', 'ا', '\u0301', '(', ')', '*', '^{ème}', '→', '-', ' ', '  ', 'ABCDEF', 'abc', '\t',
];

function randomLines(count: number, seed: number): SourceLine[] {
  const next = mulberry32(seed);
  const lines: SourceLine[] = [];
  for (let n = 1; n <= count; n++) {
    const length = next() < 0.01 ? 2000 : Math.floor(next() * 12);
    let text = '';
    for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
    lines.push({ n, text });
  }
  return lines;
}

describe('readContacts on hostile input', () => {
  const { parties } = FIXTURES['lyon-rabat']!;

  it('reads 10 000 random lines quickly into well-formed records', () => {
    const lines = randomLines(10_000, 2008);
    const started = performance.now();
    const reading = readContacts(lines, parties, { countries });
    expect(performance.now() - started).toBeLessThan(3000);
    for (const { lines: span, ...contact } of reading.contacts) {
      expect(Contact.safeParse(contact).success).toBe(true);
      expect(span[0]).toBeLessThanOrEqual(span[1]);
    }
    for (const i of reading.institutions) expect(parties.map((p) => p.collectivityId)).toContain(i.collectivityId);
    for (const note of reading.notes) expect(note.line).toBeGreaterThan(0);
  });

  it('reads nothing from nothing', () => {
    expect(readContacts([], parties, { countries })).toEqual({ contacts: [], institutions: [], notes: [] });
    expect(readContacts([{ n: 1, text: '' }, { n: 2, text: '   \u200B ' }], parties, { countries })).toEqual({ contacts: [], institutions: [], notes: [] });
    expect(readContacts([{ n: 1, text: 'M. X' }], [], { countries })).toMatchObject({ institutions: [], notes: [] });
  });

  it('reads thousands of persons under one label without slowing down', () => {
    const lines = [{ n: 1, text: 'Agents en charge du dossier :' }, ...Array.from({ length: 10_000 }, (_, i) => ({ n: i + 2, text: `M. Agent ${i.toString(26).replace(/./g, (d) => String.fromCharCode(65 + parseInt(d, 26)))}` })), { n: 10_002, text: 'Tél : +212 61 00 00 00' }];
    const started = performance.now();
    const reading = readContacts(lines, parties, { countries });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(reading.contacts).toHaveLength(10_000);
    expect(reading.contacts.filter((c) => c.phones).length).toBeLessThanOrEqual(4);
  });

  it('notes a line far too long for a contact, quoting only its start', () => {
    const [note] = readContacts([{ n: 7, text: 'M. X ' + 'abc '.repeat(1000) }], parties, { countries }).notes;
    expect(note).toMatchObject({ kind: 'unplaced-contact-line', line: 7 });
    expect(note!.text!.length).toBeLessThanOrEqual(201);
  });

  it('survives pathological lines without slowing down', () => {
    const long = [
      'Élu en charge ' + 'a '.repeat(20_000),
      '+' + ' 1'.repeat(20_000),
      'a@' + 'b.'.repeat(20_000) + 'c',
      'M. ' + 'X, Mme '.repeat(5_000),
      '('.repeat(20_000),
      'Tél : ' + '/ '.repeat(20_000),
    ].map((text, i) => ({ n: i + 1, text }));
    const started = performance.now();
    readContacts(long, parties, { countries });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
