/**
 * The book's maps: one per country of the directory, its partner countries first, then its home
 * country (Morocco, then France, for the 2008 book), drawn by the site's map renderer (src/maps/render.ts) from
 * the document's partnerships: one point per collectivity party to a partnership, its area
 * proportional to its number of partnerships (src/maps/data.ts). Each map is a figure whose SVG
 * is printed as it is (it carries its own styles); only its caption is text of the book, so that
 * the book's text (`bookText`) and the HTML's (`htmlToText`, which leaves SVG out) stay the same.
 */
import { mapDataFromDocument } from '../../maps/data.js';
import { renderMap } from '../../maps/render.js';
import type { RepertoireDocument } from '../../model/schema.js';
import { homeCountry, partnerCountries } from '../../model/sides.js';
import { defaultProfiles, type Profiles } from '../../profiles/profiles.js';
import { countryLabel } from '../../web/i18n/codes.js';
import { t, tn } from '../../web/i18n/index.js';
import { BOOK_WORDS, type BookWords } from './words.js';

export interface BookMap {
  readonly country: string;
  readonly svg: string;
}

export const MAPS_INTRO = BOOK_WORDS.fr.mapsIntro;

/** The maps with their captions (a caption names the collectivities that could not be placed). */
export function bookMaps(doc: Pick<RepertoireDocument, 'directory' | 'collectivities' | 'partnerships'>, profiles: Profiles = defaultProfiles(), words: BookWords = BOOK_WORDS.fr): { map: BookMap; caption: string }[] {
  const data = mapDataFromDocument(doc, { href: () => '#' });
  const countryOf = new Map(doc.collectivities.map((c) => [c.id, c.country]));
  const countries = doc.directory.countries;
  return [...partnerCountries(doc.directory), homeCountry(doc.directory)].map((country) => {
    const names = profiles.find(country)?.names;
    // French says "Le Maroc" under its map; another language its catalogue's name
    const name = words.locale === 'fr' ? (names?.frDefinite ?? names?.fr ?? country) : countryLabel(words.locale, country);
    const rendered = renderMap({
      country,
      countries,
      profiles,
      points: data.points,
      title: name,
      description: `${name}${words.colon}${words.mapsIntro}`,
      id: `book-map-${country}`,
      width: 600,
      // the map's legend and credit in the book's language (French: the renderer's own words)
      ...(words.locale === 'fr'
        ? {}
        : {
            legendTitle: t(words.locale, 'map.col.partnerships'),
            credit: t(words.locale, 'map.credit'),
            number: words.number,
            weightText: (weight: number) => tn(words.locale, 'common.partnerships', weight),
            countryName: (code: string) => countryLabel(words.locale, code),
            westernSaharaNote: t(words.locale, 'map.disputed'),
          }),
    });
    const unplaced = data.unlocated.filter((u) => countryOf.get(u.id) === country).map((u) => u.name);
    const count = rendered.table.length;
    const caption = words.mapCaption(name, count, unplaced);
    return { map: { country, svg: rendered.svg }, caption };
  });
}
