/**
 * Country names in any language → ISO 3166 codes, through i18n-iso-countries (its names in 78
 * languages, official and common ones). The table's language is tried first, then English and
 * French, then every other language; the mapping's own names (`countryNames`) before all. A name
 * that is only part of several countries' names ("Korea": South Korea, North Korea) is ambiguous,
 * not guessed.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { foldKey } from '../../text/fold.js';

const require = createRequire(import.meta.url);

export type CountryAnswer =
  | { code: string; how: 'code' | 'mapping' | 'name' }
  | { code: string; how: 'partial'; name: string }
  | { ambiguous: { code: string; name: string }[] }
  | { unknown: true };

type LocaleData = Parameters<typeof countries.registerLocale>[0];

export class CountryNames {
  /** folded name → codes, per language, built when first needed */
  private readonly byLanguage = new Map<string, Map<string, Set<string>>>();
  private readonly answers = new Map<string, CountryAnswer>();
  private readonly own: Map<string, string>;

  constructor(
    private readonly language: string,
    countryNames: Readonly<Record<string, string>> = {},
  ) {
    this.own = new Map(Object.entries(countryNames).map(([name, code]) => [foldKey(name), code]));
  }

  read(text: string): CountryAnswer {
    // A table names few countries, row after row: answers are kept by the text as written.
    const hit = this.answers.get(text);
    if (hit) return hit;
    const answer = this.find(text.trim(), foldKey(text));
    if (this.answers.size >= 10_000) this.answers.clear();
    this.answers.set(text, answer);
    return answer;
  }

  private find(text: string, key: string): CountryAnswer {
    const own = this.own.get(key);
    if (own) return { code: own, how: 'mapping' };
    if (/^[A-Za-z]{2}$/.test(text) && countries.isValid(text.toUpperCase())) return { code: text.toUpperCase(), how: 'code' };
    if (/^[A-Za-z]{3}$/.test(text) && countries.alpha3ToAlpha2(text.toUpperCase())) return { code: countries.alpha3ToAlpha2(text.toUpperCase())!, how: 'code' };
    const order = this.languages();
    for (const language of order) {
      const codes = this.index(language).get(key);
      if (codes?.size === 1) return { code: [...codes][0]!, how: 'name' };
    }
    // Part of a name: "Korea" in "Jižní Korea"; one country is an answer to check, several are a question.
    for (const language of order) {
      const found = new Map<string, string>();
      for (const [name, codes] of this.index(language)) {
        if (!` ${name} `.includes(` ${key} `)) continue;
        for (const code of codes) if (!found.has(code)) found.set(code, name);
      }
      if (found.size === 1) {
        const [code, name] = [...found][0]!;
        return { code, how: 'partial', name };
      }
      if (found.size > 1) return { ambiguous: [...found].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)) };
    }
    return { unknown: true };
  }

  private languages(): string[] {
    const first = [this.language, 'en', 'fr'];
    const rest = (countries.getSupportedLanguages() as string[]).filter((l) => !first.includes(l)).sort();
    return [...new Set([...first, ...rest])];
  }

  private index(language: string): Map<string, Set<string>> {
    let map = this.byLanguage.get(language);
    if (map) return map;
    map = new Map();
    let data: LocaleData;
    try {
      data = require(`i18n-iso-countries/langs/${language}.json`) as LocaleData;
    } catch {
      this.byLanguage.set(language, map);
      return map;
    }
    for (const [code, names] of Object.entries(data.countries)) {
      for (const name of Array.isArray(names) ? names : [names]) {
        const key = foldKey(name);
        const codes = map.get(key) ?? new Set<string>();
        codes.add(code);
        map.set(key, codes);
      }
    }
    this.byLanguage.set(language, map);
    return map;
  }
}

/** The ISO 3166 numeric code of a country (world-atlas's ids), when it has one. */
export function numericCode(alpha2: string): string | undefined {
  return countries.alpha2ToNumeric(alpha2);
}

/** The ISO 3166 alpha-2 code of a numeric one. */
export function alpha2Code(numeric: string): string | undefined {
  return countries.numericToAlpha2(numeric);
}
