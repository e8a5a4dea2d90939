/**
 * Field-by-field comparison of two interchange documents, for the book's round trip: records are
 * matched by id (domains by code), lists by position, and every difference is named by its JSON
 * path with the two values. Provenance (`source` fields) is not compared.
 */
import { canonicalDocument } from '../../model/canonical.js';
import type { RepertoireDocument } from '../../model/schema.js';

export interface Difference {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** The document without provenance, in canonical form. */
export function withoutProvenance(doc: RepertoireDocument): RepertoireDocument {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'source').map(([key, v]) => [key, strip(v)]));
    return value;
  };
  return canonicalDocument(strip(doc) as RepertoireDocument);
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function compare(path: string, expected: unknown, actual: unknown, out: Difference[]): void {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return;
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(expected) && isObject(actual)) {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) compare(`${path}.${key}`, e[key], a[key], out);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.every(isObject) && actual.every(isObject) && expected.length === actual.length) {
    expected.forEach((item, i) => compare(`${path}[${i}]`, item, actual[i], out));
    return;
  }
  out.push({ path, expected, actual });
}

/** Every difference between `expected` and `actual`, provenance aside. */
export function documentDifferences(expectedDoc: RepertoireDocument, actualDoc: RepertoireDocument): Difference[] {
  const expected = withoutProvenance(expectedDoc);
  const actual = withoutProvenance(actualDoc);
  const out: Difference[] = [];
  compare('directory', expected.directory, actual.directory, out);
  const records = <T>(name: string, e: readonly T[], a: readonly T[], key: (item: T) => string) => {
    const left = byKey(e, key);
    const right = byKey(a, key);
    for (const [id, item] of left) compare(`${name}[${id}]`, item, right.get(id), out);
    for (const [id, item] of right) if (!left.has(id)) out.push({ path: `${name}[${id}]`, expected: undefined, actual: item });
    const order = (m: Map<string, T>, other: Map<string, T>) => [...m.keys()].filter((id) => other.has(id)).join(',');
    if (order(left, right) !== order(right, left)) out.push({ path: `${name} (order)`, expected: [...left.keys()], actual: [...right.keys()] });
  };
  // the codes a domain took in (aliases) are the store's memory, not something a page prints
  const domains = (doc: RepertoireDocument) => doc.domains.map(({ aliases: _a, ...rest }) => rest);
  records('domains', domains(expected), domains(actual), (d) => d.code);
  records('collectivities', expected.collectivities, actual.collectivities, (c) => c.id);
  const partnerships = (doc: RepertoireDocument) => doc.partnerships.map(({ projects: _p, ...rest }) => rest);
  records('partnerships', partnerships(expected), partnerships(actual), (p) => p.id);
  const projects = (doc: RepertoireDocument) => doc.partnerships.flatMap((p) => (p.projects ?? []).map((project) => ({ ...project, partnershipId: p.id })));
  records('projects', projects(expected), projects(actual), (p) => p.id);
  return out;
}
