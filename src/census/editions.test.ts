import { describe, expect, it } from 'vitest';
import { loadFixture } from '../model/fixtures/index.js';
import type { RepertoireDocument } from '../model/schema.js';
import { compareEditions, seriesKey } from './editions.js';

function editions(change: (later: RepertoireDocument) => void) {
  const earlier = loadFixture();
  const later = loadFixture();
  later.directory = { ...later.directory, id: 'franco-marocain-2026', edition: '2026' };
  change(later);
  return compareEditions({ id: 'franco-marocain-2008', document: earlier }, { id: 'franco-marocain-2026', document: later });
}

describe('compareEditions', () => {
  it('finds nothing between an edition and itself, but where it was read', () => {
    const same = editions((later) => {
      for (const p of later.partnerships) p.source = { document: 'recensement-2026.pdf', page: 3 };
    });
    expect(same.partnerships).toEqual({ new: [], ended: [], changed: [], unchanged: 2 });
    expect(same.projects).toEqual({ new: [], ended: [], changed: [], unchanged: 2 });
    expect(same.to).toEqual({ id: 'franco-marocain-2026', title: expect.any(String), edition: '2026', countries: ['FR', 'MA'] });
  });

  it('lists the partnerships and projects new, ended and changed, field by field', () => {
    const result = editions((later) => {
      const [oujda, oriental] = later.partnerships as [RepertoireDocument['partnerships'][number], RepertoireDocument['partnerships'][number]];
      oujda.signedDate = '2009-03';
      const [plan, festival] = oujda.projects!;
      plan!.status = 'completed';
      oujda.projects = [plan!, { ...festival!, id: 'aix-en-provence-oujda-ecoles', title: 'Écoles numériques' }];
      later.partnerships = [oujda, { ...oriental, id: 'oujda-oriental', parties: [oriental.parties[1]!, { collectivityId: 'ma-commune-urbaine-oujda', country: 'MA' }] }];
    });
    expect(result.partnerships.changed).toEqual([
      { id: 'aix-en-provence-oujda', title: expect.stringContaining('/'), fields: [expect.objectContaining({ field: 'signedDate', kind: 'changed', after: '2009-03' })] },
    ]);
    expect(result.partnerships.new.map((p) => p.id)).toEqual(['oujda-oriental']);
    expect(result.partnerships.ended.map((p) => p.id)).toEqual(['aix-en-provence-oriental']);
    expect(result.partnerships.unchanged).toBe(0);
    expect(result.projects.changed).toEqual([
      {
        id: 'aix-en-provence-oujda-plan-de-deplacements',
        title: 'Plan de déplacements urbains',
        partnershipId: 'aix-en-provence-oujda',
        fields: [expect.objectContaining({ field: 'status', before: 'ongoing', after: 'completed' })],
      },
    ]);
    expect(result.projects.new.map((p) => p.title)).toEqual(['Écoles numériques']);
    expect(result.projects.ended.map((p) => p.title)).toEqual(['Festival des musiques']);
  });

  it('matches a partnership whose id changed by its parties, and says its former id', () => {
    const result = editions((later) => {
      later.partnerships[1]!.id = 'aix-oriental';
      later.partnerships[1]!.legalFramework = 'Convention de 2010';
    });
    expect(result.partnerships.new).toEqual([]);
    expect(result.partnerships.changed).toEqual([expect.objectContaining({ id: 'aix-oriental', previousId: 'aix-en-provence-oriental' })]);
  });

  it('puts the directories of the same countries in one series, whatever the partners’ order', () => {
    expect(seriesKey({ countries: ['FR', 'MA'] })).toBe(seriesKey({ countries: ['FR', 'MA'] }));
    expect(seriesKey({ countries: ['FR', 'SN', 'ML'] })).toBe(seriesKey({ countries: ['FR', 'ML', 'SN'] }));
    expect(seriesKey({ countries: ['FR', 'MA'] })).not.toBe(seriesKey({ countries: ['MA', 'FR'] }));
  });
});
