/** What is not a directory gets one clear error that names the line. */
import { describe, expect, it } from 'vitest';
import { DirectoryFormatError, readDirectory } from './index.js';
import { SEED_COUNTRIES, seedText } from './testing.js';

const read = (text: string) => () => readDirectory(text, { document: 'test.txt', countries: SEED_COUNTRIES });

describe('readDirectory on what is not a directory', () => {
  it('refuses an empty document', () => {
    expect(read('')).toThrow(DirectoryFormatError);
    expect(read('\n  \n')).toThrow(/line 1: the document is empty/);
  });

  it('refuses binary data, naming the line', () => {
    expect(read('Villes\n\nVille de X\n%PDF-1.4\u0000\u0001\u0002')).toThrow(/line 4: binary data/);
  });

  it('refuses another text, quoting its beginning', () => {
    expect(read('Il était une fois\nune ville et une autre.\n')).toThrow(/line 1: this is not a directory: .*“Il était une fois”/);
  });

  it('refuses a directory cut before the synthesis its Sommaire announces', () => {
    const lines = seedText().split('\n');
    const error = (() => {
      try {
        readDirectory(lines.slice(0, 3000).join('\n'), { document: 'cut.txt', countries: SEED_COUNTRIES });
      } catch (e) {
        return e as DirectoryFormatError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(DirectoryFormatError);
    expect(error.line).toBeLessThanOrEqual(3000);
    expect(error.message).toMatch(/truncated/);
  });

  it('reads a part of a directory without Sommaire, reporting what it could not place', () => {
    const lines = seedText().split('\n');
    const part = ['Villes', '', ...lines.slice(150, 357), 'Une ligne égarée'].join('\n');
    const { document, report } = readDirectory(part, { document: 'part.txt', countries: SEED_COUNTRIES });
    expect(document.partnerships.map((p) => p.id)).toEqual(['aix-en-provence-oujda']);
    expect(report.counts.partnerships).toBe(1);
  });
});
