import { describe, expect, it } from 'vitest';
import { decodeDocument } from './read-document.js';

const TEXT = 'Ville de Fès — coopération\nÉlus : 2\n';

function utf16(text: string, order: 'le' | 'be', mark = true): Buffer {
  const units = Buffer.from(text, 'utf16le');
  if (order === 'be') units.swap16();
  return Buffer.concat([Buffer.from(mark ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []), units]);
}

describe('decodeDocument', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT)],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
    ['UTF-16LE with its mark', utf16(TEXT, 'le')],
    ['UTF-16BE with its mark', utf16(TEXT, 'be')],
  ])('reads %s', (_name, bytes) => {
    expect(decodeDocument(bytes, 'x.txt')).toBe(TEXT);
  });

  it('refuses UTF-16 without a mark, in a sentence', () => {
    expect(() => decodeDocument(utf16(TEXT, 'le', false), 'x.txt')).toThrow('x.txt: this looks like UTF-16 text without a byte-order mark');
    expect(() => decodeDocument(utf16(TEXT, 'be', false), 'x.txt')).toThrow('x.txt: this looks like UTF-16 text without a byte-order mark');
  });

  it('refuses UTF-16 cut in the middle of a character', () => {
    expect(() => decodeDocument(utf16(TEXT, 'le').subarray(0, 9), 'x.txt')).toThrow('x.txt: UTF-16 text (by its byte-order mark) that ends in the middle of a character');
  });

  it('leaves other binary data to the readers (a PDF is not UTF-16)', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 0, 0, 7, 255, 0, 13, 10])]);
    expect(decodeDocument(pdf, 'x.txt')).toContain('%PDF-1.4');
  });
});
