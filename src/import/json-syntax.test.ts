import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, locateJsonPaths } from './json-syntax.js';

describe('findJsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}} ',
    '\ufeff{"bom": 1}',
    '"text"',
  ])('finds nothing wrong in %j', (text) => {
    expect(() => JSON.parse(text.replace(/^\ufeff/, ''))).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['{\n  "a": 1,\n  "b": }', 3, 8, `unexpected "}", expected a value`],
    ['{\n  "a": 1,\n}', 3, 1, 'unexpected "}", expected a property name in double quotes'],
    ['{"a" 1}', 1, 6, `unexpected "1", expected ':' after the property name`],
    ['[1, 2', 1, 6, "unexpected end of document, expected ',' or ']'"],
    ['[1 2]', 1, 4, `unexpected "2", expected ',' or ']'`],
    ['{"a": tru}', 1, 7, 'unexpected "t", expected a value'],
    ['{"a": "x\\q"}', 1, 9, 'unexpected "\\\\", expected a valid escape sequence'],
    ['{"a": "open', 1, 12, 'unexpected end of document, expected a closing double quote'],
    ['{}\n{}', 2, 1, 'unexpected "{", expected the end of the document'],
    ['', 1, 1, 'unexpected end of document, expected a value'],
    ['[01]', 1, 3, `unexpected "1", expected ',' or ']'`],
  ])('locates the error in %j at line %i, column %i', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, message });
  });

  it('reads a document nested 100 000 deep to its error without overflowing the stack', () => {
    const depth = 100_000;
    const broken = `{"a":\n${'['.repeat(depth)}${']'.repeat(depth - 1)}}`;
    expect(findJsonSyntaxError(broken)).toMatchObject({ line: 2, column: 2 * depth, message: `unexpected "}", expected ',' or ']'` });
    expect(findJsonSyntaxError(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toBeUndefined();
  });
});

describe('locateJsonPaths', () => {
  const text = '{\n  "a": [1,\n    {"b": "x", "c": [true]}],\n  "d": null\n}';
  it('finds where the values at the paths start, in one reading', () => {
    expect(locateJsonPaths(text, [['a', 1, 'c', 0], ['d'], [], ['a', 0], ['missing'], ['a', 1, 'b']])).toEqual([
      { offset: text.indexOf('true'), line: 3, column: 22 },
      { offset: text.indexOf('null'), line: 4, column: 8 },
      { offset: 0, line: 1, column: 1 },
      { offset: text.indexOf('1'), line: 2, column: 9 },
      undefined,
      { offset: text.indexOf('"x"'), line: 3, column: 11 },
    ]);
  });

  it('finds a value under 100 000 levels', () => {
    const depth = 100_000;
    const deep = `${'['.repeat(depth)}\n7${']'.repeat(depth)}`;
    expect(locateJsonPaths(deep, [Array.from({ length: depth }, () => 0)])).toEqual([{ offset: depth + 1, line: 2, column: 1 }]);
  });
});
