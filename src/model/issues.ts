/**
 * Zod issues told the way a person fixing a file needs them: the JSON path of the field, then
 * what was expected — `partnerships[3].projects[0].status: expected one of ongoing, completed, planned, other`.
 */
import type { z } from 'zod';

const SHOWN = 10;

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, SHOWN).flatMap(describeIssue);
  if (issues.length > SHOWN) lines.push(`… and ${issues.length - SHOWN} more`);
  return lines.join('\n');
}

export function describeIssue(issue: z.core.$ZodIssue): string[] {
  const at = jsonPath(issue.path);
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${jsonPath([...issue.path, key])}: unknown field`);
  return [`${at}: ${expectation(issue)}`];
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
      return `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return `${JSON.stringify(issue.input)} does not match ${'pattern' in issue ? String(issue.pattern) : issue.format}`;
    default:
      return issue.message;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
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
