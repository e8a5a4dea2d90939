/**
 * The canonical form of an interchange document, the one the store gives back and exports write:
 * keys in the schema's order (Zod rebuilds objects shape by shape), optional fields absent rather
 * than null, and no empty arrays below the top level (an empty list says nothing an absent one
 * does not). Two documents that mean the same thing have the same canonical text.
 */
import { RepertoireDocument } from './schema.js';

export function canonicalDocument(doc: RepertoireDocument): RepertoireDocument {
  const { domains, collectivities, partnerships, ...rest } = RepertoireDocument.parse(doc);
  return {
    ...withoutEmptyArrays(rest),
    domains: domains.map(withoutEmptyArrays),
    collectivities: collectivities.map(withoutEmptyArrays),
    partnerships: partnerships.map(withoutEmptyArrays),
  } as RepertoireDocument;
}

function withoutEmptyArrays<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutEmptyArrays) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .filter(([, item]) => !(Array.isArray(item) && item.length === 0))
    .map(([key, item]) => [key, withoutEmptyArrays(item)]);
  return Object.fromEntries(entries) as T;
}

