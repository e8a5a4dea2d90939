/** A collectivity's names in the language of the page being drawn (language.ts). */
import { defaultLocalNames } from '../profiles/names.js';
import { currentLanguage } from './language.js';

/**
 * Its curated name in that language where there is one (`data/profiles/<country>/names.json`: the
 * Arabic names of Morocco's collectivities), with the directory's own kept as `originalName`; else
 * the directory's.
 */
export function namesIn(id: string, name: string, shortName: string | undefined): { name: string; shortName?: string; originalName?: string } {
  const local = defaultLocalNames().collectivity(id, currentLanguage());
  const short = local?.place ?? shortName;
  const names = { name: local?.name ?? name, ...(short !== undefined ? { shortName: short } : {}) };
  return local === undefined ? names : { ...names, originalName: name };
}

/** A région's name in the language of the page being drawn where one is curated (`regions` of names.json), else as the directory writes it. */
export function regionNameIn(name: string): string {
  return defaultLocalNames().region(name, currentLanguage())?.name ?? name;
}
