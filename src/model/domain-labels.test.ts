import { describe, expect, it } from 'vitest';
import { distinctDomainLabels } from './domain-labels.js';

describe('distinctDomainLabels', () => {
  it('gives a shared label its parent, and leaves the others as printed', () => {
    const domains = [
      { code: 'urbain', label: 'Développement urbain' },
      { code: 'urbain-eau', label: 'Eau & assainissement', parent: 'urbain' },
      { code: 'env', label: 'Environnement' },
      { code: 'env-eau', label: 'Eau & assainissement', parent: 'env' },
      { code: 'sport', label: 'Sport' },
    ];
    const labels = distinctDomainLabels(domains).map((d) => d.label);
    expect(labels).toEqual(['Développement urbain', 'Eau & assainissement (Développement urbain)', 'Environnement', 'Eau & assainissement (Environnement)', 'Sport']);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
