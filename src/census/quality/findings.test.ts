/**
 * The desk's findings on a small document: each kind found where it should be, keyed stably,
 * and counted by kind.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../model/fixtures/index.js';
import type { RepertoireDocument } from '../../model/schema.js';
import { countFindings, qualityFindings } from './findings.js';

function document(): RepertoireDocument {
  const doc = loadFixture();
  const [first] = doc.collectivities;
  // the same town twice: once named alike, once under another name at the same point
  doc.collectivities.push(
    { ...first!, id: 'fr-ville-aix-en-provance', name: 'Ville d’Aix-en-Provance', shortName: 'Aix-en-Provance', location: undefined },
    { ...first!, id: 'fr-ville-pays-d-aix', name: 'Ville du Pays d’Aix', shortName: 'Pays d’Aix', location: { lat: 43.53, lon: 5.45 } },
  );
  return doc;
}

describe('qualityFindings', () => {
  it('finds duplicates by name and by gazetteer distance, unresolved funders, projects without domain, unplaced places', () => {
    const doc = document();
    const located = new Map([[doc.collectivities[0]!.id, { lat: 43.529, lon: 5.447 }]]);
    const findings = qualityFindings(doc, undefined, { locate: (c) => c.location ?? located.get(c.id) });
    const duplicates = findings.filter((f) => f.kind === 'probable-duplicate-collectivity').map((f) => [f.record.id, f.params.otherId]);
    expect(duplicates).toEqual(expect.arrayContaining([[doc.collectivities[0]!.id, 'fr-ville-aix-en-provance'], [doc.collectivities[0]!.id, 'fr-ville-pays-d-aix']]));
    expect(findings.some((f) => f.kind === 'place-without-coordinates' && f.record.id === 'fr-ville-aix-en-provance')).toBe(true);
    // The fixture's "Cofinancement PAD" line points to the registry, its "Aix-en-Provence" line to a collectivity.
    expect(findings.filter((f) => f.kind === 'unresolved-funder')).toEqual([]);
    const counts = countFindings(findings);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(findings.length);
    // Stable keys: the same document gives the same keys.
    expect(qualityFindings(doc, undefined).map((f) => f.key)).toEqual(qualityFindings(doc, undefined).map((f) => f.key));
  });

  it("lists a funding line nothing resolved, and the report's inconsistencies at their records", () => {
    const doc = loadFixture();
    const project = doc.partnerships[0]!.projects![0]!;
    project.funding = [{ funder: 'Fondation Inconnue' }];
    project.domains = undefined;
    const line = project.source!.lines![0];
    const report = { document: 'x', format: 'json' as const, importedAt: '2026-01-01T00:00:00Z', counts: {}, unplaced: [], warnings: [], inconsistencies: [{ kind: 'population-differs', message: 'population differs', line }] };
    const findings = qualityFindings(doc, report);
    expect(findings.find((f) => f.kind === 'unresolved-funder')).toMatchObject({ record: { type: 'project', id: project.id }, params: { funder: 'Fondation Inconnue' } });
    expect(findings.find((f) => f.kind === 'project-without-domain')?.record.id).toBe(project.id);
    expect(findings.find((f) => f.kind === 'population-differs')?.record).toEqual({ type: 'project', id: project.id });
  });
});
