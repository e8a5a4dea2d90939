/**
 * The two sides of a directory: its first country is the home country, the others are partner
 * countries (`directory.countries`). Every place that splits parties, collectivities or counts
 * by side asks here, so that no code compares with a particular country: a France–Senegal
 * directory splits the same way as the France–Morocco one.
 */
export type Side = 'home' | 'partner';

/** What the helpers need of a directory: its countries, home first. */
export interface HasCountries {
  readonly countries: readonly string[];
}

/** The directory's home country (its first). */
export function homeCountry(directory: HasCountries): string {
  const home = directory.countries[0];
  if (home === undefined) throw new Error('a directory names its countries, home first: none given');
  return home;
}

/** The directory's partner countries (all but the first), in their order. */
export function partnerCountries(directory: HasCountries): string[] {
  return directory.countries.slice(1);
}

/** The side of a country: home for the directory's home country, partner for any other. */
export function sideOf(country: string, directory: HasCountries): Side {
  return country === homeCountry(directory) ? 'home' : 'partner';
}

/** Items split by side, each side in the given order. */
export function bySide<T>(items: readonly T[], countryOf: (item: T) => string, directory: HasCountries): Record<Side, T[]> {
  const home = homeCountry(directory);
  const split: Record<Side, T[]> = { home: [], partner: [] };
  for (const item of items) split[countryOf(item) === home ? 'home' : 'partner'].push(item);
  return split;
}
