/**
 * The PDF read with its boxes, on the lines that the printed book's round trip once read wrong
 * (scripts/pdf-round-trip.ts, ADR 0008): each case small, words 6 points a letter, 3 apart, lines
 * 11 high at a pitch of 13; the text's right margin is where the fullest lines end (50 + 80 letters).
 */
import { describe, expect, it } from 'vitest';
import { boxedText } from './boxes.js';
import { DIRECTORY_CUES } from './index.js';
import { normalisePdfText } from './normalise.js';

/** A page of lines [text, top]; a word glued to the next by a no-break space touches it. */
function page(lines: readonly (readonly [string, number])[]): string {
  const words = lines.flatMap(([line, top]) => {
    let x = 50;
    return line.split(/(?<=[^\u00A0]) /).map((word) => {
      const w = `<word xMin="${x}" yMin="${top}" xMax="${x + [...word].length * 6}" yMax="${top + 11}">${word.replace(/'/g, '&apos;')}</word>`;
      x += [...word].length * 6 + (word.endsWith('\u00A0') ? 0 : 3);
      return w;
    });
  });
  return `<page width="595" height="842">${words.join('\n')}</page>`;
}
/** Lines one after the other from the top, at the pitch of a paragraph's lines. */
const flowing = (lines: readonly string[], top = 100) => page(lines.map((l, i) => [l, top + i * 13] as const));
const read = (...pages: string[]) => {
  const boxed = boxedText(`<doc>${pages.join('')}</doc>`);
  return normalisePdfText(boxed.text, { cues: DIRECTORY_CUES, boxes: boxed.boxes }).lines.map((l) => l.text);
};
/** A full line, 80 letters: the margin is learnt from it. */
const FULL = `${'a'.repeat(38)} ${'b'.repeat(41)}`;
const RULER = flowing([FULL, FULL, FULL, FULL, FULL, FULL, 'Fin du modèle.']);

