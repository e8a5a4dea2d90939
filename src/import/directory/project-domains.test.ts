/**
 * Every project has its domains where the print gives them (issue 17): from its theme heading (or
 * the short heading it is listed under), else from its partnership's only domain, marked with the
 * rule that derived them. The others are left for the editors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../model/schema.js';
import { readDirectory } from './index.js';
import { SEED_COUNTRIES, seedText } from './testing.js';

describe('the domains of the 2008 projects', () => {
  let projects: Project[];
  beforeAll(() => {
    const { document } = readDirectory(seedText(), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES });
    projects = document.partnerships.flatMap((p) => p.projects ?? []);
  });

  it('derives them from the heading or the partnership, and says by which rule', () => {
    const eau = projects.find((p) => p.id === 'aix-en-provence-oujda-eau-et-assainissement')!;
    expect(eau).toMatchObject({ domains: ['developpement-urbain-eau-assainissement'], domainRule: 'theme-heading' });
    const byRule = (rule: string | undefined) => projects.filter((p) => p.domainRule === rule).length;
    expect({ heading: byRule('theme-heading'), partnership: byRule('partnership'), none: byRule(undefined) }).toEqual({ heading: 164, partnership: 5, none: 28 });
    for (const p of projects) expect(Boolean(p.domains?.length), p.id).toBe(p.domainRule !== undefined);
    // 46 projects had no domain before; the 28 left are "RENFORCEMENT DES CAPACITÉS", "APPUI INSTITUTIONNEL"…, which the Synthèse's taxonomy has no domain for
    expect(projects.filter((p) => !p.domains?.length).every((p) => p.domainRule === undefined)).toBe(true);
  });
});
