/**
 * Finds where a JSON text goes wrong. `JSON.parse` on Node 20 often reports no position at all
 * ("Unexpected token '}', … is not valid JSON"); people fixing a file need a line and a column.
 * Only called after `JSON.parse` has failed, so the happy path stays native.
 */
export interface JsonSyntaxError {
  /** 0-based offset of the first character that cannot be read */
  offset: number;
  line: number;
  column: number;
  message: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

const LITERAL = /(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const stop = (expected: string): never => {
    throw new Stop(i, expected);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const expect = (char: string, expected: string) => {
    space();
    if (text[i] !== char) stop(expected);
    i += 1;
  };
  const string = () => {
    i += 1; // opening quote
    for (;;) {
      const char = text[i];
      if (char === undefined) stop('a closing double quote');
      if (char === '"') return void (i += 1);
      if (char === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) stop('a valid escape sequence');
        i = ESCAPE.lastIndex;
      } else if (char! < ' ') stop('no control character inside a string');
      else i += 1;
    }
  };
  const list = (close: string, item: () => void) => {
    i += 1; // opening bracket
    space();
    if (text[i] === close) return void (i += 1);
    for (;;) {
      item();
      space();
      if (text[i] === close) return void (i += 1);
      expect(',', `',' or '${close}'`);
    }
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{') {
      return list('}', () => {
        space();
        if (text[i] !== '"') stop('a property name in double quotes');
        string();
        expect(':', "':' after the property name");
        value();
      });
    }
    if (char === '[') return list(']', value);
    if (char === '"') return string();
    LITERAL.lastIndex = i;
    if (!LITERAL.test(text)) stop('a value');
    i = LITERAL.lastIndex;
  };

  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1; // a byte-order mark is not an error
    value();
    space();
    if (i < text.length) stop('the end of the document');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return located(text, error);
  }
}

function located(text: string, { offset, expected }: Stop): JsonSyntaxError {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const found = offset >= text.length ? 'end of document' : JSON.stringify(text[offset]);
  return { offset, line, column, message: `unexpected ${found}, expected ${expected}` };
}
