/**
 * Zod issues told the way a person fixing a file needs them: the JSON path of the field, then
 * what was expected — `partnerships[3].projects[0].status: expected one of ongoing, completed, planned, other`.
 */
import type { z } from 'zod';

const SHOWN = 10;

/** The lines, in the source, of the values at these paths (a reader that has the text knows them). */
export type LocatePaths = (paths: readonly (readonly PropertyKey[])[]) => readonly (number | undefined)[];

/** One line per problem, the first ten; each ends with its line in the source when `locate` is given. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], locate?: LocatePaths): string {
  const problems = issues.slice(0, SHOWN).flatMap(problemsOf);
  const lines = locate?.(problems.map((problem) => problem.path));
  const text = problems.map(({ path, what }, k) => `${jsonPath(path)}: ${what}${lines?.[k] === undefined ? '' : ` (line ${lines[k]})`}`);
  if (issues.length > SHOWN) text.push(`… and ${issues.length - SHOWN} more`);
  return text.join('\n');
}

export function describeIssue(issue: z.core.$ZodIssue): string[] {
  return problemsOf(issue).map(({ path, what }) => `${jsonPath(path)}: ${what}`);
}

function problemsOf(issue: z.core.$ZodIssue): { path: readonly PropertyKey[]; what: string }[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...issue.path, key], what: 'unknown field' }));
  return [{ path: issue.path, what: expectation(issue) }];
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `expected ${issue.expected}, got ${kindOf(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${issue.minimum} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${issue.maximum} item(s)`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.maximum === Number.MAX_SAFE_INTEGER) return `must be at most ${issue.maximum} (2^53 − 1): a larger number cannot be stored exactly`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return `${JSON.stringify(issue.input)} does not match ${'pattern' in issue ? String(issue.pattern) : issue.format}`;
    default:
      return issue.message;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  // JSON has no Infinity: a number too large for a double (1e400) reads as one
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to be read (beyond 1.8e308)';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** ['partnerships', 3, 'status'] → partnerships[3].status */
export function jsonPath(path: readonly PropertyKey[]): string {
  const text = path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
  return text === '' ? '(document)' : text;
}