describe('the PDF read with its boxes: what once broke the round trip', () => {
  it('joins a dash, a label or a capital that did not fit at the end of a full line that runs on', () => {
    const dash = `${'c'.repeat(39)} ${'d'.repeat(39)}`; // ends 2 points short of the margin: "-" and a blank do not fit
    expect(read(RULER, flowing([dash, '- Première rencontre.', 'Formation.']))).toEqual([expect.any(String), `${dash} - Première rencontre.`, 'Formation.']);
    const du = `${'e'.repeat(37)} ${'f'.repeat(38)} du`;
    expect(read(RULER, flowing([du, "CPER 2000-2006 (jusqu'en 2002).", '']))).toEqual([expect.any(String), `${du} CPER 2000-2006 (jusqu'en 2002).`]);
    const semicolon = `${'g'.repeat(38)} ${'h'.repeat(39)} ;`;
    expect(read(RULER, flowing([semicolon, 'Tel : 00 212 37 72 12 81']))).toEqual([expect.any(String), `${semicolon} Tel : 00 212 37 72 12 81`]);
  });

  it('keeps an item, a label or a role apart after a line its first word would have fitted on, whatever that line ends with', () => {
    expect(read(RULER, flowing(['Rhône-Alpes', '- Première rencontre.']))).toEqual([expect.any(String), 'Rhône-Alpes', '- Première rencontre.']);
    // "M. Hassan" looks like a first name waiting for its surname in capitals; the role would have fitted
    const label = 'Élu en charge du dossier (Commune urbaine de Safi) : M. Hassan Cherkaoui';
    expect(read(RULER, flowing([label, 'Vice-Président Chargé de la Coopération décentralisée']))).toEqual([expect.any(String), label, 'Vice-Président Chargé de la Coopération décentralisée']);
  });

  it('takes "et/ou" inside a sentence for a sentence, not for a pair of names on a line of its own', () => {
    const line = `- Les zones ${'i'.repeat(20)} et/ou ${'j'.repeat(30)} de la Région`.padEnd(79, 'k');
    expect(read(RULER, flowing([line, 'Nord-Pas de Calais : la Région de Kayes au Mali.']))).toEqual([expect.any(String), `${line} Nord-Pas de Calais : la Région de Kayes au Mali.`]);
  });

  it('keeps a contact’s address apart from a full role before it', () => {
    const role = `Chargée de mission / responsable ${'l'.repeat(38)}`.padEnd(79, 'm');
    const address = 'Tour Rond Point 93, 65 rue du capitaine Dreyfus, 93100 Montreuil';
    expect(read(RULER, flowing([role, address]))).toEqual([expect.any(String), role, address]);
  });

  it('measures the line after a cell printed apart from where that cell ends, not where its row began', () => {
    // the row's last line is full, the cell's (": 03 …") is not: the next partner begins a line
    const row = `${endingAt("Centre de l'Eau de Nancy (149 rue Gabriel Péri - Vandoeuvre", 497)} - Tel`;
    expect(read(RULER, flowing([row, ': 03 83 15 87 99)', 'Communauté Urbaine du Grand Nancy']))).toEqual([expect.any(String), `${row} : 03 83 15 87 99)`, 'Communauté Urbaine du Grand Nancy']);
  });

  it('measures a hyphen and the word a no-break space glues to it as one, and keeps the blank', () => {
    // "de la Région" ends 69 points short of the margin: "Tanger-" would have fitted, "Tanger- Tétouan" would not
    const region = `${'o'.repeat(28)} ${'p'.repeat(28)} de la Région`;
    expect(read(RULER, flowing([region, 'Tanger-\u2060\u00A0Tétouan d’appréhender.']))).toEqual([expect.any(String), `${region} Tanger- Tétouan d’appréhender.`]);
  });

  it('over a page’s end, takes a line that begins below where the pages’ text begins for a paragraph’s start', () => {
    const full = (c: string) => `${c.repeat(38)} ${c.repeat(41)}`;
    // the text begins at 100 on every page; a paragraph's padding puts its first line 3.4 points lower
    const pages = [flowing([FULL, full('q')]), flowing([full('r'), full('s')], 103.4), flowing(['suite.'])];
    expect(read(...pages)).toEqual([`${FULL} ${full('q')}`, `${full('r')} ${full('s')} suite.`]);
  });

  /** `text` with its last word lengthened until the line ends at `right` or just past it (words 6 a letter, blanks 3) */
  const endingAt = (text: string, right: number) => {
    let line = text;
    const width = (t: string) => t.split(' ').reduce((w, word) => w + [...word].length * 6, 0) + 3 * (t.split(' ').length - 1);
    while (50 + width(line) < right) line += 'x';
    return line;
  };

  it('joins a heading in capitals broken by the width, and a Synthèse’s pair whose last word did not fit, but not the next pair', () => {
    const heading = endingAt('SYNTHÈSE DES COOPÉRATIONS ET DES ACTIONS MENÉES PAR LES COLLECTIVITÉS DU', 520).replace(/x+$/, (x) => x.toUpperCase());
    expect(read(RULER, flowing([heading, 'PAR DOMAINES D’INTERVENTION']))).toEqual([expect.any(String), `${heading} PAR DOMAINES D’INTERVENTION`]);
    const pair = endingAt('Conseil régional du Nord-Pas de Calais/Conseil régional de Doukkala', 520);
    expect(read(RULER, flowing([pair, 'Abda', pair, 'Ville de Tours/Commune urbaine de Marrakech']))).toEqual([expect.any(String), `${pair} Abda`, pair, 'Ville de Tours/Commune urbaine de Marrakech']);
  });

  it('reads a Sommaire’s entry wrapped before its page number, narrower than the text, as one line, and ends it there', () => {
    const entry = (words: string, ref: string | undefined, top: number) =>
      `${page([[words, top]]).replace(/^<page[^>]*>|<\/page>$/g, '')}${ref ? `<word xMin="500" yMin="${top}" xMax="${500 + ref.length * 6}" yMax="${top + 11}">${ref}</word>` : ''}`;
    const sommaire = `<page width="595" height="842">${[
      entry('Conseil régional du Nord-Pas de Calais/Conseil régional de Doukkala', undefined, 100),
      entry('Abda', 'p.177', 113),
      entry('Communauté urbaine Nantes Métropole/Commune urbaine d’Agadir', 'p.112', 126),
      entry('III. Conseils généraux', undefined, 139),
      entry('Conseil général de l’Allier/Cercle de Tiflet', 'p.115', 152),
    ].join('\n')}</page>`;
    expect(read(RULER, sommaire)).toEqual([
      expect.any(String),
      'Conseil régional du Nord-Pas de Calais/Conseil régional de Doukkala Abda p.177',
      'Communauté urbaine Nantes Métropole/Commune urbaine d’Agadir p.112',
      'III. Conseils généraux',
      'Conseil général de l’Allier/Cercle de Tiflet p.115',
    ]);
  });

  it('takes a label or capitals right under a full line, with no blank, for text going on; at a page’s top, where no blank can be measured, for a label', () => {
    const full = endingAt('Il est chargé de la coordination des différents intervenants.', 524);
    expect(read(RULER, flowing([full, 'Remarque : l’IRCOD est une association.']))).toEqual([expect.any(String), `${full} Remarque : l’IRCOD est une association.`]);
    const precedent = endingAt('Continuer l’encadrement des jeunes créateurs appuyés lors du précédent', 524);
    expect(read(RULER, flowing([precedent, 'CPER (Contrat-Plan Etat Région)']))).toEqual([expect.any(String), `${precedent} CPER (Contrat-Plan Etat Région)`]);
    expect(read(flowing([FULL, FULL, full]), flowing(['Description du projet', 'Texte.']))).toEqual([`${FULL} ${FULL} ${full}`, 'Description du projet', 'Texte.']);
  });

  it('keeps a theme in capitals over its project’s title where the text begins, and lines of a list at the foot of two short pages', () => {
    const header = (n: number, ...lines: (readonly [string, number])[]) => page([['Conseils régionaux', 26], ...lines, [`${n} / 4`, 818]]);
    const pages = [
      header(1, ['Texte un.', 64], ['Ville de Marseille/Commune urbaine de Marrakech', 191]),
      header(2, ['ÉDUCATION, FORMATION (projet)', 64], ['Éducation, formation (projet)', 79], ['Ville de Marseille/Commune urbaine de Marrakech', 191]),
      header(3, ['Description du projet', 64]),
      header(4, ['Texte quatre.', 64]),
    ];
    expect(read(...pages)).toEqual([
      'Texte un.',
      'Ville de Marseille/Commune urbaine de Marrakech',
      'ÉDUCATION, FORMATION (projet)',
      'Éducation, formation (projet)',
      'Ville de Marseille/Commune urbaine de Marrakech',
      'Description du projet',
      'Texte quatre.',
    ]);
  });
});

describe('the PDF read from text alone: what larger type broke', () => {
  const FULL_TEXT = 'Les actions menées par les deux collectivités partenaires dans le domaine de la culture et du patrimoine';
  const texts = (...lines: string[]) => normalisePdfText([...lines, ...Array.from({ length: 40 }, () => FULL_TEXT), 'Fin.'].join('\n'), { cues: DIRECTORY_CUES }).lines.map((l) => l.text);

  it('joins a contact’s label broken after the civility, and a heading in capitals going on to "PAR …"', () => {
    expect(texts('Agent en charge du dossier (Commune urbaine d’Oujda) : M.', 'Abdelaziz BENALI', 'Tél : 05 36 68 00 00').slice(0, 2)).toEqual([
      'Agent en charge du dossier (Commune urbaine d’Oujda) : M. Abdelaziz BENALI',
      'Tél : 05 36 68 00 00',
    ]);
    expect(texts('SYNTHÈSE DES COOPÉRATIONS', 'PAR DOMAINES D’INTERVENTION', 'Développement urbain').slice(0, 2)).toEqual(['SYNTHÈSE DES COOPÉRATIONS PAR DOMAINES D’INTERVENTION', 'Développement urbain']);
  });
});

