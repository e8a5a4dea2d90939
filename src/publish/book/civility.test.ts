/**
 * People keep their title: every person the 2008 source prints as "Mme" the book prints as "Mme",
 * and every "M." as "M." — read, stored, exported and printed, never guessed from a role.
 */
import { describe, expect, it } from 'vitest';
import { readDirectory } from '../../import/directory/index.js';
import { SEED_COUNTRIES } from '../../import/directory/testing.js';
import { RepertoireDocument } from '../../model/schema.js';
import { saveDocument } from '../../store/save-document.js';
import { openTempStore } from '../../test-support/temp-store.js';
import { exportJson } from '../json.js';
import { BUNDLED_NAME, BUNDLED_TEXT } from '../testing/tools.js';
import { bookText, composeBook } from './compose.js';

/** The persons a text names after a civility: "Mme Maryse Joissains-Masini" → "Maryse Joissains-Masini". */
function named(text: string, civility: 'Mme' | 'M\\.'): Set<string> {
  const pattern = new RegExp(String.raw`(?<![\p{L}])${civility}[ \t]+(\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’-]*|el|de|du|le))*)`, 'gu');
  return new Set([...text.matchAll(pattern)].map((m) => m[1]!.trim()));
}

describe('civilities in the book', () => {
  it('prints each person with the civility the source printed', async () => {
    const source = BUNDLED_TEXT();
    const { document, report, sources } = readDirectory(source, { document: BUNDLED_NAME, countries: SEED_COUNTRIES });
    // Through the store and the interchange export, as `repertoire export --format pdf` does.
    const { db } = await openTempStore();
    await saveDocument(db, document, { sources, report });
    const exported = RepertoireDocument.parse(JSON.parse(await exportJson(db)));
    const book = bookText(composeBook(exported));

    // The source prints "Mme" 72 times on 69 lines, for 64 women (Mme Deya BENJELLOUN in four
    // entries; Mme Latifa CHAY's line twice in a row, which the reader reads as one person), and the
    // book 74 times (Marseille's contacts, printed once for its four entries, it prints in each;
    // 50 before civilities were kept): the persons are the measure.
    expect((source.match(/(?<![\p{L}])Mme(?![\p{L}])/gu) ?? []).length).toBe(72);
    const women = named(source, 'Mme');
    expect(women.size).toBe(64);
    expect((book.match(/(?<![\p{L}])Mme(?![\p{L}])/gu) ?? []).length).toBe(74);
    expect(named(book, 'Mme')).toEqual(women);
    expect(women.has('Maryse Joissains-Masini')).toBe(true);
    expect(women.has('Dominique Voynet')).toBe(true);
    for (const woman of women) expect(named(book, 'M\\.').has(woman), woman).toBe(false);
    const executive = exported.collectivities.find((c) => c.executive?.name === 'Maryse Joissains-Masini')?.executive;
    expect(executive?.civility).toBe('Mme');
  });
});
