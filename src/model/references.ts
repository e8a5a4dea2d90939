/**
 * Referential integrity of an interchange document: ids are unique, and every reference to a
 * collectivity or a domain names one the document defines. Problems come back as messages that
 * start with the JSON path of the offending field, so that a person can find it.
 */
import type { RepertoireDocument } from './schema.js';

interface Keyed {
  key: string;
  path: string;
}

export function findReferenceProblems(doc: RepertoireDocument): string[] {
  const problems: string[] = [];
  const projects = doc.partnerships.flatMap((p, i) =>
    (p.projects ?? []).map((q, j) => ({ key: q.id, path: `partnerships[${i}].projects[${j}].id` })),
  );
  const collectivities = unique(doc.collectivities.map((c, i) => ({ key: c.id, path: `collectivities[${i}].id` })), problems);
  const domains = unique(doc.domains.map((d, i) => ({ key: d.code, path: `domains[${i}].code` })), problems);
  // a code merged into another domain still resolves (documents exported before the merge)
  doc.domains.forEach((d, i) =>
    d.aliases?.forEach((alias, j) => {
      if (domains.has(alias)) problems.push(`domains[${i}].aliases[${j}]: "${alias}" is also a domain's code`);
    }),
  );
  const aliases = new Set(doc.domains.flatMap((d) => d.aliases ?? []));
  unique(doc.partnerships.map((p, i) => ({ key: p.id, path: `partnerships[${i}].id` })), problems);
  unique(projects, problems);

  const collectivity = (path: string, id: string | undefined) => {
    if (id !== undefined && !collectivities.has(id)) problems.push(`${path}: unknown collectivity "${id}"`);
  };
  const domain = (path: string, code: string | undefined) => {
    if (code !== undefined && !domains.has(code) && !aliases.has(code)) problems.push(`${path}: unknown domain "${code}"`);
  };

  doc.domains.forEach((d, i) => {
    if (d.parent !== undefined && !domains.has(d.parent)) problems.push(`domains[${i}].parent: unknown domain "${d.parent}"`);
  });
  problems.push(...domainCycles(doc.domains));
  doc.partnerships.forEach((p, i) => {
    const at = `partnerships[${i}]`;
    p.parties.forEach((party, j) => collectivity(`${at}.parties[${j}].collectivityId`, party.collectivityId));
    p.domains?.forEach((code, j) => domain(`${at}.domains[${j}]`, code));
    p.budgets?.forEach((b, j) => collectivity(`${at}.budgets[${j}].collectivityId`, b.collectivityId));
    p.contacts?.forEach((c, j) => collectivity(`${at}.contacts[${j}].collectivityId`, c.collectivityId));
    p.projects?.forEach((q, j) => {
      const pat = `${at}.projects[${j}]`;
      q.domains?.forEach((code, k) => domain(`${pat}.domains[${k}]`, code));
      q.partners?.forEach((r, k) => collectivity(`${pat}.partners[${k}].collectivityId`, r.collectivityId));
      q.funding?.forEach((f, k) => collectivity(`${pat}.funding[${k}].funderCollectivityId`, f.funderCollectivityId));
    });
  });
  return problems;
}

/** The set of keys; a problem for each repeated one. */
function unique(items: Keyed[], problems: string[]): Set<string> {
  const seen = new Set<string>();
  for (const { key, path } of items) {
    if (seen.has(key)) problems.push(`${path}: duplicate "${key}"`);
    seen.add(key);
  }
  return seen;
}

/** A taxonomy is a tree: following parents from any domain must end. */
function domainCycles(domains: RepertoireDocument['domains']): string[] {
  const parentOf = new Map(domains.map((d) => [d.code, d.parent]));
  return domains.flatMap((d, i) => {
    const visited = new Set<string>();
    for (let code: string | undefined = d.code; code !== undefined; code = parentOf.get(code)) {
      if (visited.has(code)) return code === d.code ? [`domains[${i}].parent: "${d.code}" is its own ancestor`] : [];
      visited.add(code);
    }
    return [];
  });
}
