/**
 * A long file is a choice to explain: every non-test TypeScript file under src/ and bench/ over
 * LIMIT lines says why in its header comment, on a line starting `Size:` — or it is split. The
 * reason is for the next reader, who would otherwise take the length for neglect and split what
 * belongs together, or leave alone what should be split.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LIMIT = 400;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [relative(ROOT, path)] : [];
  });
}

/** Lines as `wc -l` counts them. */
const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** The `Size:` reason of the file's header comment (the `/** … *\/` it opens with), if any. */
function sizeReason(text: string): string | undefined {
  const header = /^(?:#![^\n]*\n)?\s*\/\*\*([\s\S]*?)\*\//.exec(text)?.[1];
  if (header === undefined) return undefined;
  for (const line of header.split('\n')) {
    const reason = /^\s*\*?\s*Size:\s*(\S.*)$/.exec(line)?.[1];
    if (reason !== undefined) return reason;
  }
  return undefined;
}

const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'bench'))].map((path) => {
  const text = readFileSync(join(ROOT, path), 'utf8');
  return { path, lines: lineCount(text), reason: sizeReason(text) };
});

describe('file sizes', () => {
  it('finds the files it checks', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files.some((f) => f.path === join('bench', 'index.ts'))).toBe(true);
    expect(files.some((f) => f.path.endsWith('.test.ts'))).toBe(false);
  });

  it('reads a reason only from the header comment', () => {
    expect(sizeReason('/**\n * What it is.\n * Size: one table, one line each.\n */\nexport {};\n')).toBe('one table, one line each.');
    expect(sizeReason('/** What it is. */\n/**\n * Size: too late.\n */\n')).toBeUndefined();
    expect(sizeReason('import x from "y";\n/** Size: not a header. */\n')).toBeUndefined();
    expect(sizeReason('/**\n * Size:\n */\n')).toBeUndefined();
  });

  it(`gives every file over ${LIMIT} lines a written reason (a "Size:" line in its header comment)`, () => {
    const unexplained = files.filter((f) => f.lines > LIMIT && f.reason === undefined).map((f) => `${f.path}: ${f.lines} lines`);
    expect(unexplained).toEqual([]);
  });
});
