/**
 * One label, one domain: the 2008 Synthèse prints "Eau & assainissement" under two parents
 * (Développement urbain, Environnement) and "Autres" under four. Where a label is shared, the
 * domain is shown with its parent's: "Eau & assainissement (Environnement)". The records keep the
 * label as printed; the search facets and the statistics show these. The site's record pages keep
 * the printed label: a collectivity's coordination joins on purpose the domains one label names.
 */

export function distinctDomainLabels<D extends { code: string; label: string; parent?: string | null | undefined }>(domains: readonly D[]): D[] {
  const count = new Map<string, number>();
  for (const d of domains) count.set(d.label.toLowerCase(), (count.get(d.label.toLowerCase()) ?? 0) + 1);
  const byCode = new Map(domains.map((d) => [d.code, d]));
  return domains.map((d) => {
    const parent = d.parent ? byCode.get(d.parent) : undefined;
    return (count.get(d.label.toLowerCase()) ?? 0) > 1 && parent ? { ...d, label: `${d.label} (${parent.label})` } : d;
  });
}

