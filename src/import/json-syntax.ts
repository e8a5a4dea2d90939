/**
 * Finds where a JSON text goes wrong, and where a value of it starts. `JSON.parse` on Node 20
 * often reports no position at all ("Unexpected token '}', … is not valid JSON"); people fixing
 * a file need a line and a column. Only called after `JSON.parse` has failed, or to place the
 * fields the schema refused, so the happy path stays native.
 *
 * The scanner keeps its own stack of open objects and arrays instead of recursing: a document
 * nested 100 000 deep is read to its error like any other (recursion overflowed Node's stack at a
 * few thousand levels, and the import died with a RangeError).
 */
export interface JsonSyntaxError {
  /** 0-based offset of the first character that cannot be read */
  offset: number;
  line: number;
  column: number;
  message: string;
}

export interface JsonPosition {
  offset: number;
  line: number;
  column: number;
}

/** A JSON path as Zod reports it: property names and array indexes. */
export type JsonPath = readonly PropertyKey[];

class Stop {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

const LITERAL = /(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Reads the whole text; calls `visit` where each value starts, with its path (the array is reused:
 * copy it to keep it). `visit` returning true ends the scan. Returns where the text breaks, if it does.
 */
function scan(text: string, visit?: (path: readonly (string | number)[], offset: number) => boolean): Stop | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not an error
  const path: (string | number)[] = [];
  const closers: ('}' | ']')[] = [];
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
  const propertyName = (): string => {
    space();
    if (text[i] !== '"') stop('a property name in double quotes');
    const start = i;
    string();
    const name = JSON.parse(text.slice(start, i)) as string;
    expect(':', "':' after the property name");
    return name;
  };

  try {
    for (;;) {
      // A value starts here.
      space();
      if (visit?.(path, i)) return undefined;
      const char = text[i];
      if (char === '{' || char === '[') {
        const close = char === '{' ? '}' : ']';
        i += 1;
        space();
        if (text[i] !== close) {
          closers.push(close);
          path.push(close === '}' ? propertyName() : 0);
          continue;
        }
        i += 1;
      } else if (char === '"') string();
      else {
        LITERAL.lastIndex = i;
        if (!LITERAL.test(text)) stop('a value');
        i = LITERAL.lastIndex;
      }
      // A value ended: close what it ended, then go on to the next item, or to the end.
      for (;;) {
        space();
        const close = closers.at(-1);
        if (close === undefined) {
          if (i < text.length) stop('the end of the document');
          return undefined;
        }
        if (text[i] === close) {
          i += 1;
          closers.pop();
          path.pop();
          continue;
        }
        expect(',', `',' or '${close}'`);
        path[path.length - 1] = close === '}' ? propertyName() : (path.at(-1) as number) + 1;
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return error;
  }
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stopped = scan(text);
  if (stopped === undefined) return undefined;
  const found = stopped.offset >= text.length ? 'end of document' : JSON.stringify(text[stopped.offset]);
  return { ...position(text, stopped.offset), message: `unexpected ${found}, expected ${stopped.expected}` };
}

/** Where the values at `paths` start in a well-formed JSON text (undefined for a path it lacks), in one reading. */
export function locateJsonPaths(text: string, paths: readonly JsonPath[]): (JsonPosition | undefined)[] {
  const offsets: (number | undefined)[] = paths.map(() => undefined);
  let left = paths.length;
  if (left > 0) {
    scan(text, (path, offset) => {
      paths.forEach((wanted, k) => {
        if (offsets[k] === undefined && wanted.length === path.length && wanted.every((key, j) => key === path[j])) {
          offsets[k] = offset;
          left -= 1;
        }
      });
      return left === 0;
    });
  }
  return offsets.map((offset) => (offset === undefined ? undefined : position(text, offset)));
}

function position(text: string, offset: number): JsonPosition {
  const lineStart = offset === 0 ? -1 : text.lastIndexOf('\n', offset - 1);
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line += 1;
  return { offset, line, column: offset - lineStart };
}
