/**
 * Headings are headings, partners are partners (issue 17): on the 2008 directory no project is a
 * theme heading alone, and the partners listed under "Partenaires" stay partners of their project.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project, RepertoireDocument } from '../../model/schema.js';
import { readDirectory } from './index.js';
import { SEED_COUNTRIES, seedText } from './testing.js';

describe('theme headings and partner lists of the 2008 directory', () => {
  let doc: RepertoireDocument;
  let projects: Project[];
  beforeAll(() => {
    doc = readDirectory(seedText(), { document: 'repertoire-franco-marocain-2008.txt', countries: SEED_COUNTRIES }).document;
    projects = doc.partnerships.flatMap((p) => p.projects ?? []);
  });
  const project = (id: string) => projects.find((p) => p.id === id)!;

  it('titles no project by its theme heading alone', () => {
    const headingAlone = projects.filter((p) => p.themes?.some((t) => t === p.title || t.startsWith(`${p.title} (`)));
    expect(headingAlone.map((p) => p.id)).toEqual([]);
    // Aquitaine's "COOPÉRATION INSTITUTIONNELLE" / "Déroulement des projets": named by its first action.
    const institutional = projects.filter((p) => p.themes?.[0] === 'COOPÉRATION INSTITUTIONNELLE');
    expect(institutional.map((p) => p.title)).toEqual([
      "Appui dans l'élaboration de la stratégie et des outils de communication du Conseil régional de Souss Massa Drâa",
      "Assistance pour l'élaboration d'une politique de valorisation des produits du terroir avec un projet pilote d'appui à la structuration de la filière huile d'argane et à son développement commercial",
    ]);
    // Numbered axes name no whole: the heading, in sentence case.
    expect(projects.find((p) => p.themes?.[0] === 'ÉDUCATION, FORMATION (projet de convention pour 2008)')?.title).toBe('Éducation, formation (projet de convention pour 2008)');
  });

  it('keeps the last names of a list of partners as partners (Stains, PACA)', () => {
    expect(projects.length).toBe(197);
    const stains = project('stains-figuig-chantier-d-insertion');
    expect(stains.partners?.map((p) => p.name).slice(-2)).toEqual(["DDTEFP (Direction Départementale du Travail, de l'Emploi et de la Formation Professionnelle)", "Agence pour le développement de l'Oriental"]);
    expect(stains.observations).toBe("Impact important constaté à la suite des réunions d'information organisées.");
    const larache = project('provence-alpes-cote-d-azur-tanger-tetouan-protection-et-valorisation-du-site-des-marais-de');
    expect(larache.partners?.map((p) => p.name)).toContain('Institut Scientifique de Rabat');
    expect(larache.funding?.map((f) => f.text)).toEqual(['PACA : 25 000€']);
    expect(larache.expectedResults).toHaveLength(1);
    expect(projects.some((p) => /^(agence pour le developpement|institut scientifique)/i.test(p.title.normalize('NFD').replace(/\p{M}/gu, '')))).toBe(false);
  });
});
