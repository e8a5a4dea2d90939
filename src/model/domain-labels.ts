/**
 * One label, one domain (issue 17). The 2008 Synthèse prints "Eau & assainissement" under two
 * parents (Développement urbain, Environnement) and "Autres" under four. A reader who filters on
 * water means water wherever the print filed it, so a label printed under several parents is one
 * domain: the first printed, the later codes kept as its `aliases` (a document exported before
 * still imports, its references resolve, and a link to an old code is redirected). A catch-all
 * ("Autres") is not one domain across parents: each takes its parent's name, "Autres
 * (Environnement)". Every surface (domain pages, facets, records, statistics, exports) then shows
 * the taxonomy's own labels.
 */
import { foldKey } from '../text/fold.js';
import type { Domain, RepertoireDocument } from './schema.js';

/** Labels that mean "the rest of this parent", not a domain of their own across the tree. */
const CATCH_ALL = /^(autres?|divers|other|others)$/;

export interface DomainUnification<D extends Domain = Domain> {
  domains: D[];
  /** an old code → the code of the domain it was merged into */
  renamed: ReadonlyMap<string, string>;
}

/** The taxonomy with one domain per label (see above); `renamed` says where merged codes went. */
export function unifyDomains<D extends Domain>(domains: readonly D[]): DomainUnification<D> {
  const byCode = new Map(domains.map((d) => [d.code, d]));
  const hasChildren = new Set(domains.flatMap((d) => (d.parent === undefined ? [] : [d.parent])));
  const count = new Map<string, number>();
  for (const d of domains) count.set(foldKey(d.label), (count.get(foldKey(d.label)) ?? 0) + 1);
  const renamed = new Map<string, string>();
  const firstOfLabel = new Map<string, D>();
  const kept: D[] = [];
  for (const d of domains) {
    const label = foldKey(d.label);
    const parent = d.parent === undefined ? undefined : byCode.get(d.parent);
    if ((count.get(label) ?? 0) > 1 && CATCH_ALL.test(label) && parent !== undefined) {
      kept.push({ ...d, label: `${d.label} (${parent.label})` });
      continue;
    }
    const first = firstOfLabel.get(label);
    // a domain with sub-domains of its own is a branch of the tree: merging it would move them
    if (first !== undefined && !hasChildren.has(d.code) && !hasChildren.has(first.code)) {
      renamed.set(d.code, first.code);
      for (const alias of d.aliases ?? []) renamed.set(alias, first.code);
      continue;
    }
    if (first === undefined) firstOfLabel.set(label, d);
    kept.push(d);
  }
  const aliasesOf = new Map<string, string[]>();
  for (const [from, to] of renamed) aliasesOf.set(to, [...(aliasesOf.get(to) ?? []), from]);
  return {
    domains: kept.map((d) => {
      const aliases = [...new Set([...(d.aliases ?? []), ...(aliasesOf.get(d.code) ?? [])])];
      return aliases.length === 0 ? d : { ...d, aliases };
    }),
    renamed,
  };
}

/** Domain codes with the merged ones replaced by the domain they were merged into, each once. */
export function renameDomainCodes(codes: readonly string[] | undefined, renamed: ReadonlyMap<string, string>): string[] | undefined {
  if (codes === undefined) return undefined;
  return [...new Set(codes.map((code) => renamed.get(code) ?? code))];
}

/**
 * The document with one domain per label, every reference to a merged domain (or to an alias a
 * domain of the document declares) pointing to the domain that holds it.
 */
export function unifyDomainsOfDocument(doc: RepertoireDocument): RepertoireDocument {
  const { domains, renamed } = unifyDomains(doc.domains);
  const byAlias = new Map(renamed);
  for (const d of domains) for (const alias of d.aliases ?? []) byAlias.set(alias, d.code);
  const codes = new Set(domains.map((d) => d.code));
  const mentions = doc.partnerships.some((p) => [...(p.domains ?? []), ...(p.projects ?? []).flatMap((q) => q.domains ?? [])].some((c) => !codes.has(c) && byAlias.has(c)));
  if (renamed.size === 0 && !mentions && domains.every((d, i) => d.label === doc.domains[i]?.label)) return doc;
  const rename = (list: string[] | undefined) => renameDomainCodes(list, byAlias);
  return {
    ...doc,
    domains,
    partnerships: doc.partnerships.map((p) => ({
      ...p,
      ...(p.domains === undefined ? {} : { domains: rename(p.domains)! }),
      ...(p.projects === undefined ? {} : { projects: p.projects.map((q) => (q.domains === undefined ? q : { ...q, domains: rename(q.domains)! })) }),
    })),
  };
}

/**
 * For display over a store filled before the taxonomy was unified: a label still shared is shown
 * with its parent's, "Eau & assainissement (Environnement)". On a unified taxonomy it changes nothing.
 */
export function distinctDomainLabels<D extends { code: string; label: string; parent?: string | null | undefined }>(domains: readonly D[]): D[] {
  const count = new Map<string, number>();
  for (const d of domains) count.set(foldKey(d.label), (count.get(foldKey(d.label)) ?? 0) + 1);
  const byCode = new Map(domains.map((d) => [d.code, d]));
  return domains.map((d) => {
    const parent = d.parent ? byCode.get(d.parent) : undefined;
    return (count.get(foldKey(d.label)) ?? 0) > 1 && parent ? { ...d, label: `${d.label} (${parent.label})` } : d;
  });
}
