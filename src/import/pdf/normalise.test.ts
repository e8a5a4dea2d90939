/** The normaliser's rules, one by one, on small pages of the kinds pdftotext writes. */
import { describe, expect, it } from 'vitest';
import { DIRECTORY_CUES } from './index.js';
import { NORMALISE_RULES, normalisePdfText } from './normalise.js';

const TITLE = 'Répertoire des partenariats de coopération décentralisée';
const page = (n: number, ...body: string[]) => [TITLE, 'Villes', ...body, `${n} / 3`].join('\n');
/** A page of full lines, as a book has many: what "full" means is learnt from them. */
const FULL = 'Les actions menées par les deux collectivités partenaires dans le domaine de la culture et du patrimoine';
const RULER = Array.from({ length: 60 }, () => FULL).join('\n');
const texts = (source: string) => normalisePdfText(source, { cues: DIRECTORY_CUES }).lines.map((l) => l.text);

describe('the PDF text normaliser', () => {
  it('is a table of named rules, in order', () => {
    expect(NORMALISE_RULES.map((r) => r.name)).toEqual(['pages', 'furniture', 'flow', 'words', 'table-cells', 'running-title', 'wrapped-lines', 'page-column']);
  });

  it('drops running headers, footers and page numbers, keeping a heading of the same words under them', () => {
    const source = [page(1, 'Villes', 'Ville de Tours'), page(2, 'Commune urbaine de Fès'), page(3, 'Fin.'), RULER].join('\f');
    expect(texts(source).slice(0, 4)).toEqual(['Villes', 'Ville de Tours', 'Commune urbaine de Fès', 'Fin.']);
  });

  it('keeps page and line numbers of where each paragraph starts', () => {
    const source = [page(1, 'Ville de Tours'), page(2, 'Commune urbaine de Fès'), page(3, 'Fin.'), RULER].join('\f');
    const { lines } = normalisePdfText(source);
    expect(lines.slice(0, 3).map((l) => [l.page, l.line])).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('joins lines broken by the page width and mends hyphens only where the halves make a word', () => {
    const long = 'Le projet vise le renforcement des capacités de la commune en matière de gestion du développement';
    const source = [
      page(1, long, 'urbain et de la coopération entre les villes de Tours et de Marrakech, avec les associations dévelop-', 'pement local.'),
      page(2, `${long} d'Aix-en-`, 'Provence.', '- un item'),
      page(3, 'Fin.'),
    RULER].join('\f');
    expect(texts(source).slice(0, 4)).toEqual([
      `${long} urbain et de la coopération entre les villes de Tours et de Marrakech, avec les associations développement local.`,
      `${long} d'Aix-en-Provence.`,
      '- un item',
      'Fin.',
    ]);
  });

  it('does not join a label or a heading that follows a full line', () => {
    const long = 'Le projet vise le renforcement des capacités de la commune en matière de gestion du développement urbain.';
    const source = [page(1, long, 'Description du projet', long, 'PROJETS EN COURS'), page(2, 'x'), page(3, 'y'), RULER].join('\f');
    expect(texts(source).slice(0, 4)).toEqual([long, 'Description du projet', long, 'PROJETS EN COURS']);
  });

  it('puts a table row printed cell by cell back on one line, and a column of page numbers beside its names', () => {
    const source = [page(1, 'Coût total du projet', ': 2 032 800 Dhs.', 'I. Villes', 'Ville de Tours/Commune urbaine de Marrakech', 'Ville de Vienne/Commune urbaine de Tiflet', 'p.6', 'p.9'), page(2, 'x'), page(3, 'y'), RULER].join('\f');
    expect(texts(source).slice(0, 4)).toEqual(['Coût total du projet : 2 032 800 Dhs.', 'I. Villes', 'Ville de Tours/Commune urbaine de Marrakech p.6', 'Ville de Vienne/Commune urbaine de Tiflet p.9']);
  });

  it('joins the cover’s title broken over lines, as the running header prints it', () => {
    const source = [['Répertoire des partenariats', 'de coopération décentralisée', 'Juillet 2008', '1 / 3'].join('\n'), page(2, 'x'), page(3, 'y'), RULER].join('\f');
    expect(texts(source).slice(0, 2)).toEqual([TITLE, 'Juillet 2008']);
  });
});
