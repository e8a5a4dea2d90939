import { describe, expect, it } from 'vitest';
import { foldKey } from '../text/fold.js';
import { distinctDomainLabels, unifyDomains, unifyDomainsOfDocument } from './domain-labels.js';
import type { Domain, RepertoireDocument } from './schema.js';

const printed: Domain[] = [
  { code: 'urbain', label: 'Développement urbain' },
  { code: 'urbain-eau', label: 'Eau & assainissement', parent: 'urbain' },
  { code: 'env', label: 'Environnement' },
  { code: 'env-eau', label: 'EAU & Assainissement', parent: 'env' },
  { code: 'env-autres', label: 'Autres', parent: 'env' },
  { code: 'culture', label: 'Culture' },
  { code: 'culture-autres', label: 'autres', parent: 'culture' },
  { code: 'sport', label: 'Sport' },
];

describe('unifyDomains', () => {
  it('merges a label printed under two parents into the first, the other code kept as an alias; names each catch-all by its parent', () => {
    const { domains, renamed } = unifyDomains(printed);
    expect(domains.map((d) => [d.code, d.label, d.aliases])).toEqual([
      ['urbain', 'Développement urbain', undefined],
      ['urbain-eau', 'Eau & assainissement', ['env-eau']],
      ['env', 'Environnement', undefined],
      ['env-autres', 'Autres (Environnement)', undefined],
      ['culture', 'Culture', undefined],
      ['culture-autres', 'autres (Culture)', undefined],
      ['sport', 'Sport', undefined],
    ]);
    expect([...renamed]).toEqual([['env-eau', 'urbain-eau']]);
    const labels = domains.map((d) => foldKey(d.label));
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('changes nothing on a unified taxonomy', () => {
    const once = unifyDomains(printed).domains;
    expect(unifyDomains(once).domains).toEqual(once);
  });
});

describe('unifyDomainsOfDocument', () => {
  const doc = (domains: RepertoireDocument['domains'], codes: string[]): RepertoireDocument => ({
    format: 'repertoire',
    version: 1,
    directory: { title: 'T', countries: ['FR', 'MA'] },
    domains,
    collectivities: [],
    partnerships: [{ id: 'p', parties: [], domains: codes, projects: [{ id: 'q', title: 'Q', domains: [...codes].reverse() }] }],
  } as unknown as RepertoireDocument);

  it('moves the references of a document exported before the merge', () => {
    const out = unifyDomainsOfDocument(doc(printed, ['env-eau', 'urbain-eau', 'sport']));
    expect(out.partnerships[0]!.domains).toEqual(['urbain-eau', 'sport']);
    expect(out.partnerships[0]!.projects![0]!.domains).toEqual(['sport', 'urbain-eau']);
  });

  it('resolves a reference to an alias the taxonomy declares', () => {
    const unified = unifyDomains(printed).domains;
    const out = unifyDomainsOfDocument(doc(unified, ['env-eau']));
    expect(out.partnerships[0]!.domains).toEqual(['urbain-eau']);
    expect(out.domains).toEqual(unified);
  });
});

describe('distinctDomainLabels', () => {
  it('gives a label still shared (a store filled before the merge) its parent', () => {
    const labels = distinctDomainLabels(printed.slice(0, 4).map((d, i) => (i === 3 ? { ...d, label: 'Eau & assainissement' } : d))).map((d) => d.label);
    expect(labels).toEqual(['Développement urbain', 'Eau & assainissement (Développement urbain)', 'Environnement', 'Eau & assainissement (Environnement)']);
  });
});
