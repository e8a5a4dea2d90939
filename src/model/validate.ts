/** The gate every document passes before it is stored: the interchange schema, then references. */
import { RepertoireError } from '../errors.js';
import { unifyDomainsOfDocument } from './domain-labels.js';
import { describeIssues, type LocatePaths } from './issues.js';
import { findReferenceProblems } from './references.js';
import { RepertoireDocument } from './schema.js';

/**
 * The document, typed, with one domain per label (model/domain-labels.ts: a document exported
 * before "Eau & assainissement" was one domain imports as it is, its references moved); a
 * RepertoireError ('schema' or 'reference') naming every bad field otherwise, with its line when
 * `locate` finds it in the source.
 */
export function validateDocument(value: unknown, documentName?: string, locate?: LocatePaths): RepertoireDocument {
  const prefix = documentName === undefined ? '' : `${documentName}: `;
  const parsed = RepertoireDocument.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    throw new RepertoireError('schema', `${prefix}not a valid interchange document:\n${describeIssues(parsed.error.issues, locate)}`, 422);
  }
  const problems = findReferenceProblems(parsed.data);
  if (problems.length > 0) {
    throw new RepertoireError('reference', `${prefix}broken references:\n${problems.join('\n')}`, 422);
  }
  return unifyDomainsOfDocument(parsed.data);
}
