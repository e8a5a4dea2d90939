/** The normaliser's rules, one by one, on small pages of the kinds pdftotext writes. */
import { describe, expect, it } from 'vitest';
import { boxedText } from './boxes.js';
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
    expect(NORMALISE_RULES.map((r) => r.name)).toEqual(['end-marks', 'pages', 'furniture', 'flow', 'words', 'table-cells', 'running-title', 'wrapped-lines', 'page-column']);
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

  it('takes a year at a line’s start for the sentence’s end, not for an item of a numbered list', () => {
    const long = 'Envoi de professionnels de Poitiers pour le championnat national qui a lieu à Azrou, du 2 au 6 avril';
    const source = [page(1, long, '2007. Ce stage est une première étape.', '1. Biodiversité'), page(2, 'x'), page(3, 'y'), RULER].join('\f');
    expect(texts(source).slice(0, 2)).toEqual([`${long} 2007. Ce stage est une première étape.`, '1. Biodiversité']);
  });

  it('keeps the blank before a line’s first sign (a line breaks at a blank), and joins a label inside a bracket left open', () => {
    const long = 'Création d’un centre de formation des guides et accompagnateurs de montagnes et désert';
    const partner = 'Association des Maires de Meurthe et Moselle (Centre Sadoul / 80 boulevard Foch - 54 520 Laxou -';
    const source = [page(1, long, '; Création d’une décharge.', partner, 'Tel : 03 83 28 54 00)', 'Tel : 03 83 28 54 01'), page(2, 'x'), page(3, 'y'), RULER].join('\f');
    expect(texts(source).slice(0, 3)).toEqual([`${long} ; Création d’une décharge.`, `${partner} Tel : 03 83 28 54 00)`, 'Tel : 03 83 28 54 01']);
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

/** A printed line's end as the book marks it (html.ts END_MARK): a word joiner. */
const M = '\u2060';

describe('a PDF whose printer marks the end of its paragraphs (the book: a word joiner)', () => {
  const marked = (n: number, ...body: string[]) => [TITLE, 'Villes', ...body, `${n} / 2`].join('\n');

  it('joins what the mark does not end, whatever the width or the words, and ends what it ends', () => {
    const source = [
      marked(1, `Description du projet${M}`, `Stage de deux cadres en Loire-Atlantique.${M}`, 'Visite de la délégation, courte mais', `Stage.${M}`, 'M. Jean', `DUPONT${M}`),
      marked(2, `Président${M}`, `Tél : 01 02 03 04 05${M}`),
    ].join('\f');
    expect(texts(source)).toEqual(['Description du projet', 'Stage de deux cadres en Loire-Atlantique.', 'Visite de la délégation, courte mais Stage.', 'M. Jean DUPONT', 'Président', 'Tél : 01 02 03 04 05']);
  });

  it('never takes a marked line for a running header, though it heads two pages running', () => {
    const source = [marked(1, `Description du projet${M}`, `Un.${M}`), marked(2, `Description du projet${M}`, `Deux.${M}`)].join('\f');
    expect(texts(source)).toEqual(['Description du projet', 'Un.', 'Description du projet', 'Deux.']);
  });

  it('keeps the blank after a glued hyphen that pdftotext drops, and mends a compound broken at its hyphen', () => {
    const source = [marked(1, `Visite à Montereau-${M}Journée du Maroc.${M}`, 'Région Tanger-\u200B', `Tétouan, 2003-\u200B`, `2005.${M}`), marked(2, `Un.${M}`, `Deux.${M}`, `Fin.${M}`)].join('\f');
    expect(texts(source)).toEqual(['Visite à Montereau- Journée du Maroc.', 'Région Tanger-Tétouan, 2003-2005.', 'Un.', 'Deux.', 'Fin.']);
  });

  it('reads a table’s row laid out over several lines (-layout) cell by cell', () => {
    const source = [marked(
      1,
      `Budget attribué${M}`,
      `    Budget 2007 attribué au jumelage Nîmes –            : 5 000 Euros.${M}`,
      `    Meknès${M}`,
      `    Conseil Régional Poitou-\u200B                       : 1 000 € (dont 20 % en`,
      `    Charentes${M}                                        nature).${M}`,
      `Sommaire des villes${M}             p.4${M}`,
    ), marked(2, `Fin.${M}`)].join('\f');
    expect(texts(source)).toEqual(['Budget attribué', 'Budget 2007 attribué au jumelage Nîmes – Meknès : 5 000 Euros.', 'Conseil Régional Poitou-Charentes : 1 000 € (dont 20 % en nature).', 'Sommaire des villes p.4', 'Fin.']);
  });

  it('is not taken for marked when only a few lines end with a word joiner', () => {
    const source = [page(1, `Ville de Tours${M}`, 'Commune urbaine de Fès'), page(2, 'Fin.'), RULER].join('\f');
    expect(normalisePdfText(source, { cues: DIRECTORY_CUES }).marked).toBe(false);
  });
});

describe('the PDF read with its boxes (pdftotext -bbox-layout)', () => {
  /** a page of -bbox-layout's XHTML: lines of words, each word 6 points a letter, 12 points high, 15 apart */
  const bboxPage = (lines: readonly string[]) => {
    const body = lines
      .map((line, i) => {
        let x = 50;
        return line
          .split(' ')
          .map((word) => {
            const w = `<word xMin="${x}" yMin="${100 + i * 15}" xMax="${x + word.length * 6}" yMax="${112 + i * 15}">${word.replace(/'/g, '&apos;')}</word>`;
            x += word.length * 6 + 3;
            return w;
          })
          .join('');
      })
      .join('\n');
    return `<page width="595" height="842">${body}</page>`;
  };
  const read = (lines: readonly string[]) => {
    const boxed = boxedText(`<doc>${bboxPage(lines)}</doc>`);
    return normalisePdfText(boxed.text, { cues: DIRECTORY_CUES, boxes: boxed.boxes }).lines.map((l) => l.text);
  };

  it('drops a running header by where it stands, and keeps a label that heads two pages running where the text begins', () => {
    /** a page of lines placed by hand: [text, top] */
    const placed = (lines: readonly (readonly [string, number])[]) =>
      `<page width="595" height="842">${lines
        .map(([line, top]) => {
          let x = 50;
          return line
            .split(' ')
            .map((word) => {
              const w = `<word xMin="${x}" yMin="${top}" xMax="${x + word.length * 6}" yMax="${top + 11}">${word}</word>`;
              x += word.length * 6 + 3;
              return w;
            })
            .join('');
        })
        .join('\n')}</page>`;
    const pages = [
      ['Description du projet', 'Texte un.'],
      ['Description du projet', 'Texte deux.'],
      ['Partenaires', 'Texte trois.'],
      ['Financement', 'Texte quatre.'],
    ].map(([label, text], i) => placed([[TITLE, 15], ['Villes', 26], [label!, 64], [text!, 79], [`${i + 1} / 4`, 818]]));
    const boxed = boxedText(`<doc>${pages.join('')}</doc>`);
    expect(normalisePdfText(boxed.text, { cues: DIRECTORY_CUES, boxes: boxed.boxes }).lines.map((l) => l.text)).toEqual([
      'Description du projet',
      'Texte un.',
      'Description du projet',
      'Texte deux.',
      'Partenaires',
      'Texte trois.',
      'Financement',
      'Texte quatre.',
    ]);
  });

  it('reads a table’s row whose cells run over several lines cell by cell, and a Sommaire’s entries as they are', () => {
    /** words placed by hand: [text, left, top], 6 points a letter, 11 high */
    const at = (words: readonly (readonly [string, number, number])[]) =>
      `<page width="595" height="842">${words.map(([w, x, y]) => `<word xMin="${x}" yMin="${y}" xMax="${x + w.length * 6}" yMax="${y + 11}">${w}</word>`).join('\n')}</page>`;
    const words = (text: string, left: number, top: number) => {
      let x = left;
      return text.split(' ').map((w) => {
        const word = [w, x, top] as const;
        x += w.length * 6 + 3;
        return word;
      });
    };
    // the first cell from 50 (its text ends by 280), the second from 290; rows 20 points apart, lines 13;
    // the Sommaire's page numbers far to the right
    const table = at([
      ...words('Budget attribué au jumelage Nîmes –', 50, 100),
      ...words(': 5 000 Euros.', 290, 100),
      ...words('Meknès', 50, 113),
      ...words('Tours : 17 227€ en 2002.', 50, 140),
      ...words('Sommaire', 50, 170),
      ...words('Ville de Tours/Commune urbaine de Marrakech', 50, 190),
      ...words('p.6', 500, 190),
      ...words('Ville de Vienne/Commune de Tiflet', 50, 203),
      ...words('p.9', 500, 203),
      ...words('Fin.', 50, 230),
    ]);
    expect(boxedText(`<doc>${table}</doc>`).text.split('\n').slice(0, 5)).toEqual([
      'Budget attribué au jumelage Nîmes – Meknès : 5 000 Euros.',
      'Tours : 17 227€ en 2002.',
      'Sommaire',
      'Ville de Tours/Commune urbaine de Marrakech p.6',
      'Ville de Vienne/Commune de Tiflet p.9',
    ]);
  });

  it('over a page’s end, takes a line in type of another size for another paragraph', () => {
    /** a page of lines [text, height], 13 points apart, 6 points a letter */
    const sized = (lines: readonly (readonly [string, number])[]) =>
      `<page width="595" height="842">${lines
        .map(([line, h], i) => {
          let x = 50;
          return line
            .split(' ')
            .map((word) => {
              const w = `<word xMin="${x}" yMin="${100 + i * 13}" xMax="${x + word.length * 6}" yMax="${100 + i * 13 + h}">${word}</word>`;
              x += word.length * 6 + 3;
              return w;
            })
            .join('');
        })
        .join('\n')}</page>`;
    const full = (a: string, b: string) => `${a.repeat(38)} ${b.repeat(41)}`;
    const boxed = boxedText(`<doc>${sized([[full('a', 'b'), 11], [full('c', 'd'), 11]])}${sized([['Titre', 13]])}${sized([[full('e', 'f'), 11]])}${sized([['suite.', 11]])}</doc>`);
    expect(normalisePdfText(boxed.text, { cues: DIRECTORY_CUES, boxes: boxed.boxes }).lines.map((l) => l.text)).toEqual([`${full('a', 'b')} ${full('c', 'd')}`, 'Titre', `${full('e', 'f')} suite.`]);
  });

  it('gives each printed line with its box, entities decoded', () => {
    const boxed = boxedText(`<doc>${bboxPage(["l'eau potable", 'Fin.'])}</doc>`);
    expect(boxed.text).toBe("l'eau potable\nFin.\n");
    expect(boxed.boxes[0]![0]).toMatchObject({ left: 50, right: 50 + 5 * 6 + 3 + 7 * 6, top: 100, bottom: 112, firstWord: 30, firstWordChars: 5, space: 3 });
  });

  it('joins a sentence ended before a capital when the capital’s word would not have fitted, and not when it would', () => {
    // the margin is where the fullest lines end: 50 + 80 letters; "Il" (12 points) fits after a line of 70 letters, not after one of 79
    const full = `${'a'.repeat(38)} ${'b'.repeat(41)}`;
    const lines = [full, full, full, full, `${'c'.repeat(37)} ${'d'.repeat(40)}.`, 'Il faudra ensuite.', `${'e'.repeat(30)} ${'f'.repeat(30)}.`, 'Il reste.'];
    expect(read(lines)).toEqual([`${full} ${full} ${full} ${full} ${'c'.repeat(37)} ${'d'.repeat(40)}. Il faudra ensuite.`, `${'e'.repeat(30)} ${'f'.repeat(30)}.`, 'Il reste.']);
  });
});
